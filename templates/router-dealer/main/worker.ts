import * as zmq from "zeromq";

// A worker is a plain REP socket: it never knows which client asked.
const worker = new zmq.Reply();
worker.connect("tcp://127.0.0.1:5571");

for (let n = 0; n < 3; n++) {
  const [request] = await worker.receive();
  console.log(`worker got: ${request.toString()}`);
  await worker.send(request.toString().toUpperCase());
}
console.log("worker answered 3 requests");
worker.close();
