import * as zmq from "zeromq";

const TOTAL = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// This sender must never block: it has other work to do between messages,
// so it uses sendTimeout 0. A send() that cannot queue its message at once
// rejects with EAGAIN instead of waiting.
const push = new zmq.Push({ sendHighWaterMark: 10, sendTimeout: 0 });
push.connect("tcp://127.0.0.1:5555");

let full = 0;
async function sendOrRetry(message: (string | Buffer)[]) {
  for (;;) {
    try {
      await push.send(message);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== "EAGAIN") throw err; // a real error: let it crash
      full += 1;
      await sleep(1); // the queue is full: do other work, then try again
    }
  }
}

for (let n = 1; n <= TOTAL; n++) {
  await sendOrRetry([`message ${n}`, Buffer.alloc(1000)]);
}

console.log(`sent ${TOTAL} messages; the queue was full ${full} times`);
push.close();
