import * as zmq from "zeromq";

const TOTAL = 5_000;

// This sender must never block: it has other work to do between messages,
// so it uses sendTimeout 0. A send() that cannot queue its message at once
// rejects with EAGAIN instead of waiting.
const push = new zmq.Push({ sendHighWaterMark: 10, sendTimeout: 0 });
push.connect("tcp://127.0.0.1:5555");

// TODO: when the queue is full (or the connection is not up yet), send()
// rejects with EAGAIN and this program crashes. Handle EAGAIN: give the
// receiver a moment and try the same message again, so that all messages arrive.
for (let n = 1; n <= TOTAL; n++) {
  await push.send([`message ${n}`, Buffer.alloc(1000)]);
}

console.log(`sent ${TOTAL} messages`);
push.close();
