import * as zmq from "zeromq";

const tasks = new zmq.Pull();
tasks.connect("tcp://127.0.0.1:5557");
const control = new zmq.Subscriber();
control.connect("tcp://127.0.0.1:5559");
control.subscribe();

let done = 0;

// TODO: this loop never ends (nobody closes `tasks`), so the loop below never
// starts and KILL is never read. Make both loops run at the same time, and
// close `tasks` when KILL arrives so that the task loop ends too.
for await (const [task] of tasks) {
  done++;
  console.log(`worker: ${task}`);
}

for await (const [command] of control) {
  if (`${command}` === "KILL") break;
}

control.close();
console.log(`worker: killed after ${done} tasks`);
