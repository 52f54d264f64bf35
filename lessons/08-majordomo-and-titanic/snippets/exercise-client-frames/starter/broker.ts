import * as zmq from "zeromq";
import { BROKER, CLIENT, DISCONNECT, HEARTBEAT, HEARTBEAT_MS, LIVENESS, READY, REPLY, REQUEST, WORKER, commandName, show } from "./mdp";

const IDLE_MS = 1500; // this demo broker leaves when it has had nothing to do for 1.5 s

// mandatory: a reply for a client that is gone fails (EHOSTUNREACH) instead of vanishing.
const socket = new zmq.Router({ mandatory: true, linger: 1000 });
await socket.bind(BROKER);
console.log(`broker: ready on ${BROKER}`);

type Worker = { id: Buffer; name: string; service: string; lastSeen: number; busy: boolean };
type Service = { requests: Buffer[][]; waiting: Worker[]; workers: number };
const services = new Map<string, Service>(); // by service name
const workers = new Map<string, Worker>(); // by identity, in hex
let lastClient = 0; // when a client last asked or was answered (0: never)

let sends = Promise.resolve();
function send(frames: (Buffer | string)[]) {
  sends = sends
    .then(() => socket.send(frames))
    .catch((err) => {
      // mandatory: true tells us at once that a peer has gone away.
      const name = Buffer.from(frames[0]!).toString("hex");
      const worker = workers.get(name);
      if (worker) removeWorker(worker, `is gone (${err.code}): removed`);
      else console.log(`broker: client ${name} is gone (${err.code}), reply dropped`);
    });
}

function service(name: string): Service {
  let found = services.get(name);
  if (!found) services.set(name, (found = { requests: [], waiting: [], workers: 0 }));
  return found;
}

// Hand queued requests to waiting workers of the same service.
function dispatch(srv: Service) {
  while (srv.requests.length > 0 && srv.waiting.length > 0) {
    const worker = srv.waiting.shift()!;
    const [client, ...body] = srv.requests.shift()!;
    worker.busy = true;
    send([worker.id, "", WORKER, REQUEST, client!, "", ...body]);
  }
}

function removeWorker(worker: Worker, why: string) {
  workers.delete(worker.name);
  const srv = service(worker.service);
  srv.workers--;
  srv.waiting = srv.waiting.filter((w) => w !== worker);
  console.log(`broker: worker ${worker.name} (${worker.service}) ${why}`);
  if (worker.busy) console.log(`broker: the request it was working on is lost`);
}

function fromClient(client: Buffer, name: string, body: Buffer[]) {
  lastClient = Date.now();
  if (name === "mmi.service") {
    // Majordomo Management Interface: is there a worker for this service?
    const known = services.get(String(body[0]))?.workers ?? 0;
    send([client, "", CLIENT, name, known > 0 ? "200" : "404"]);
  } else if (name.startsWith("mmi.")) {
    send([client, "", CLIENT, name, "501"]);
  } else {
    const srv = service(name);
    srv.requests.push([client, ...body]);
    if (srv.waiting.length === 0) console.log(`broker: no ${name} worker yet, request queued (${srv.requests.length} waiting)`);
    dispatch(srv);
  }
}

function fromWorker(id: Buffer, command: Buffer, rest: Buffer[]) {
  const name = id.toString("hex");
  const worker = workers.get(name);
  if (worker) worker.lastSeen = Date.now();
  if (command.equals(READY) && !worker && rest[0]) {
    const added = { id, name, service: rest[0].toString(), lastSeen: Date.now(), busy: false };
    workers.set(name, added);
    const srv = service(added.service);
    srv.workers++;
    srv.waiting.push(added);
    console.log(`broker: worker ${name} ready for "${added.service}"`);
    dispatch(srv);
  } else if (command.equals(REPLY) && worker) {
    const [client, , ...body] = rest;
    worker.busy = false;
    lastClient = Date.now();
    send([client!, "", CLIENT, worker.service, ...body]);
    const srv = service(worker.service);
    srv.waiting.push(worker);
    dispatch(srv);
  } else if (command.equals(HEARTBEAT) && worker) {
    // lastSeen is updated: nothing else to do
  } else if (command.equals(DISCONNECT) && worker) {
    removeWorker(worker, "said DISCONNECT");
  } else {
    // READY twice, or REPLY/HEARTBEAT from a worker that never said READY.
    console.log(`broker: unexpected ${commandName(command)} from worker ${name}: DISCONNECT`);
    if (worker) removeWorker(worker, "removed");
    send([id, "", WORKER, DISCONNECT]);
  }
}

const timer = setInterval(() => {
  const now = Date.now();
  for (const worker of workers.values()) {
    if (now - worker.lastSeen > HEARTBEAT_MS * LIVENESS) removeWorker(worker, `silent for ${LIVENESS} heartbeats: removed`);
    else send([worker.id, "", WORKER, HEARTBEAT]);
  }
  const queued = [...services.values()].some((s) => s.requests.length > 0);
  const busy = [...workers.values()].some((w) => w.busy);
  if (lastClient > 0 && !queued && !busy && now - lastClient > IDLE_MS) {
    console.log(`broker: idle, DISCONNECT to ${workers.size} workers`);
    for (const worker of workers.values()) send([worker.id, "", WORKER, DISCONNECT]);
    clearInterval(timer);
    void sends.then(() => socket.close());
  }
}, HEARTBEAT_MS);

for await (const frames of socket) {
  const [id, empty, header, ...rest] = frames;
  if (!id || empty?.length !== 0 || !header) {
    console.log(`broker: dropped, no empty frame after the identity: ${show(frames.slice(1))}`);
  } else if (header.toString() === CLIENT && rest[0]) {
    fromClient(id, rest[0].toString(), rest.slice(1));
  } else if (header.toString() === WORKER && rest[0]) {
    fromWorker(id, rest[0], rest.slice(1));
  } else {
    console.log(`broker: dropped, not MDP: ${show(frames.slice(1))}`);
  }
}
console.log("broker: stopped");
