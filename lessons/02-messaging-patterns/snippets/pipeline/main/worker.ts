import * as zmq from "zeromq";
import { setTimeout as sleep } from "node:timers/promises";

// Three processes run this file; each names itself after its process id.
const me = `worker-${process.pid}`;

const tasks = new zmq.Pull(); // tasks come from the ventilator…
tasks.connect("tcp://127.0.0.1:5557");
const results = new zmq.Push(); // …results go to the sink
results.connect("tcp://127.0.0.1:5558");

const control = new zmq.Subscriber();
control.connect("tcp://127.0.0.1:5559");
control.subscribe("stop");
// When "stop" arrives, close the sockets: the for await loop below then ends.
control.receive().then(() => {
  for (const socket of [tasks, results, control]) socket.close();
});

let done = 0;
for await (const [task] of tasks) {
  const [id, ms] = task.toString().split(" ");
  await sleep(Number(ms)); // the "work"
  await results.send([me, id]);
  done++;
}
console.log(`${me}: did ${done} tasks, stopping`);
