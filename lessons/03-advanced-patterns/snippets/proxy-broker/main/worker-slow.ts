import * as zmq from "zeromq";

const name = "worker-slow";
const workMs = 250; // how long one request takes

// A plain REP worker: it has no idea that a broker sits in front of it.
// receiveTimeout: after 2 s without work, it stops (so the run can end).
const worker = new zmq.Reply({ receiveTimeout: 2000 });
worker.connect("tcp://127.0.0.1:5556");

let served = 0;
try {
  for (;;) {
    const [request] = await worker.receive();
    await new Promise((resolve) => setTimeout(resolve, workMs));
    await worker.send(`done by ${name}`);
    served++;
  }
} catch {
  // EAGAIN: no request for 2 s, time to go home.
}
worker.close();
console.log(`${name} served ${served} request${served === 1 ? "" : "s"}`);
