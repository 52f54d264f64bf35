import * as zmq from "zeromq";
import { ADDRESS, BATCH, HWM, MESSAGE_COUNT, MESSAGE_SIZE } from "./config";

const push = new zmq.Push({ sendHighWaterMark: HWM });
push.connect(ADDRESS);

const message = Buffer.alloc(MESSAGE_SIZE, "x");
const batch = new Array<Buffer>(BATCH).fill(message);

const started = process.hrtime.bigint();
for (let sent = 0; sent < MESSAGE_COUNT; ) {
  // One send() per message, or one per batch of BATCH frames; the last batch
  // holds only what is left, so exactly MESSAGE_COUNT messages go out even
  // when it is not a multiple of BATCH. The same Buffer every time: above
  // 128 bytes zeromq.js sends it without copying.
  const count = Math.min(BATCH, MESSAGE_COUNT - sent);
  await push.send(count === 1 ? message : count === BATCH ? batch : batch.slice(0, count));
  sent += count;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

// This is what the article's C program measures: the time to QUEUE the
// messages. The last ones have not been delivered yet.
console.log(`queued ${MESSAGE_COUNT} messages in ${(seconds * 1000).toFixed(0)} ms: ${Math.round(MESSAGE_COUNT / seconds).toLocaleString("en-US")} msg/s as the sender sees it`);

push.close(); // the default linger: the process waits until the queue is delivered
