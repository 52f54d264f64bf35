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
let order: Name[] = ["tasks", "control"];
while (true) {
  const [name] = await Promise.race(order.map((n) => pending.get(n)!));
  // Round robin: the socket just served goes to the back of the list, so
  // the next time both are ready, the other one wins.
  order = [...order.filter((n) => n !== name), name];
  if (name === "control") break;
  arm("tasks");
  await sleep(5); // the work: slower than the tasks arrive
  done++;
  if (done % 50 === 0) console.log(`worker: ${done} tasks done`);
}
console.log(`worker: stopped after ${done} of ${TASKS} tasks`);
tasks.close();
control.close();
