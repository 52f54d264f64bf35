import * as zmq from "zeromq";

const tasks = new zmq.Pull();
await tasks.bind("tcp://127.0.0.1:5557");
const alerts = new zmq.Pull();
await alerts.bind("tcp://127.0.0.1:5559");
const isTimeout = (err: unknown) => (err as { code?: string }).code === "EAGAIN";

// 1. One socket: receiveTimeout. receive() rejects with EAGAIN when nothing
//    arrives in time. It is the socket's own clock: it knows nothing of `alerts`.
tasks.receiveTimeout = 700;
try {
  while (true) {
    const [task] = await tasks.receive();
    console.log(`tasks  ← ${task}`);
  }
} catch (err) {
  if (!isTimeout(err)) throw err;
  console.log("reader: no task for 700 ms: receive() rejected with EAGAIN");
}
tasks.receiveTimeout = -1; // back to waiting for ever

// 2. Several sockets: race the pending receives against one timer, the
//    zguide's zmq_poll(items, 2, 1000). A timeout leaves the receives in
//    flight: they are still the ones to await next time.
type Name = "tasks" | "alerts";
const sockets = { tasks, alerts };
const pending = new Map<Name, Promise<[Name, Buffer[]]>>();
const arm = (name: Name) => pending.set(name, sockets[name].receive().then((frames): [Name, Buffer[]] => [name, frames]));
arm("tasks");
arm("alerts");

const IDLE_MS = 1000;
while (true) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), IDLE_MS)));
  const winner = await Promise.race([...pending.values(), timeout]);
  clearTimeout(timer);
  if (winner === "timeout") break;
  const [name, [message]] = winner;
  console.log(`${name.padEnd(6)} ← ${message}`);
  arm(name);
}
console.log(`reader: nothing on either socket for ${IDLE_MS} ms, stopping`);
// close() ends the receives still in flight (they reject with EAGAIN).
tasks.close();
alerts.close();
