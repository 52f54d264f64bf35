import * as zmq from "zeromq";

const HEARTBEAT_MS = 200;
const LIVENESS = 3;

// receive() now rejects (EAGAIN) when nothing arrives for 600 ms.
const worker = new zmq.Dealer({ routingId: "worker-1", linger: 0, receiveTimeout: HEARTBEAT_MS * LIVENESS });
worker.connect("tcp://127.0.0.1:5556");
await worker.send("READY");

let heartbeats = 0;
try {
  for (;;) {
    const [message] = await worker.receive();
    if (message.toString() === "HEARTBEAT") heartbeats++;
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
  console.log(`broker is gone: silent for ${HEARTBEAT_MS * LIVENESS} ms after ${heartbeats} heartbeats`);
}
worker.close();
