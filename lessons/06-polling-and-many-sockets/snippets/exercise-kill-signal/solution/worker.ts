import * as zmq from "zeromq";

const tasks = new zmq.Pull();
tasks.connect("tcp://127.0.0.1:5557");
const control = new zmq.Subscriber();
control.connect("tcp://127.0.0.1:5559");
control.subscribe();

let done = 0;

async function work() {
  for await (const [task] of tasks) {
    done++;
    console.log(`worker: ${task}`);
  }
}

async function listen() {
  for await (const [command] of control) {
    if (`${command}` === "KILL") {
      tasks.close(); // the task loop ends: its pending receive() is cancelled
      break;
    }
  }
}

// Both loops at once; wait until both have ended.
await Promise.all([work(), listen()]);
control.close();
console.log(`worker: killed after ${done} tasks`);
