import * as zmq from "zeromq";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Receives until `max` messages or until nothing comes for `ms` milliseconds. */
async function count(socket: zmq.Pull | zmq.Subscriber, max: number, ms: number) {
  socket.receiveTimeout = ms;
  let n = 0;
  try {
    while (n < max) {
      await socket.receive();
      n += 1;
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
  }
  return n;
}

/** Tries one send; reports whether it was queued or had to wait. */
async function trySend(socket: zmq.Push) {
  try {
    await socket.send("task");
    return "queued at once";
  } catch (err) {
    return `waited 500 ms, then ${(err as { code?: string }).code}`;
  }
}

// A. Connect first, bind 500 ms later.
{
  const push = new zmq.Push({ linger: 0 });
  push.connect("tcp://127.0.0.1:5555"); // nobody listens yet
  for (let n = 1; n <= 3; n++) await push.send(`task ${n}`); // all three resolve at once
  await sleep(500);
  const pull = new zmq.Pull({ linger: 0 });
  await pull.bind("tcp://127.0.0.1:5555");
  console.log(`A. PUSH connects, sends 3, PULL binds 500 ms later: ${await count(pull, 3, 1000)}/3 arrive`);
  push.close();
  pull.close();
}

// B. Bind, and send before anyone has connected.
{
  const push = new zmq.Push({ sendTimeout: 500, linger: 0 });
  await push.bind("tcp://127.0.0.1:5556");
  console.log(`B. PUSH binds, sends with no peer connected: ${await trySend(push)}`);
  push.close();
}

// C. The connecting side with immediate: true queues only for finished connections.
{
  const push = new zmq.Push({ sendTimeout: 500, immediate: true, linger: 0 });
  push.connect("tcp://127.0.0.1:5557"); // nobody listens
  console.log(`C. PUSH with immediate: true connects, sends with no peer: ${await trySend(push)}`);
  push.close();
}

// D. PUB/SUB: the subscriber connects first, the publisher binds and publishes at once.
{
  const sub = new zmq.Subscriber({ linger: 0 });
  sub.connect("tcp://127.0.0.1:5558"); // nobody listens yet: it retries every 100-200 ms
  sub.subscribe();
  await sleep(50);
  const pub = new zmq.Publisher({ linger: 0 });
  await pub.bind("tcp://127.0.0.1:5558");
  for (let n = 1; n <= 3; n++) await pub.send(`news ${n}`);
  console.log(`D. SUB connects first, PUB binds and publishes 3 at once: ${await count(sub, 3, 500)}/3 arrive`);
  pub.close();
  sub.close();
}
