import * as zmq from "zeromq";
import { BROKER, DISCONNECT, HEARTBEAT, READY, REPLY, REQUEST, WORKER, show } from "./mdp";

// A worker by hand, without the worker API: one request, then goodbye.
const socket = new zmq.Dealer({ linger: 1000 });
socket.connect(BROKER);

// A DEALER adds no empty frame: MDP wants one first, as if this were a REQ socket.
await socket.send([WORKER, READY, "echo"]); // ❌ forgot the empty frame
console.log(`worker: sent ${show([WORKER, READY, "echo"])}`);

// Until a REQUEST comes, answer the broker's HEARTBEATs: a silent worker is removed.
let frames: Buffer[];
for (;;) {
  frames = await socket.receive();
  if (frames[2]?.equals(REQUEST)) break;
  if (frames[2]?.equals(HEARTBEAT)) await socket.send(["", WORKER, HEARTBEAT]);
}
const [, , command, client, , ...body] = frames;
console.log(`worker: got ${show([command!, client!, "", ...body])}`);
await socket.send(["", WORKER, REPLY, client!, "", ...body]);
await socket.send(["", WORKER, DISCONNECT]); // leaving: the broker forgets this worker
socket.close();
console.log("worker: replied, said DISCONNECT");
