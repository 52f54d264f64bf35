import * as zmq from "zeromq";

const tasks = new zmq.Pull();
await tasks.bind("tcp://127.0.0.1:5557");
const updates = new zmq.Subscriber();
await updates.bind("tcp://127.0.0.1:5556");
updates.subscribe();

type Name = "tasks" | "updates";
const sockets = { tasks, updates };

// At most one receive() in flight per socket: keep it until it settles.
const pending = new Map<Name, Promise<[Name, Buffer[]]>>();
function arm(name: Name) {
  pending.set(name, sockets[name].receive().then((frames): [Name, Buffer[]] => [name, frames]));
}
arm("tasks");
arm("updates");

const counts = { tasks: 0, updates: 0 };
while (pending.size > 0) {
  const [name, [message]] = await Promise.race(pending.values());
  pending.delete(name); // this receive is done; the other one stays in flight
  if (`${message}` === "END") continue; // that socket is finished: do not arm it again
  counts[name]++;
  console.log(`${name.padEnd(7)} ← ${message}`);
  arm(name); // only the socket that was served gets a new receive()
}
tasks.close();
updates.close();
console.log(`reader: ${counts.tasks} tasks and ${counts.updates} updates`);
