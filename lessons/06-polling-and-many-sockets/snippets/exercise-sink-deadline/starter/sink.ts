import * as zmq from "zeromq";

const TASKS = 20;

const results = new zmq.Pull();
await results.bind("tcp://127.0.0.1:5558");
const control = new zmq.Publisher();
await control.bind("tcp://127.0.0.1:5559");

// TODO: worker-b leaves after three tasks and the tasks queued for it are
// lost, so this loop waits for ever for the last results. Stop waiting after
// 1000 ms without a result, and send KILL anyway.
let received = 0;
for await (const [result] of results) {
  received++;
  console.log(`sink: ${received}/${TASKS} ${result}`);
  if (received === TASKS) break;
}

await control.send("KILL");
console.log(`sink: ${received}/${TASKS} results, KILL sent`);
results.close();
control.close();
