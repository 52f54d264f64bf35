import * as zmq from "zeromq";
import { setTimeout as sleep } from "node:timers/promises";

// Two processes run this file: each names itself by its process id.
const me = `worker-${process.pid}`;

const tasks = new zmq.Pull();
tasks.connect("tcp://127.0.0.1:5557");
const results = new zmq.Push();
results.connect("tcp://127.0.0.1:5558");
const control = new zmq.Subscriber();
control.connect("tcp://127.0.0.1:5559");
control.subscribe("stop");
// On "stop", closing the sockets ends the for await loop below.
void control.receive().then(() => {
  for (const socket of [tasks, results, control]) socket.close();
});

let done = 0;
for await (const [task] of tasks) {
  await sleep(50); // the "work"
  await results.send([me, task.toString()]);
  done++;
}
console.log(`worker did ${done} tasks`);
