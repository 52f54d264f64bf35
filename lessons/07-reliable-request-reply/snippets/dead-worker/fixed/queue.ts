import * as zmq from "zeromq";

const HEARTBEAT_MS = 250; // the queue and each worker say "alive" this often
const LIVENESS = 4; // heartbeats a peer may miss before it counts as dead: 1 s

const frontend = new zmq.Router({ linger: 1000 }); // clients (REQ)
const backend = new zmq.Router({ linger: 1000 }); // workers (DEALER)
await frontend.bind("tcp://127.0.0.1:5555");
await backend.bind("tcp://127.0.0.1:5556");
console.log("queue: clients on 5555, workers on 5556");

const lastSeen = new Map<string, number>(); // every live worker
const ready: string[] = []; // the idle ones, idle longest first
let wake: (() => void) | null = null;
const makeReady = (name: string) => {
  if (!ready.includes(name)) ready.push(name);
  wake?.();
  wake = null;
};

// Only one send in flight per socket: heartbeats and requests take turns.
// A send cut short by close() is simply dropped.
let sends = Promise.resolve();
const toWorker = (name: string, frames: (string | Buffer)[]) =>
  (sends = sends.then(() => backend.send([name, ...frames])).catch(() => {}));

// Bury every worker silent for longer than LIVENESS heartbeats.
const purge = () => {
  for (const [name, seen] of lastSeen) {
    if (Date.now() - seen <= HEARTBEAT_MS * LIVENESS) continue;
    console.log(`queue: ${name} missed ${LIVENESS} heartbeats, dropped`);
    lastSeen.delete(name);
    if (ready.includes(name)) ready.splice(ready.indexOf(name), 1);
  }
};
const timer = setInterval(() => {
  purge();
  for (const name of lastSeen.keys()) toWorker(name, ["HEARTBEAT"]);
}, HEARTBEAT_MS);

// From a worker: ["READY"], ["HEARTBEAT"] or [client, "", reply].
const fromWorkers = (async () => {
  for await (const [id, ...frames] of backend) {
    const name = `${id}`;
    const command = frames.length === 1 ? `${frames[0]}` : "REPLY";
    if (!lastSeen.has(name)) {
      // A worker this queue does not know (one it dropped) must say
      // READY first; until then, it is ignored.
      if (command !== "READY") continue;
      console.log(`queue: ${name} is READY`);
    }
    lastSeen.set(name, Date.now()); // any message proves it is alive
    if (command === "REPLY") await frontend.send(frames);
    if (command !== "HEARTBEAT") makeReady(name);
  }
})();

// A request is read only when a live worker is free.
const workerFree = async () => {
  for (purge(); ready.length === 0; purge()) await new Promise<void>((resolve) => (wake = resolve));
};
for (;;) {
  await workerFree();
  const [client, empty, request] = await frontend.receive();
  if (`${request}` === "BYE") {
    await frontend.send([client, empty, "BYE"]);
    for (const name of lastSeen.keys()) toWorker(name, ["DISCONNECT"]);
    await sends;
    break;
  }
  await workerFree(); // the worker we saw may have died meanwhile
  const name = ready.shift()!;
  console.log(`queue: ${request} → ${name}`);
  toWorker(name, [client, empty, request]);
}
clearInterval(timer);
frontend.close();
backend.close();
await fromWorkers;
console.log("queue: the client said BYE, stopping");
