import * as zmq from "zeromq";
import { meteredReceiver, meteredSender } from "./metered";

const TASKS = 40;
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

const tasks = meteredSender(new zmq.Push({ linger: 1000 }));
const results = meteredReceiver(new zmq.Pull({ linger: 0 }));
await tasks.socket.bind("tcp://127.0.0.1:5611");
await results.socket.bind("tcp://127.0.0.1:5612");

// Options are plain properties: read them once at start, next to the endpoints.
const t = tasks.socket;
console.log(`tasks socket ${t.lastEndpoint}: sendHighWaterMark ${t.sendHighWaterMark}, sendTimeout ${t.sendTimeout}, linger ${t.linger}`);

// The metrics line, every 500 ms. "in flight" is not read from a socket (no
// option tells a queue's length): it is what we sent minus what came back.
const line = () => {
  const inFlight = tasks.metrics.sent - results.metrics.received;
  return `tasks: sent ${tasks.metrics.sent}, peers ${tasks.metrics.peers}, writable ${t.writable}` +
    ` | results: received ${results.metrics.received} (${results.metrics.bytesIn} B)` +
    ` | in flight ${inFlight}`;
};
const timer = setInterval(() => console.log(`[${seconds()}s] ${line()}`), 500);

// Wait for the first worker, then send a task every 25 ms: faster than one
// worker can do them (60 ms each).
while (tasks.metrics.peers === 0) await new Promise((resolve) => setTimeout(resolve, 20));
const sending = (async () => {
  for (let n = 1; n <= TASKS; n++) {
    await tasks.send(`task ${n}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
})();
while (results.metrics.received < TASKS) await results.receive();
await sending;

clearInterval(timer);
console.log(`final: ${line()}`);
tasks.socket.close();
results.socket.close();
