import * as zmq from "zeromq";

const TOTAL = 10_000; // messages to publish

// A small queue for each subscriber: at most 10 messages may wait here.
const pub = new zmq.XPublisher({ sendHighWaterMark: 10 });
await pub.bind("tcp://127.0.0.1:5555");

// An XPUB is a PUB that also hands us the subscriptions. Waiting for the first
// one means the subscriber is connected, so nothing is lost to a late join:
// every loss below is the high-water mark's doing.
await pub.receive();
console.log("subscriber connected, publishing");

const started = Date.now();
for (let n = 1; n <= TOTAL; n++) {
  // PUB never waits: when this subscriber's queue is full, send() resolves
  // at once all the same and the message is dropped. No error, no warning.
  await pub.send([`tick ${n}`, Buffer.alloc(1000)]); // 1 kB of data in each message
}
console.log(`published ${TOTAL} messages in ${Date.now() - started} ms`);

pub.close();
