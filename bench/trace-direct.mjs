#!/usr/bin/env node
// The socket trace's cost in the learner's processes alone, without the runner or a
// sandbox: the PUSH/PULL pipeline of bench/trace.mjs run by plain Node processes (with
// the sandbox's Node flags) that call enableTrace as the boot script does, fd 3 a pipe
// this bench drains. Untraced, traced with this checkout's runner/sandbox/trace.ts and,
// with --against <git ref>, traced with that ref's, in interleaved rounds. It separates
// what the trace costs the processes from what the runner's own work on a traced run
// (pairing, the event stream) takes from them on a shared host.
// Run by hand: node bench/trace-direct.mjs [--rounds 12] [--messages 10000] [--against main]

import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, importTs, option, ROOT, summary } from "./lib.mjs";

const ROUNDS = Number(option("rounds", 12));
const MESSAGES = Number(option("messages", 10_000));
const AGAINST = option("against", null);
/** The runner's default cap (RUNNER_TRACE_EVENTS), shared by the two processes. */
const CAP = Number(option("cap", 2000)) / 2;
/** As runner/sandbox/launcher.ts starts learner processes (its preload aside). */
const NODE_FLAGS = ["--enable-source-maps", "--v8-pool-size=2"];

const DIR = path.join(ROOT, ".tmp", "trace-direct");

// One script for both sides: argv role, trace file ("" untraced), port.
const PROCESS = `
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const [role, traceFile, port] = process.argv.slice(2);
const zeromq = require.resolve("zeromq", { paths: [${JSON.stringify(ROOT)}] });
if (traceFile) require(traceFile).enableTrace({ origin: String(process.hrtime.bigint()), cap: ${CAP} }, { zeromq, index: role === "producer" ? 0 : 1, name: role });
const zmq = await import(zeromq);
if (role === "producer") {
  const push = new zmq.Push();
  await push.bind("tcp://127.0.0.1:" + port);
  const cpu = process.cpuUsage();
  for (let i = 0; i < ${MESSAGES}; i++) await push.send("job " + i);
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ cpuMs: (used.user + used.system) / 1000 }));
  await new Promise((resolve) => setTimeout(resolve, 200));
  push.close();
} else {
  const pull = new zmq.Pull();
  pull.connect("tcp://127.0.0.1:" + port);
  await pull.receive();
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 1; i < ${MESSAGES}; i++) await pull.receive();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000 }));
  pull.close();
}
`;

/** A version of runner/sandbox/trace.ts (a file of this checkout) as the sandbox's trace.cjs. */
async function traceFile(source, name) {
  const { TRACE_SCRIPT } = await importTs(source, `trace-direct-${name}`);
  const file = path.join(DIR, `${name}.cjs`);
  writeFileSync(file, TRACE_SCRIPT);
  return file;
}

function start(role, trace, port) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, path.join(DIR, "process.mjs"), role, trace, String(port)], {
      stdio: ["ignore", "pipe", "inherit", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stdio[3].resume();
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(out.trim().split("\n").pop()));
      else reject(new Error(`${role} ended with ${signal ?? code}`));
    });
  });
}

async function main() {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(path.join(DIR, "process.mjs"), PROCESS);
  const kinds = [{ name: "untraced", trace: "" }, { name: "traced", trace: await traceFile("runner/sandbox/trace.ts", "this") }];
  if (AGAINST) {
    const source = path.join(".tmp", "trace-direct", "against.ts");
    writeFileSync(path.join(ROOT, source), execFileSync("git", ["show", `${AGAINST}:runner/sandbox/trace.ts`], { cwd: ROOT, encoding: "utf8" }));
    kinds.push({ name: `traced (${AGAINST})`, trace: await traceFile(source, "against") });
  }
  const results = new Map(kinds.map((kind) => [kind.name, { cpu: [], rate: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of round % 2 === 0 ? kinds : [...kinds].reverse()) {
      const port = await freePort();
      const [producer, consumer] = await Promise.all([start("producer", kind.trace, port), start("consumer", kind.trace, port)]);
      const result = results.get(kind.name);
      result.cpu.push(producer.cpuMs + consumer.cpuMs);
      result.rate.push(Math.round((MESSAGES - 1) / (consumer.ms / 1000)));
    }
  }
  const base = results.get("untraced");
  const cpu0 = summary(base.cpu).p50;
  const rate0 = summary(base.rate).p50;
  console.log(`\nPUSH/PULL, ${MESSAGES} messages, ${ROUNDS} interleaved rounds, plain Node processes (medians; ratio to untraced):`);
  for (const kind of kinds) {
    const { cpu, rate } = results.get(kind.name);
    const c = summary(cpu).p50;
    const r = Math.round(summary(rate).p50);
    // CPU as throughput per CPU-second: untraced CPU / this CPU.
    console.log(`  ${kind.name.padEnd(16)} CPU of producer + consumer ${c.toFixed(1)} ms (per CPU-second ${((100 * cpu0) / c).toFixed(1)} %)   messages/s ${r} (${((100 * r) / rate0).toFixed(1)} %)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
