import { writeFileSync } from "node:fs";
import * as zmq from "zeromq";

writeFileSync("/tmp/worker.pid", String(process.pid));

const worker = new zmq.Reply({ linger: 1000 });
await worker.bind("tcp://127.0.0.1:5641");
console.log("worker: ready");

// On SIGTERM (or SIGINT): take no new task. If one is in hand, the loop stops after its
// reply; if the worker is idle, close() ends the waiting receive() (it rejects
// with EAGAIN) and with it the loop.
let stopping = false;
let busy = false;
const stop = (signal: string) => {
  if (stopping) return;
  console.log(`worker: ${signal}${busy ? ", finishing the task in hand" : ""}`);
  stopping = true;
  if (!busy) worker.close();
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT")); // Ctrl-C, by hand

try {
  while (!stopping) {
    const [task] = await worker.receive();
    busy = true;
    await new Promise((resolve) => setTimeout(resolve, 400)); // the work
    await worker.send(`${task} done`);
    busy = false;
  }
} catch (err) {
  if (!stopping) throw err; // EAGAIN from close() is how an idle stop ends
}
if (!worker.closed) worker.close();
console.log("worker: stopped cleanly");
