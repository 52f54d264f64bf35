import * as zmq from "zeromq";

const HEARTBEAT_MS = 200;
const LIVENESS = 3;

const worker = new zmq.Dealer({ routingId: "worker-1", linger: 0 });
worker.connect("tcp://127.0.0.1:5556");
await worker.send("READY");

// TODO: this loop waits for the next message forever. Make the worker give
// up when nothing arrives for HEARTBEAT_MS * LIVENESS, print a line that
// starts with "broker is gone", close the socket and end.
let heartbeats = 0;
for await (const [message] of worker) {
  if (message.toString() === "HEARTBEAT") heartbeats++;
}
worker.close();
