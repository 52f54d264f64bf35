import * as zmq from "zeromq";

const expected = 10;

// Two processes run this file: subscriber-a and subscriber-b.
const subscriber = new zmq.Subscriber();
subscriber.connect("tcp://127.0.0.1:5555");
subscriber.subscribe();

// Wait until the connection to the publisher is up. Right after its
// handshake, the SUB sends its subscription to the publisher.
for await (const event of subscriber.events) {
  if (event.type === "handshake") break;
}

// Only now say "ready", on a second channel, and wait for the answer.
const sync = new zmq.Request();
sync.connect("tcp://127.0.0.1:5556");
await sync.send("ready");
await sync.receive();
sync.close();

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
