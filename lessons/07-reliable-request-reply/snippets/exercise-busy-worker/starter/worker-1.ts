import * as zmq from "zeromq";

const JOB_MS = 2000; // every job is long: longer than the queue's 1 s of patience

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A worker that answers each HEARTBEAT of the queue with one of its own.
const socket = new zmq.Dealer({ routingId: "worker-1", linger: 0 });
socket.connect("tcp://127.0.0.1:5556");
let sends = Promise.resolve();
const send = (frames: (string | Buffer)[]) =>
  (sends = sends.then(() => socket.send(frames)).catch(() => {}));
send(["READY"]);

let handled = 0;
for await (const frames of socket) {
  if (frames.length === 1) {
    if (`${frames[0]}` === "DISCONNECT") break;
    send(["HEARTBEAT"]); // the queue said HEARTBEAT: answer it
    continue;
  }
  const [client, empty, request] = frames;
  console.log(`worker-1: working on ${request} for ${JOB_MS} ms`);
  await sleep(JOB_MS);
  await send([client, empty, `${request} done by worker-1`]);
  handled++;
}
socket.close();
console.log(`worker-1: the queue said DISCONNECT, stopping after ${handled} requests`);
