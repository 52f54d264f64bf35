import * as zmq from "zeromq";
import { ADDRESS, MESSAGE_SIZE, ROUND_TRIPS, WARM_UP } from "./config";

const req = new zmq.Request();
req.connect(ADDRESS);
const message = Buffer.alloc(MESSAGE_SIZE, "x");

for (let i = 0; i < WARM_UP; i++) {
  await req.send(message);
  await req.receive();
}

// Time every round trip on its own: an average hides the slow ones.
const micros = new Float64Array(ROUND_TRIPS);
const started = process.hrtime.bigint();
for (let i = 0; i < ROUND_TRIPS; i++) {
  const t0 = process.hrtime.bigint();
  await req.send(message);
  await req.receive();
  micros[i] = Number(process.hrtime.bigint() - t0) / 1000;
}
const totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;
req.close();

micros.sort();
const at = (p: number) => micros[Math.min(ROUND_TRIPS - 1, Math.floor((p / 100) * ROUND_TRIPS))]!;
const us = (n: number) => `${n.toFixed(0).padStart(6)} µs`;
console.log(`${ROUND_TRIPS} round trips of ${MESSAGE_SIZE} bytes over ${ADDRESS}`);
console.log(`round trip  p50 ${us(at(50))}   p90 ${us(at(90))}   p99 ${us(at(99))}   max ${us(micros[ROUND_TRIPS - 1]!)}`);
// libzmq's perf/local_lat reports half a round trip as "latency".
console.log(`one way (half the p50 round trip): ${(at(50) / 2).toFixed(0)} µs`);
console.log(`${Math.round(ROUND_TRIPS / totalSeconds).toLocaleString("en-US")} round trips per second, one at a time`);
