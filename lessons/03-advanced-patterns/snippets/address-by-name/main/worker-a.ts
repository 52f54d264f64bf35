import * as zmq from "zeromq";

// The name this worker is known by on the ROUTER side. Set it before connect().
const worker = new zmq.Dealer({ routingId: "worker-a" });
worker.connect("tcp://127.0.0.1:5555");
await worker.send("ready");

for await (const [job] of worker) {
  if (job.toString() === "bye") break;
  console.log(`job: ${job}`);
  await worker.send(`done: ${job}`);
}

worker.close();
console.log("bye");
