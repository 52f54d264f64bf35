import * as zmq from "zeromq";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => `${bytes >= 0 ? "+" : ""}${(bytes / 1048576).toFixed(1)} MB`;

/** rss: all memory of the process. heapUsed: JavaScript objects only. */
function report(label: string, before: NodeJS.MemoryUsage) {
  const now = process.memoryUsage();
  console.log(`${label.padEnd(46)} rss ${mb(now.rss - before.rss).padStart(9)}   JS heap ${mb(now.heapUsed - before.heapUsed).padStart(8)}`);
  return now;
}

const start = process.memoryUsage();
console.log(`at start: rss ${(start.rss / 1048576).toFixed(0)} MB, JS heap ${(start.heapUsed / 1048576).toFixed(0)} MB`);

// 1. Many sockets, as in the article: 200 REQ sockets connecting to nobody.
const sockets = Array.from({ length: 200 }, () => {
  const socket = new zmq.Request({ linger: 0 });
  socket.connect("tcp://127.0.0.1:5599");
  return socket;
});
await sleep(200);
let mark = report("200 sockets, each trying to connect", start);
for (const socket of sockets) socket.close();

// 2. A queue that grows: a PULL that never reads, a PUSH with no high-water mark.
const pull = new zmq.Pull({ linger: 0 });
await pull.bind("tcp://127.0.0.1:5555");
const push = new zmq.Push({ sendHighWaterMark: 0, linger: 0 }); // 0 = no limit
push.connect("tcp://127.0.0.1:5555");
const text = "x".repeat(1024); // strings are copied into libzmq's own memory
for (let n = 0; n < 30_000; n++) await push.send(text);
await sleep(200);
mark = report("30 000 × 1 KiB queued for a reader that waits", mark);

push.close();
pull.close();
await sleep(200);
report("after close()", mark);
