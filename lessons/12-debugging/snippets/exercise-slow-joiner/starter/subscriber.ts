import * as zmq from "zeromq";

const expected = 10;

// Two processes run this file: subscriber-a and subscriber-b.
const subscriber = new zmq.Subscriber();
subscriber.connect("tcp://127.0.0.1:5555");
subscriber.subscribe();

// Wait until the connection to the publisher is up.
for await (const event of subscriber.events) {
  if (event.type === "handshake") break;
}

// TODO: tell the publisher that this subscriber is ready, and wait for its answer.

subscriber.receiveTimeout = 1000;
let received = 0;
try {
  while (received < expected) {
    await subscriber.receive();
    received += 1;
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
}

subscriber.close();
console.log(`received ${received}/${expected}`);
