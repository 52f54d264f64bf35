import * as zmq from "zeromq";

// Nobody ever sends to this socket: its receive() would wait forever,
// and a pending receive() keeps the Node process alive.
const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");

setTimeout(() => {
  console.log("closing the socket");
  server.close();
}, 500);

try {
  console.log("waiting in receive()");
  await server.receive();
} catch (err) {
  // close() rejects the pending receive() with the code EAGAIN.
  const { code, message } = err as { code: string; message: string };
  console.log(`receive() rejected: ${code} (${message})`);
}

// A for-await loop over a socket handles that case for you: it just ends.
const second = new zmq.Reply();
await second.bind("tcp://127.0.0.1:5556");

setTimeout(() => {
  console.log("closing the second socket");
  second.close();
}, 500);

for await (const [msg] of second) {
  console.log(`never printed: ${msg.toString()}`);
}
console.log("the for-await loop ended quietly");
