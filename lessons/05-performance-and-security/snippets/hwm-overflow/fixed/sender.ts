import * as zmq from "zeromq";

const TOTAL = 10_000; // messages to send

// The same small queue: at most 10 messages may wait here.
const push = new zmq.Push({ sendHighWaterMark: 10 });
await push.bind("tcp://127.0.0.1:5555");
console.log("sending");

// No XPUB trick is needed: with no receiver connected yet, a PUSH send() waits.
let started = 0;
for (let n = 1; n <= TOTAL; n++) {
  // When the queue is full, send() WAITS until the receiver makes room:
  // back-pressure. The sender slows down to the receiver's pace instead of
  // dropping what the receiver cannot take.
  await push.send([`tick ${n}`, Buffer.alloc(1000)]); // 1 kB of data in each message
  if (n === 1) started = Date.now();
}
console.log(`sent ${TOTAL} messages in ${Date.now() - started} ms (send() waited for the receiver)`);

// The default linger keeps the process until the last queued messages are delivered.
push.close();
