import * as zmq from "zeromq";

const warmup = 200;
const rounds = 5000;

const client = new zmq.Request();
client.connect("tcp://127.0.0.1:5555");

// Warm up first: the connection, the JIT and the caches.
for (let i = 0; i < warmup; i++) {
  await client.send("ping");
  await client.receive();
}

// Time every round trip on its own. hrtime counts nanoseconds; each sample
// is stored in microseconds (µs), the unit the results are printed in.
const samples = new Float64Array(rounds);
const started = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) {
  const t = process.hrtime.bigint();
  await client.send("ping");
  await client.receive();
  samples[i] = Number(process.hrtime.bigint() - t) / 1000; // µs
}
const totalMs = Number(process.hrtime.bigint() - started) / 1e6;

await client.send("bye");
await client.receive();
client.close();

samples.sort();
const at = (p: number) => samples[Math.min(rounds - 1, Math.floor((p / 100) * rounds))]!.toFixed(0);
const mean = samples.reduce((a, b) => a + b, 0) / rounds;
console.log(`${rounds} round trips in ${totalMs.toFixed(0)} ms: ${Math.round((rounds / totalMs) * 1000)} per second`);
console.log(`round-trip time (µs): mean ${mean.toFixed(0)}, p50 ${at(50)}, p90 ${at(90)}, p99 ${at(99)}, max ${at(100)}`);
console.log(`one-way latency is roughly half: about ${(Number(at(50)) / 2).toFixed(0)} µs at the median`);
