import * as zmq from "zeromq";

const HEARTBEAT_MS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A queue that heartbeats its workers for 1.5 s and then goes away for good
// (no clients in this exercise: only the worker's side matters).
const backend = new zmq.Router({ linger: 0 });
await backend.bind("tcp://127.0.0.1:5556");
console.log("queue: workers on 5556");

const workers = new Set<string>();
let sends = Promise.resolve();
const timer = setInterval(() => {
  for (const name of workers)
    sends = sends.then(() => backend.send([name, "HEARTBEAT"])).catch(() => {});
}, HEARTBEAT_MS);
const fromWorkers = (async () => {
  for await (const [id, command] of backend) {
    if (`${command}` !== "READY" || workers.has(`${id}`)) continue;
    workers.add(`${id}`);
    console.log(`queue: ${id} is READY`);
  }
})();

await sleep(1500);
clearInterval(timer);
backend.close();
await fromWorkers;
console.log("queue: gone for good");
