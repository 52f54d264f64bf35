#!/usr/bin/env node
// What the sandbox's hardening costs a run: time to first output of a hello
// world (importing zeromq) as configured by default (system-call filter and
// noexec /tmp), without the filter (RUNNER_UNSAFE_NO_SECCOMP=1) and without the
// noexec /tmp (RUNNER_NOEXEC_TMP=0), side by side in one session. Run by hand:
//
//   node bench/seccomp.mjs [--runs 30] [--no-build]
//
// It builds the runner, starts three `node dist/runner.mjs` on free ports (rate
// limit off, one run slot each), runs the kinds in interleaved rounds (the
// order rotates) through the public HTTP API, prints min/median/p95 of each and
// the default's ratio to each of the others, and stops the runners.

import { spawn, spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { freePort, percentile, ROOT } from "./lib.mjs";

const HELLO = { files: { "main.ts": `import * as zmq from "zeromq";\nconsole.log("hello", typeof zmq.Reply);\n` } };
const WARMUP = 3;

const args = process.argv.slice(2);
const runsIndex = args.indexOf("--runs");
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 30;
if (!Number.isInteger(runs) || runs < 1) {
  console.error("Usage: node bench/seccomp.mjs [--runs N] [--no-build]");
  process.exit(2);
}

const children = [];
const stopAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
};
process.on("SIGINT", () => {
  stopAll();
  process.exit(130);
});

async function startRunner(extraEnv) {
  const port = await freePort();
  const env = { ...process.env, RUNNER_PORT: String(port), RUNNER_RATE_PER_MINUTE: "0", RUNNER_CONCURRENCY: "1", ...extraEnv };
  const child = spawn(process.execPath, ["dist/runner.mjs"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the runner exited (${child.exitCode})`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.status === 200) return { base, health: await response.json() };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the runner did not become healthy within 30 s");
}

/** Milliseconds from the POST to the first stdout bytes, and the run's end status. */
async function firstOutput(base) {
  const t0 = performance.now();
  const posted = await fetch(`${base}/api/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(HELLO) });
  if (posted.status !== 202) throw new Error(`POST /api/runs: ${posted.status} ${await posted.text()}`);
  const { events } = await posted.json();
  const stream = await fetch(new URL(events, base), { headers: { accept: "text/event-stream" } });
  const decoder = new TextDecoder();
  let text = "";
  let first = NaN;
  for await (const chunk of stream.body) {
    text += decoder.decode(chunk, { stream: true });
    if (Number.isNaN(first) && text.includes("event: stdout")) first = performance.now() - t0;
    const end = /event: end\ndata: (.*)\n/.exec(text);
    if (end) {
      const { status } = JSON.parse(end[1]);
      if (status !== "ok" || !text.includes("hello function")) throw new Error(`the hello run ended ${status}: ${text.slice(-400)}`);
      return first;
    }
  }
  throw new Error("the event stream closed without an end event");
}

function stats(values) {
  return { min: Math.min(...values), median: percentile(values, 50), p95: percentile(values, 95) };
}

try {
  if (!args.includes("--no-build")) {
    const build = spawnSync(process.execPath, ["scripts/build-server.mjs"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) throw new Error("the runner's build failed");
  }
  const configs = {
    default: [{}, { seccomp: true, noexecTmp: true }],
    "no filter": [{ RUNNER_UNSAFE_NO_SECCOMP: "1" }, { seccomp: false, noexecTmp: true }],
    "no noexec": [{ RUNNER_NOEXEC_TMP: "0" }, { seccomp: true, noexecTmp: false }],
  };
  const sides = {};
  await Promise.all(
    Object.entries(configs).map(async ([name, [env, expected]]) => {
      const { base, health } = await startRunner(env);
      for (const [key, value] of Object.entries(expected)) {
        if (health.sandbox[key] !== value) throw new Error(`${name}: unexpected sandbox ${JSON.stringify(health.sandbox)}`);
      }
      sides[name] = { base, times: [], limits: health.sandbox.limits };
    }),
  );
  const order = Object.keys(configs);
  for (let i = 0; i < WARMUP + runs; i++) {
    for (const name of [...order.slice(i % order.length), ...order.slice(0, i % order.length)]) {
      const ms = await firstOutput(sides[name].base);
      if (i >= WARMUP) sides[name].times.push(ms);
    }
  }
  console.log(`Time to first output of a hello run (zeromq imported), ${runs} runs each, ms (sandbox limits: ${sides.default.limits}):\n`);
  console.log("  side                  min   median    p95");
  const summary = {};
  for (const name of order) {
    const s = (summary[name] = stats(sides[name].times));
    console.log(`  ${name.padEnd(20)} ${s.min.toFixed(1).padStart(5)}  ${s.median.toFixed(1).padStart(7)}  ${s.p95.toFixed(1).padStart(5)}`);
  }
  for (const other of order.slice(1)) {
    const ratio = (key) => (summary.default[key] / summary[other][key]).toFixed(3).padStart(key === "median" ? 7 : 5);
    console.log(`  default / ${other.padEnd(9)} ${ratio("min")}  ${ratio("median")}  ${ratio("p95")}`);
  }
} catch (error) {
  console.error(`bench/seccomp: ${error.message}`);
  process.exitCode = 1;
} finally {
  stopAll();
}
