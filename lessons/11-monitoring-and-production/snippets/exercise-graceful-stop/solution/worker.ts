import { writeFileSync } from "node:fs";
import * as zmq from "zeromq";

writeFileSync("/tmp/worker.pid", String(process.pid));

const worker = new zmq.Reply({ linger: 1000 });
await worker.bind("tcp://127.0.0.1:5641");
console.log("worker: ready");

// On SIGTERM: take no new task. If one is in hand, the loop stops after its
// reply; if the worker is idle, close() ends the waiting receive() (it rejects
// with EAGAIN) and with it the loop.
let stopping = false;
let busy = false;
process.once("SIGTERM", () => {
  console.log(`worker: SIGTERM${busy ? ", finishing the task in hand" : ""}`);
  stopping = true;
  if (!busy) worker.close();
});

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
