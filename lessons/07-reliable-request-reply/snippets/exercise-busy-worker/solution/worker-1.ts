import * as zmq from "zeromq";

const JOB_MS = 2000; // every job is long: longer than the queue's 1 s of patience
const HEARTBEAT_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Heartbeats come from a timer, not from the loop that does the work: they
// keep flowing while a job runs, so busy never looks like dead.
const socket = new zmq.Dealer({ routingId: "worker-1", linger: 0 });
socket.connect("tcp://127.0.0.1:5556");
let sends = Promise.resolve();
const send = (frames: (string | Buffer)[]) =>
  (sends = sends.then(() => socket.send(frames)).catch(() => {}));
send(["READY"]);
const timer = setInterval(() => send(["HEARTBEAT"]), HEARTBEAT_MS);

let handled = 0;
for await (const frames of socket) {
  if (frames.length === 1) {
    if (`${frames[0]}` === "DISCONNECT") break;
    continue; // the queue's HEARTBEAT: hearing it is enough
  }
  const [client, empty, request] = frames;
  console.log(`worker-1: working on ${request} for ${JOB_MS} ms`);
  await sleep(JOB_MS);
  await send([client, empty, `${request} done by worker-1`]);
  handled++;
}
clearInterval(timer);
socket.close();
console.log(`worker-1: the queue said DISCONNECT, stopping after ${handled} requests`);
