import * as zmq from "zeromq";

const name = "worker-slow";
const workMs = 250; // how long one request takes

// The worker is a REQ socket: it *asks* for work by sending READY, and each
// reply it sends is also its next request for work.
const worker = new zmq.Request({ routingId: name });
worker.connect("tcp://127.0.0.1:5556");
await worker.send("READY");

let served = 0;
for (;;) {
  // [client identity, "", request] (the REQ socket removed the first delimiter)
  const frames = await worker.receive();
  if (frames.length === 1) break; // STOP from the broker
  const [client] = frames;
  await new Promise((resolve) => setTimeout(resolve, workMs));
  await worker.send([client, "", `done by ${name}`]);
  served++;
}
worker.close();
console.log(`${name} served ${served} request${served === 1 ? "" : "s"}`);
