import * as zmq from "zeromq";
import { ADDRESS, ARTICLE, HWM, MESSAGE_COUNT, MESSAGE_SIZE } from "./config";

const pull = new zmq.Pull({ receiveHighWaterMark: HWM });
await pull.bind(ADDRESS);
console.log(`waiting for ${MESSAGE_COUNT} messages of ${MESSAGE_SIZE} bytes on ${ADDRESS}`);

// The clock starts at the first message, as in libzmq's own perf/local_thr.
let received = 0;
let started = 0n;
let calls = 0;
while (received < MESSAGE_COUNT) {
  const frames = await pull.receive();
  if (received === 0) started = process.hrtime.bigint();
  received += frames.length; // a batch brings several messages at once
  // Let the event loop turn now and then, so that Node can free the Buffers
  // already read (see "Sent Buffers are released from the event loop").
  if (++calls % 256 === 0) await new Promise(setImmediate);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
pull.close();

const msgPerSec = received / seconds;
const mbPerSec = (msgPerSec * MESSAGE_SIZE) / 1024 / 1024;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
console.log(`received ${received} messages in ${(seconds * 1000).toFixed(0)} ms`);
console.log(`throughput: ${fmt(msgPerSec)} msg/s, ${mbPerSec.toFixed(1)} MB/s`);

// The closest row of the article's table.
const row = ARTICLE.reduce((best, r) => (Math.abs(Math.log(r.size / MESSAGE_SIZE)) < Math.abs(Math.log(best.size / MESSAGE_SIZE)) ? r : best));
const articleMb = (row.msgPerSec * row.size) / 1024 / 1024;
console.log(`the article's table for ${row.size} bytes: ${fmt(row.msgPerSec)} msg/s, ${fmt(articleMb)} MB/s; this run reached ${((msgPerSec / row.msgPerSec) * 100).toFixed(0)} % of its msg/s`);
