import * as zmq from "zeromq";

// The broker greets its worker with a heartbeat every 200 ms, five times,
// then its process ends without a word: the way a crashed broker behaves.
const broker = new zmq.Router({ linger: 0 });
await broker.bind("tcp://127.0.0.1:5556");

const [worker] = await broker.receive(); // the worker's READY
for (let n = 1; n <= 5; n++) {
  await broker.send([worker, "HEARTBEAT"]);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
broker.close();
console.log("broker: gone");
