import * as zmq from "zeromq";

// The Simple Pirate queue, which crashes when it receives this request and
// comes back 500 ms later knowing no workers.
const CRASH_ON_REQUEST = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// One life of the queue. It ends when the client says BYE, or when it crashes.
async function serve(crashOn: number): Promise<"bye" | "crashed"> {
  const frontend = new zmq.Router({ linger: 1000 });
  const backend = new zmq.Router({ linger: 1000 });
  await bindSoon(frontend, "tcp://127.0.0.1:5555");
  await bindSoon(backend, "tcp://127.0.0.1:5556");

  const ready: Buffer[] = []; // idle workers, idle longest first
  let wake: (() => void) | null = null;
  const makeReady = (worker: Buffer) => {
    ready.push(worker);
    wake?.();
    wake = null;
  };

  // From a worker: [worker, "", "READY"] or [worker, "", client, "", reply].
  const fromWorkers = (async () => {
    for await (const [worker, , ...rest] of backend) {
      if (rest.length === 1) console.log(`queue: ${worker} is READY`);
      else await frontend.send(rest);
      makeReady(worker);
    }
  })();

  let result: "bye" | "crashed";
  for (let n = 1; ; n++) {
    while (ready.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const [client, , request] = await frontend.receive();
    if (`${request}` === "BYE") {
      await frontend.send([client, "", "BYE"]);
      for (const worker of ready) await backend.send([worker, "", "STOP"]);
      result = "bye";
      break;
    }
    if (n === crashOn) {
      console.log(`queue: crashing, with ${request} in hand`);
      frontend.linger = backend.linger = 0; // a crash delivers nothing more
      result = "crashed";
      break;
    }
    const worker = ready.shift()!;
    console.log(`queue: ${request} → ${worker}`);
    await backend.send([worker, "", client, "", request]);
  }
  frontend.close();
  backend.close();
  await fromWorkers;
  return result;
}

// After a crash the port may still be held for a moment: try again.
async function bindSoon(socket: zmq.Router, address: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await socket.bind(address);
    } catch (err) {
      if (attempt === 20) throw err;
      await sleep(100);
    }
  }
}

console.log("queue: clients on 5555, workers on 5556");
let result = await serve(CRASH_ON_REQUEST);
while (result === "crashed") {
  await sleep(500);
  console.log("queue: restarted, it knows no workers");
  result = await serve(Infinity);
}
console.log("queue: the client said BYE, stopping");
