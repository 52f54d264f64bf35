import * as zmq from "zeromq";

const count = 100_000;
const size = 100;

const receiver = new zmq.Pull({ linger: 0 });
await receiver.bind("tcp://127.0.0.1:5555");
// sendTimeout only so that this demo reports the problem instead of hanging.
const sender = new zmq.Push({ sendTimeout: 1000, linger: 0 });
sender.connect("tcp://127.0.0.1:5555");

// The article's order: first send everything, then receive everything.
console.log(`sending ${count} messages, then receiving them`);
const message = Buffer.alloc(size, "x");
let sent = 0;
try {
  for (; sent < count; sent++) await sender.send(message);
} catch (err) {
  console.log(`stuck after ${sent} of ${count} messages (${(err as { code?: string }).code} after 1 s)`);
  console.log("nobody receives yet: the send queue, the kernel's TCP buffers and the receive queue are all full");
}

sender.close();
receiver.close();
