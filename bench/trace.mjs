#!/usr/bin/env node
// What the socket trace ("trace": true) costs a program, side by side in one run:
//  1. throughput: a 10 000-message PUSH/PULL pipeline over tcp:// between two
//     processes, timed inside the consumer (first to last message), traced and
//     untraced in interleaved rounds (the side that goes first alternates);
//  2. first output: POST /api/runs to the first stdout event of a hello that
//     loads zeromq, traced and untraced, interleaved.
// The goal (issue 17): traced keeps ≥ 80 % of the untraced throughput, and first
// output is unchanged. Medians, and the best round of each kind (on a shared host the
// rounds of one kind vary several-fold; the best is the one other load slowed least).
// Run by hand: node bench/trace.mjs [--rounds 9] [--starts 20] [--messages 10000].

import { performance } from "node:perf_hooks";
import { option, processCpuMs, readSse, startBenchServer, summary } from "./lib.mjs";

const ROUNDS = Number(option("rounds", 9));
const STARTS = Number(option("starts", 20));
const MESSAGES = Number(option("messages", 10_000));

const SERVER_ENTRY = `
import { createServer } from "node:http";
import { configFromEnv, handleRunnerRequest, Runner } from "./runner";
const runner = Runner.create(configFromEnv());
const server = createServer((req, res) => { void handleRunnerRequest(runner, req, res); });
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));
process.once("SIGTERM", () => { server.close(); void runner.close().then(() => process.exit(0)); });
`;

const PIPELINE = {
  files: {
    "producer.ts": `import * as zmq from "zeromq";
const push = new zmq.Push();
await push.bind("tcp://127.0.0.1:5600");
const cpu = process.cpuUsage();
for (let i = 0; i < ${MESSAGES}; i++) await push.send("job " + i);
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ cpuMs: (used.user + used.system) / 1000 }));
await new Promise((resolve) => setTimeout(resolve, 200));
push.close();`,
    "consumer.ts": `import * as zmq from "zeromq";
const pull = new zmq.Pull();
pull.connect("tcp://127.0.0.1:5600");
await pull.receive();
const start = performance.now();
const cpu = process.cpuUsage();
for (let i = 1; i < ${MESSAGES}; i++) await pull.receive();
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ ms, perSecond: Math.round((${MESSAGES} - 1) / (ms / 1000)), cpuMs: (used.user + used.system) / 1000 }));
pull.close();`,
  },
  processes: [
    { name: "producer", entry: "producer.ts" },
    { name: "consumer", entry: "consumer.ts" },
  ],
  timeoutMs: 60_000,
};

const HELLO = { files: { "main.ts": `import * as zmq from "zeromq"; console.log("hello", typeof zmq.Reply);` } };

