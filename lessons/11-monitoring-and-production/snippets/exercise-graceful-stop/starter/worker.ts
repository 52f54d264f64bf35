import { writeFileSync } from "node:fs";
import * as zmq from "zeromq";

writeFileSync("/tmp/worker.pid", String(process.pid));

const worker = new zmq.Reply({ linger: 1000 });
await worker.bind("tcp://127.0.0.1:5641");
console.log("worker: ready");

// TODO: SIGTERM ends this process at once, in the middle of a task (that is
// what Node does with a signal nobody handles). Handle SIGTERM: finish the task
// in hand, send its reply, take no new task, close the socket, and let the
// process end by itself with code 0.
for await (const [task] of worker) {
  await new Promise((resolve) => setTimeout(resolve, 400)); // the work
  await worker.send(`${task} done`);
}
