import * as zmq from "zeromq";

const TASKS = 20;

const results = new zmq.Pull();
await results.bind("tcp://127.0.0.1:5558");
// The kill switch: one PUB socket, every worker subscribes to it.
const control = new zmq.Publisher();
await control.bind("tcp://127.0.0.1:5559");

let received = 0;
for await (const [result] of results) {
  received++;
  console.log(`sink: ${received}/${TASKS} ${result}`);
  if (received === TASKS) break;
}

// The batch is complete: tell every worker to stop.
await control.send("KILL");
console.log(`sink: ${received}/${TASKS} results, KILL sent`);
results.close();
control.close();
