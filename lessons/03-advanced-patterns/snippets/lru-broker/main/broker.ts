import * as zmq from "zeromq";

const frontend = new zmq.Router(); // clients (REQ) connect here
const backend = new zmq.Router(); // workers (REQ) connect here
await frontend.bind("tcp://127.0.0.1:5555");
await backend.bind("tcp://127.0.0.1:5556");

const TOTAL = 8; // this demo broker stops after 8 requests
const idle: Buffer[] = []; // identities of free workers, longest-waiting first
let workerFree: () => void = () => {};

// Back end: a worker sends READY when it starts, and every reply it sends
// also means "I am free again".
async function fromWorkers() {
  let served = 0;
  for await (const [worker, , ...rest] of backend) {
    if (rest.length === 1) {
      console.log(`${worker} is ready`); // [worker, "", "READY"]
    } else {
      const [client, , reply] = rest; // [worker, "", client, "", reply]
      await frontend.send([client, "", reply]);
      served++;
    }
    idle.push(worker);
    workerFree();
    if (served === TOTAL) return;
  }
}

// Front end: take a client's request only when a worker is free, and give it
// to the worker that has been waiting longest. Until then, requests wait in
// the front end's queue.
async function fromClients() {
  try {
    for (;;) {
      if (idle.length === 0) await new Promise<void>((resolve) => (workerFree = resolve));
      const [client, , request] = await frontend.receive();
      const worker = idle.shift()!;
      await backend.send([worker, "", client, "", request]);
    }
  } catch {
    // frontend.close() below ends the pending receive() with EAGAIN.
  }
}

const clientsDone = fromClients();
await fromWorkers();
for (const worker of idle) await backend.send([worker, "", "STOP"]);
frontend.close();
backend.close();
await clientsDone;
console.log(`${TOTAL} requests served, workers told to stop`);
