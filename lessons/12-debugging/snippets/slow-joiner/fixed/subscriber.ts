import * as zmq from "zeromq";

const expected = 10;

// This process starts first: the subscriber is there before the publisher.
const subscriber = new zmq.Subscriber();
subscriber.connect("tcp://127.0.0.1:5555");
subscriber.subscribe(); // no topic: every message
console.log("subscriber: connect() and subscribe() done, waiting for the publisher");

// socket.events tells when the connection is really up (the ZMTP handshake).
for await (const event of subscriber.events) {
  if (event.type === "handshake") break;
}
console.log("subscriber: connected to the publisher");

// Count what arrives. After 1 s of silence, stop, so that the run ends by itself.
subscriber.receiveTimeout = 1000;
let received = 0;
try {
  while (received < expected) {
    await subscriber.receive();
    received += 1;
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
  console.log("subscriber: nothing more for 1 s, stopping");
}

subscriber.close();
console.log(`received ${received}/${expected}`);
