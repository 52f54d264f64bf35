import * as zmq from "zeromq";
import { readFileSync } from "node:fs";

const PAIRS = 4; // PUSH→PULL connections running at the same time
const MESSAGES = 2500; // per connection
const SIZE = 64 * 1024; // bytes per message

const threads = () => /Threads:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];

let port = 5555;
async function run(ioThreads: number, print = true) {
  // A context with its own pool of I/O threads. Its sockets use only those.
  const context = new zmq.Context({ ioThreads });
  const message = Buffer.alloc(SIZE);
  const sockets: zmq.Socket[] = [];

  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: PAIRS }, async () => {
      const address = `tcp://127.0.0.1:${port++}`;
      const push = new zmq.Push({ context, sendHighWaterMark: 100 });
      const pull = new zmq.Pull({ context, receiveHighWaterMark: 100 });
      sockets.push(push, pull);
      await push.bind(address);
      pull.connect(address);
      const sending = (async () => {
        for (let i = 0; i < MESSAGES; i++) await push.send(message);
      })();
      for (let i = 0; i < MESSAGES; i++) await pull.receive();
      await sending;
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const total = PAIRS * MESSAGES;
  if (print) console.log(
    `ioThreads ${ioThreads}: ${Math.round(total / seconds).toLocaleString("en-US").padStart(7)} msg/s, ` +
      `${Math.round((total * SIZE) / seconds / 1024 / 1024).toLocaleString("en-US").padStart(6)} MB/s, ` +
      `threads in this process now: ${threads()}`,
  );
  for (const socket of sockets) socket.close();
}

console.log(`threads in this process at start: ${threads()} (Node's own)`);
await run(1, false); // a warm-up round, not counted: the first round is slower (JIT, caches)
for (const ioThreads of [1, 2, 4]) await run(ioThreads);
