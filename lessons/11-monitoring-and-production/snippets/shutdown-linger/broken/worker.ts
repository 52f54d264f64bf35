import { writeFileSync } from "node:fs";
import * as zmq from "zeromq";

writeFileSync("/tmp/worker.pid", String(process.pid));

// The default linger: close() keeps every undelivered message, and the process
// waits for them at exit, for as long as it takes.
const results = new zmq.Push();
results.connect("tcp://127.0.0.1:5621");

let stopping = false;
process.once("SIGTERM", () => {
  console.log("worker: SIGTERM, finishing the result in hand");
  stopping = true;
});

let n = 0;
while (!stopping) {
  await new Promise((resolve) => setTimeout(resolve, 100)); // the work
  await results.send(`result ${++n}`); // queued: it leaves when the sink takes it
}
results.close();
console.log(`worker: sent ${n} results, socket closed, exiting with code 0`);