/** Posts a run and reads it to its end: the first stdout's delay, stdout per process, trace events, the end. */
async function run(base, body) {
  const posted = performance.now();
  const response = await fetch(`${base}/api/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (response.status !== 202) throw new Error(`POST /api/runs: ${response.status} ${await response.text()}`);
  const { events } = await response.json();
  const result = { firstOutputMs: NaN, stdout: {}, traces: 0, truncated: null, end: null };
  await readSse(await fetch(base + events), (type, data, { t }) => {
    if (type === "stdout") {
      if (Number.isNaN(result.firstOutputMs)) result.firstOutputMs = t - posted;
      result.stdout[data.process] = (result.stdout[data.process] ?? "") + data.data;
    }
    if (type === "trace") {
      result.traces++;
      if (data.op === "truncated") result.truncated = data;
    }
    if (type === "end") {
      result.end = data;
      return false;
    }
    return true;
  });
  if (result.end?.status !== "ok") throw new Error(`run ended ${result.end?.status}: ${result.end?.message}`);
  return result;
}

const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

async function main() {
  const server = await startBenchServer({
    name: "trace-bench-server",
    source: SERVER_ENTRY,
    env: { RUNNER_RATE_PER_MINUTE: "0", RUNNER_RATE_ADDRESS_PER_MINUTE: "0" },
  });
  const base = server.url;
  try {
    // Warm-up: first-run costs pass, the pool fills.
    await run(base, PIPELINE);
    await run(base, { ...PIPELINE, trace: true });
    const rate = { plain: [], traced: [] };
    // Messages per CPU-second of both processes: what the trace costs, whatever else the host runs.
    const cpuRate = { plain: [], traced: [] };
    // The runner's own CPU per run (reading, pairing and streaming the trace is its work).
    const serverCpu = { plain: [], traced: [] };
    let truncated = null;
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ["plain", "traced"] : ["traced", "plain"];
      for (const kind of order) {
        const before = processCpuMs(server.pid);
        const result = await run(base, kind === "traced" ? { ...PIPELINE, trace: true } : PIPELINE);
        serverCpu[kind].push(processCpuMs(server.pid) - before);
        const consumer = JSON.parse(result.stdout.consumer);
        const producer = JSON.parse(result.stdout.producer);
        rate[kind].push(consumer.perSecond);
        cpuRate[kind].push(Math.round(MESSAGES / ((consumer.cpuMs + producer.cpuMs) / 1000)));
        if (kind === "traced") truncated = result.truncated;
      }
    }
    const first = { plain: [], traced: [] };
    for (let i = 0; i < STARTS; i++) {
      const order = i % 2 === 0 ? ["plain", "traced"] : ["traced", "plain"];
      for (const kind of order) first[kind].push((await run(base, kind === "traced" ? { ...HELLO, trace: true } : HELLO)).firstOutputMs);
    }
    const p = summary(rate.plain);
    const t = summary(rate.traced);
    const fp = summary(first.plain);
    const ft = summary(first.traced);
    console.log(`\nPUSH/PULL, ${MESSAGES} messages over tcp:// between two processes, ${ROUNDS} rounds (messages/s, median):`);
    console.log(`  untraced ${fmt(p.p50)}   traced ${fmt(t.p50)}   traced/untraced ${fmt((100 * t.p50) / p.p50, 1)} % (goal ≥ 80 %)`);
    console.log(`  best round (the one other load on the host slowed least): untraced ${fmt(p.max)}   traced ${fmt(t.max)}   ${fmt((100 * t.max) / p.max, 1)} %`);
    console.log(`  every round: untraced ${rate.plain.join(", ")}; traced ${rate.traced.join(", ")}`);
    const cp = summary(cpuRate.plain);
    const ct = summary(cpuRate.traced);
    console.log(`  per CPU-second of producer + consumer (host load cancels out): untraced ${fmt(cp.p50)}   traced ${fmt(ct.p50)}   ${fmt((100 * ct.p50) / cp.p50, 1)} %; best rounds ${fmt((100 * ct.max) / cp.max, 1)} %`);
    console.log(`  the runner server's CPU per run (ms, median): untraced ${fmt(summary(serverCpu.plain).p50)}   traced ${fmt(summary(serverCpu.traced).p50)}`);
    if (truncated) console.log(`  the traced run's trace: cap ${truncated.cap}, then left out ${truncated.dropped.total} records`);
    console.log(`\nFirst output (POST → first stdout event), ${STARTS} runs each, ms:`);
    console.log(`  untraced p50 ${fmt(fp.p50, 1)} p95 ${fmt(fp.p95, 1)}   traced p50 ${fmt(ft.p50, 1)} p95 ${fmt(ft.p95, 1)}`);
    const json = { messages: MESSAGES, throughput: { plain: p, traced: t, ratio: t.p50 / p.p50, bestRatio: t.max / p.max }, perCpuSecond: { plain: cp, traced: ct, ratio: ct.p50 / cp.p50, bestRatio: ct.max / cp.max }, firstOutputMs: { plain: fp, traced: ft } };
    console.log(`\n${JSON.stringify(json)}`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
