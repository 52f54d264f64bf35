import * as zmq from "zeromq";

// A service with a health endpoint next to its real work: a REP socket that
// answers "health" with what the process knows about itself.
const started = Date.now();
const health = new zmq.Reply({ linger: 0 });
await health.bind("tcp://127.0.0.1:5642");
console.log("service: health endpoint on tcp://127.0.0.1:5642");

void (async () => {
  for await (const [request] of health) {
    if (`${request}` !== "health") continue;
    const uptime = ((Date.now() - started) / 1000).toFixed(1);
    await health.send(`ok, up ${uptime} s, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
  }
})();

// At 1 s, a bug: a synchronous call blocks the event loop for 2.5 s (here
// Atomics.wait, which sleeps without using the CPU). libzmq's own I/O thread
// still runs: connections are accepted, handshakes complete.
setTimeout(() => {
  console.log("service: stuck in a synchronous call for 2.5 s");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2500);
  console.log("service: unstuck");
}, 1000);

await new Promise((resolve) => setTimeout(resolve, 4000));
health.close();
console.log("service: stopping");
