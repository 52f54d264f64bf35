import * as zmq from "zeromq";

const HEARTBEAT_MS = 250;
const LIVENESS = 4; // 1 s without a word from the queue: it is gone
const FIRST_BACKOFF_MS = 250; // wait before reconnecting, doubled each time
const MAX_BACKOFF_MS = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A Paranoid Pirate worker: a DEALER that says READY, heartbeats on a timer,
// and reconnects (a new socket, READY again) when the queue falls silent.
export async function runWorker(name: string) {
  let backoff = FIRST_BACKOFF_MS;
  let handled = 0;
  for (;;) {
    const socket = new zmq.Dealer({ routingId: name, linger: 0 });
    socket.connect("tcp://127.0.0.1:5556");
    let sends = Promise.resolve();
    const send = (frames: (string | Buffer)[]) =>
      (sends = sends.then(() => socket.send(frames)).catch(() => {}));
    send(["READY"]);

    let lastHeard = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - lastHeard > HEARTBEAT_MS * LIVENESS) socket.close(); // ends the loop below
      else send(["HEARTBEAT"]);
    }, HEARTBEAT_MS);

    let told = false;
    for await (const frames of socket) {
      lastHeard = Date.now();
      backoff = FIRST_BACKOFF_MS; // the queue is there: start over
      if (frames.length === 1) {
        if (`${frames[0]}` === "DISCONNECT") told = true;
        if (told) break;
        continue; // a HEARTBEAT
      }
      const [client, empty, request] = frames;
      console.log(`${name}: working on ${request}`);
      await sleep(50);
      await send([client, empty, `${request} done by ${name}`]);
      handled++;
    }
    clearInterval(timer);
    if (!socket.closed) socket.close();
    if (told) break;
    console.log(`${name}: queue silent for ${HEARTBEAT_MS * LIVENESS} ms, reconnecting in ${backoff} ms`);
    await sleep(backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }
  console.log(`${name}: the queue said DISCONNECT, stopping after ${handled} requests`);
}
