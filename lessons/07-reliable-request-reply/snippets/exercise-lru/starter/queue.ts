import * as zmq from "zeromq";

// The Simple Pirate queue: clients (REQ) connect to 5555, workers (REQ) to
// 5556. Both sides are ROUTERs, so the queue sees who sent what.
const frontend = new zmq.Router({ linger: 1000 });
const backend = new zmq.Router({ linger: 1000 });
await frontend.bind("tcp://127.0.0.1:5555");
await backend.bind("tcp://127.0.0.1:5556");
console.log("queue: clients on 5555, workers on 5556");

// Idle workers, the one idle longest first: least recently used.
const ready: Buffer[] = [];
let wake: (() => void) | null = null;
function makeReady(worker: Buffer) {
  ready.push(worker);
  wake?.();
  wake = null;
}

// From a worker: [worker, "", "READY"] or [worker, "", client, "", reply].
async function fromWorkers() {
  for await (const [worker, , ...rest] of backend) {
    if (rest.length === 1) {
      console.log(`queue: ${worker} is READY`);
      makeReady(worker);
    } else {
      await frontend.send(rest); // [client, "", reply]: back to the client
      // TODO: this worker has answered. What is it now?
    }
  }
}
const workers = fromWorkers();

// From a client: [client, "", request]. Read one only when a worker is
// free: until then requests wait in ZeroMQ's queues.
for (;;) {
  while (ready.length === 0) await new Promise<void>((resolve) => (wake = resolve));
  const [client, , request] = await frontend.receive();
  if (`${request}` === "BYE") {
    await frontend.send([client, "", "BYE"]);
    for (const worker of ready) await backend.send([worker, "", "STOP"]);
    break;
  }
  const worker = ready.shift()!;
  console.log(`queue: ${request} → ${worker}`);
  await backend.send([worker, "", client, "", request]);
}
frontend.close();
backend.close();
await workers;
console.log("queue: the client said BYE, stopping");
