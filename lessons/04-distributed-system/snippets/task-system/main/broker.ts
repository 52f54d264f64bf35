import * as zmq from "zeromq";

const HEARTBEAT_MS = 200; // how often the broker and workers say "I am alive"
const LIVENESS = 3; // missed heartbeats before a peer counts as dead

const frontend = new zmq.Router({ linger: 0 }); // the client (DEALER) connects here
const backend = new zmq.Router({ linger: 0 }); // workers (DEALER) connect here
await frontend.bind("tcp://127.0.0.1:5555");
await backend.bind("tcp://127.0.0.1:5556");

type Task = { client: Buffer; id: string; body: string };
type Worker = { name: string; lastSeen: number; task: Task | null };

const pending: Task[] = []; // tasks waiting for a free worker
const workers = new Map<string, Worker>(); // live workers by name

// Only one send may be in flight per socket: chain them.
let backendSends = Promise.resolve();
const toWorker = (name: string, frames: string[]) =>
  (backendSends = backendSends.then(() => backend.send([name, ...frames])));

function dispatch() {
  for (const worker of workers.values()) {
    if (pending.length === 0) return;
    if (worker.task === null) {
      worker.task = pending.shift()!;
      toWorker(worker.name, ["TASK", worker.task.id, worker.task.body]);
    }
  }
}

// Every HEARTBEAT_MS: tell each worker the broker is alive, and bury the
// workers we have not heard from for LIVENESS intervals.
const timer = setInterval(() => {
  const now = Date.now();
  for (const worker of workers.values()) {
    if (now - worker.lastSeen > HEARTBEAT_MS * LIVENESS) {
      console.log(`${worker.name} missed ${LIVENESS} heartbeats: declared dead`);
      workers.delete(worker.name);
      if (worker.task) {
        console.log(`requeue task ${worker.task.id}`);
        pending.unshift(worker.task); // first in line for the next free worker
      }
    } else {
      toWorker(worker.name, ["HEARTBEAT"]);
    }
  }
  dispatch();
}, HEARTBEAT_MS);

// Workers: any message proves the worker is alive.
async function fromWorkers() {
  for await (const [nameFrame, command, id, result] of backend) {
    const name = nameFrame.toString();
    let worker = workers.get(name);
    if (!worker) {
      worker = { name, lastSeen: 0, task: null };
      workers.set(name, worker);
      console.log(`${name} joined`);
    }
    worker.lastSeen = Date.now();
    if (command.toString() === "DONE" && worker.task?.id === id.toString()) {
      await frontend.send([worker.task.client, id, result]);
      worker.task = null;
    }
    dispatch();
  }
}

// The client: [client identity, task id, body], or BYE when it has every answer.
const workerLoop = fromWorkers().catch(() => {}); // ends when backend closes
for await (const [client, id, body] of frontend) {
  if (id.toString() === "BYE") break;
  pending.push({ client, id: id.toString(), body: body.toString() });
  dispatch();
}

// Stop heartbeating and leave: the workers will notice the silence.
clearInterval(timer);
frontend.close();
backend.close();
await workerLoop;
console.log("broker: client is done, shutting down");
