import * as zmq from "zeromq";

const TASKS = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const tasks = new zmq.Pull();
tasks.connect("tcp://127.0.0.1:5557");
const control = new zmq.Subscriber();
control.connect("tcp://127.0.0.1:5558");
control.subscribe();

type Name = "tasks" | "control";
const sockets = { tasks, control };
const pending = new Map<Name, Promise<[Name, Buffer[]]>>();
function arm(name: Name) {
  pending.set(name, sockets[name].receive().then((frames): [Name, Buffer[]] => [name, frames]));
}
arm("tasks");
arm("control");

let done = 0;
while (true) {
  // Always the same order. When both sockets have a message, Promise.race
  // takes the first ready promise in the list: tasks, every time.
  const [name] = await Promise.race([pending.get("tasks")!, pending.get("control")!]);
  if (name === "control") break;
  arm("tasks");
  await sleep(5); // the work: slower than the tasks arrive
  done++;
  if (done % 50 === 0) console.log(`worker: ${done} tasks done`);
}
console.log(`worker: stopped after ${done} of ${TASKS} tasks`);
tasks.close();
control.close();
