#!/usr/bin/env node
// Runner benchmark: startup latency against bare `node`, and throughput under load.
// Run by hand (`npm run bench`, see bench/README.md); never part of the tests.
//
// It builds the runner, starts its own `node dist/runner.mjs` on a free port with the
// per-client rate limit off, talks to it only through the public HTTP API
// (shared/runner-api.md) and stops it at the end, on errors and on Ctrl-C.

import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { freePort, percentile, readSse, ROOT } from "./lib.mjs";

// ---------------------------------------------------------------------------
// Programs under test

/** The startup program: the same text runs as `main.ts` in the runner and as a bare `.mjs`. */
const HELLO = `import * as zmq from "zeromq";\nconsole.log("hello", typeof zmq.Reply);\n`;

const ROUND_TRIPS = 100;
/** One process, REQ and REP in it, 100 round trips over TCP on a fixed port. */
const LOAD_PROGRAM = `import * as zmq from "zeromq";

const address = "tcp://127.0.0.1:5555";
const rep = new zmq.Reply();
await rep.bind(address);
const req = new zmq.Request();
req.connect(address);

const server = (async () => {
  for (let i = 0; i < ${ROUND_TRIPS}; i++) {
    const [msg] = await rep.receive();
    await rep.send(msg);
  }
})();

let good = 0;
for (let i = 0; i < ${ROUND_TRIPS}; i++) {
  await req.send("ping " + i);
  const [reply] = await req.receive();
  if (reply.toString() === "ping " + i) good++;
}
await server;
req.close();
rep.close();
console.log("done", good);
`;
const LOAD_EXPECTED = `done ${ROUND_TRIPS}`;

// ---------------------------------------------------------------------------
// Command line

const USAGE = `Usage: node bench/run.mjs [options]

  --runs N            startup-latency samples of each kind (default 30; plus 3 warm-ups)
  --concurrency N     RUNNER_CONCURRENCY for the runner (default: the runner's own default)
  --sweep A,B,C       after the main parts, repeat the load test once per RUNNER_CONCURRENCY
                      value, restarting the runner each time, and print a comparison table
  --repeat N          rounds of the sweep (default 1); the table pools them, so noise shows less
  --load N            runs started at once in the load test (default 30)
  --no-build          skip \`node scripts/build-server.mjs\` (use the existing dist/runner.mjs)
  --site              measure the whole site (dist/server.mjs: Next.js with the runner mounted
                      in its process) instead of the standalone runner; needs \`npm run build\`
  --help              this text`;

function parseArgs(argv) {
  const options = { runs: 30, concurrency: undefined, sweep: [], repeat: 1, load: 30, build: true, site: false };
  const wholeNumber = (flag, raw, min) => {
    const value = Number(raw);
    if (raw === undefined || !Number.isInteger(value) || value < min) {
      throw new UsageError(`${flag} needs a whole number ≥ ${min}, got ${raw === undefined ? "nothing" : `"${raw}"`}`);
    }
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline;
    if (arg.startsWith("--") && arg.includes("=")) [arg, inline] = [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)];
    const next = () => (inline !== undefined ? inline : argv[++i]);
    switch (arg) {
      case "--runs": options.runs = wholeNumber(arg, next(), 1); break;
      case "--concurrency": options.concurrency = wholeNumber(arg, next(), 1); break;
      case "--repeat": options.repeat = wholeNumber(arg, next(), 1); break;
      case "--load": options.load = wholeNumber(arg, next(), 1); break;
      case "--sweep": {
        const raw = next();
        if (!raw) throw new UsageError("--sweep needs a comma-separated list, e.g. --sweep 2,4,6");
        options.sweep = raw.split(",").map((part) => wholeNumber("--sweep", part.trim(), 1));
        break;
      }
      case "--no-build": options.build = false; break;
      case "--site": options.site = true; break;
      case "--help": case "-h": console.log(USAGE); process.exit(0); break;
      default: throw new UsageError(`unknown option "${argv[i]}"`);
    }
  }
  return options;
}

class UsageError extends Error {}

// ---------------------------------------------------------------------------
// Statistics and formatting

const median = (values) => percentile(values, 50);
const ms = (value) => (Number.isFinite(value) ? value.toFixed(1) : "-");
const ratio = (value) => (Number.isFinite(value) ? value.toFixed(2) : "-");

/** Prints rows as an aligned table; the first column is left-aligned, the others right-aligned. */
function table(header, rows, indent = "  ") {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? "").length)));
  const line = (row) =>
    indent + row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("   ").trimEnd();
  console.log(line(all[0]));
  console.log(indent + widths.map((w) => "-".repeat(w)).join("   "));
  for (const row of all.slice(1)) console.log(line(row));
}

function heading(text) {
  console.log(`\n== ${text} ${"=".repeat(Math.max(3, 78 - text.length))}`);
}

// ---------------------------------------------------------------------------
// The runner child process

let runner = null; // { child, port, base, output: string[], exited: Promise, stopping }
let tmpDir = null;
const openStreams = new Set(); // AbortControllers of requests in flight
const runnerStderr = []; // every runner's stderr lines, reported at the end

function runCommand(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** --site: start the whole site (the runner inside Next.js's process) rather than the runner alone. */
let measureSite = false;

async function startRunner(concurrency) {
  const port = await freePort();
  const env = { ...process.env, RUNNER_PORT: String(port), PORT: String(port), RUNNER_RATE_PER_MINUTE: "0", RUNNER_RATE_ADDRESS_PER_MINUTE: "0",
    // One client posts every run here: the per-client caps of a room would refuse the burst.
    RUNNER_CLIENT_RUNNING: "1000", RUNNER_CLIENT_QUEUED: "1000", NEXT_TELEMETRY_DISABLED: "1" };
  if (concurrency !== undefined) env.RUNNER_CONCURRENCY = String(concurrency);
  else delete env.RUNNER_CONCURRENCY;
  const entry = measureSite ? "dist/server.mjs" : "dist/runner.mjs";
  const child = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const output = [];
  const keep = (stream) => (chunk) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line) continue;
      output.push(`[${stream}] ${line}`);
      if (output.length > 400) output.shift();
      if (stream === "stderr" && runnerStderr.length < 1000) runnerStderr.push(`[concurrency ${concurrency ?? "default"}] ${line}`);
    }
  };
  child.stdout.on("data", keep("stdout"));
  child.stderr.on("data", keep("stderr"));
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  child.on("error", (error) => output.push(`[spawn] ${error.message}`));
  runner = { child, port, base: `http://127.0.0.1:${port}`, output, exited, stopping: false, concurrency };
  exited.then(({ code, signal }) => {
    if (runner?.child === child && !runner.stopping) {
      runner.died = `the runner exited unexpectedly (${signal ?? `exit code ${code}`})`;
      console.error(`\n!! ${runner.died}; its last output:\n${output.slice(-30).join("\n")}`);
    }
  });

  // Wait for GET /api/health to answer 200.
  const deadline = performance.now() + 30_000;
  let last = "no answer yet";
  while (performance.now() < deadline) {
    if (runner.died || child.exitCode !== null) {
      throw new Error(`the runner exited before it was ready; its output:\n${output.join("\n")}`);
    }
    try {
      const res = await fetch(`${runner.base}/api/health`, { signal: AbortSignal.timeout(2_000) });
      const body = await res.text();
      if (res.status === 200) {
        runner.health = JSON.parse(body);
        return runner;
      }
      last = `HTTP ${res.status} ${body}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(100);
  }
  throw new Error(`the runner did not answer GET /api/health with 200 within 30 s (last: ${last}); its output:\n${output.join("\n")}`);
}

async function stopRunner() {
  const current = runner;
  if (!current) return;
  current.stopping = true;
  for (const controller of openStreams) controller.abort(new Error("benchmark stopping"));
  if (current.child.exitCode === null && current.child.signalCode === null) {
    current.child.kill("SIGTERM");
    const done = await Promise.race([current.exited.then(() => true), sleep(5_000).then(() => false)]);
    if (!done) {
      current.child.kill("SIGKILL");
      await current.exited;
    }
  }
  if (runner === current) runner = null;
}

async function cleanup() {
  await stopRunner().catch(() => {});
  if (tmpDir) await rm(tmpDir, { recursive: true, force: true }).catch(() => {});
  tmpDir = null;
}

/** A one-line progress note on a terminal's stderr (nothing when stderr is a file or pipe). */
function progress(text) {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text ? `  ${text}` : ""}`);
}

const sleep = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

// ---------------------------------------------------------------------------
// Runs through the public API

/**
 * Posts a run, opens its event stream right after the 202 and follows it to `end`.
 * Times are performance.now() values; t0 is taken just before the POST is sent.
 */
async function followRun(body, { watchdogMs = 180_000 } = {}) {
  if (!runner) throw new Error("the runner is not running");
  const base = runner.base;
  const record = { t0: 0, accepted: NaN, id: null, events: [], end: null, error: null };
  const controller = new AbortController();
  openStreams.add(controller);
  const watchdog = setTimeout(() => controller.abort(new Error(`no end event within ${watchdogMs / 1000} s`)), watchdogMs);
  try {
    record.t0 = performance.now();
    const res = await fetch(`${base}/api/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    record.accepted = performance.now();
    const text = await res.text();
    if (res.status !== 202) {
      record.error = `POST /api/runs answered ${res.status}: ${text.slice(0, 300)}`;
      return record;
    }
    const { id, events } = JSON.parse(text);
    record.id = id;
    const stream = await fetch(new URL(events, base), {
      headers: { accept: "text/event-stream" },
      signal: controller.signal,
    });
    if (stream.status !== 200) {
      record.error = `GET ${events} answered ${stream.status}: ${(await stream.text()).slice(0, 300)}`;
      return record;
    }
    await readSse(stream, (type, data, { id, t }) => {
      const event = { type, id, data, t };
      record.events.push(event);
      if (type === "end") {
        record.end = event;
        return false;
      }
      return true;
    });
    if (!record.end) record.error = "the event stream closed without an end event";
  } catch (error) {
    const reason = controller.signal.aborted ? controller.signal.reason?.message : null;
    record.error = reason ?? `${error.message}${error.cause ? ` (${error.cause.code ?? error.cause.message})` : ""}`;
  } finally {
    clearTimeout(watchdog);
    openStreams.delete(controller);
  }
  return record;
}

const firstOf = (record, type) => record.events.find((event) => event.type === type);
const stdoutText = (record) => record.events.filter((e) => e.type === "stdout").map((e) => e.data?.data ?? "").join("");
const stderrText = (record) => record.events.filter((e) => e.type === "stderr").map((e) => e.data?.data ?? "").join("");

function describeFailure(record) {
  const parts = [];
  if (record.id) parts.push(`run ${record.id}`);
  if (record.error) parts.push(`error: ${record.error}`);
  if (record.end) parts.push(`end: ${JSON.stringify(record.end.data)}`);
  const exits = record.events.filter((e) => e.type === "exit").map((e) => JSON.stringify(e.data));
  if (exits.length) parts.push(`exit: ${exits.join(", ")}`);
  const out = stdoutText(record).trim();
  const err = stderrText(record).trim();
  if (out) parts.push(`stdout: ${JSON.stringify(out.slice(-300))}`);
  if (err) parts.push(`stderr: ${JSON.stringify(err.slice(-600))}`);
  const others = [...new Set(record.events.map((e) => e.type))].join(",");
  parts.push(`events seen: ${others || "none"}`);
  return parts.join("\n      ");
}

// ---------------------------------------------------------------------------
// Part 1: startup latency

/**
 * The baseline's environment: PATH only. The sandbox starts node with an (almost) empty
 * environment too; inheriting ours would make the baseline pay for things like
 * NODE_EXTRA_CA_CERTS (a CA bundle parsed at start-up, ~50 ms here) or NODE_OPTIONS.
 */
const BARE_ENV = { PATH: process.env.PATH ?? "/usr/bin:/bin" };
const droppedNodeVars = Object.keys(process.env).filter((name) => name.startsWith("NODE_")).sort();

function bareOnce(file, cwd) {
  return new Promise((resolve, reject) => {
    let first = NaN;
    let out = "";
    let err = "";
    const t0 = performance.now();
    const child = spawn(process.execPath, [file], { cwd, env: BARE_ENV, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk) => {
      if (Number.isNaN(first)) first = performance.now();
      out += chunk;
    });
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code !== 0 || Number.isNaN(first)) {
        reject(new Error(`bare node ${file} failed (${signal ?? `exit code ${code}`}): ${err.trim() || out.trim()}`));
      } else resolve({ ms: first - t0, out });
    });
  });
}

async function runnerHelloOnce() {
  const record = await followRun({ files: { "main.ts": HELLO } }, { watchdogMs: 60_000 });
  const stdout = firstOf(record, "stdout");
  if (record.error || record.end?.data?.status !== "ok" || !stdout) {
    throw new Error(`the hello-world run did not end ok:\n      ${describeFailure(record)}`);
  }
  if (!stdoutText(record).startsWith("hello function")) {
    throw new Error(`the hello-world run printed something unexpected:\n      ${describeFailure(record)}`);
  }
  const start = firstOf(record, "start");
  return {
    ms: stdout.t - record.t0,
    accepted: record.accepted - record.t0,
    start: start ? start.t - record.t0 : NaN,
    startToStdout: start ? stdout.t - start.t : NaN,
    end: record.end.t - record.t0,
  };
}

async function startupLatency(runs) {
  heading(`Startup latency: hello world importing zeromq (${runs} pairs, 3 warm-up pairs, interleaved)`);
  await mkdir(path.join(ROOT, ".tmp", "bench"), { recursive: true });
  tmpDir = await mkdtemp(path.join(ROOT, ".tmp", "bench", "startup-"));
  const bareFile = path.join(tmpDir, "main.mjs");
  await writeFile(bareFile, HELLO);

  const runnerSamples = [];
  const bareSamples = [];
  const pairRatios = [];
  const WARMUP = 3;
  for (let i = 0; i < WARMUP + runs; i++) {
    // Alternate which side goes first so neither always profits from a warmer cache.
    let r;
    let b;
    if (i % 2 === 0) {
      r = await runnerHelloOnce();
      b = await bareOnce(bareFile, tmpDir);
    } else {
      b = await bareOnce(bareFile, tmpDir);
      r = await runnerHelloOnce();
    }
    if (i < WARMUP) continue;
    runnerSamples.push(r);
    bareSamples.push(b.ms);
    pairRatios.push(r.ms / b.ms);
    progress(`pair ${i - WARMUP + 1}/${runs}`);
  }
  progress("");

  const runnerMs = runnerSamples.map((s) => s.ms);
  const row = (label, values) => [label, ms(median(values)), ms(percentile(values, 95)), ms(Math.min(...values)), ms(Math.max(...values))];
  const p50Ratio = median(runnerMs) / median(bareSamples);
  const p95Ratio = percentile(runnerMs, 95) / percentile(bareSamples, 95);
  table(
    ["time to first stdout (ms)", "p50", "p95", "min", "max"],
    [
      row("runner: POST → first stdout event", runnerMs),
      row("bare node: spawn → first stdout byte", bareSamples),
      ["ratio runner / bare", ratio(p50Ratio), ratio(p95Ratio), "", ""],
      ["per-pair ratio runner / bare", ratio(median(pairRatios)), ratio(percentile(pairRatios, 95)), ratio(Math.min(...pairRatios)), ratio(Math.max(...pairRatios))],
    ],
  );
  console.log(`  per-pair median ratio: ${ratio(median(pairRatios))}`);
  const gap = median(runnerMs) - median(bareSamples);
  // Warm sandboxes have Node booted and zeromq loaded: a run's first output needs at most half a bare start.
  console.log(
    `  target p50 ratio ≤ 0.5: ${p50Ratio <= 0.5 ? "MET" : "NOT MET"} (p50 ${ratio(p50Ratio)}, p95 ${ratio(p95Ratio)}; ` +
      `runner p50 is ${ms(Math.abs(gap))} ms ${gap >= 0 ? "slower" : "faster"} than bare node)`,
  );
  console.log(
    `  bare node: ${process.execPath} ${path.relative(ROOT, bareFile)}, environment PATH only` +
      (droppedNodeVars.length ? ` (left out: ${droppedNodeVars.join(", ")})` : ""),
  );
  console.log("\n  where the runner's time goes (measured by the client):");
  const phase = (label, key) => {
    const values = runnerSamples.map((s) => s[key]).filter(Number.isFinite);
    return [label, ms(median(values)), ms(percentile(values, 95))];
  };
  table(
    ["runner phase (ms)", "p50", "p95"],
    [
      phase("POST → 202 response", "accepted"),
      phase("POST → start event", "start"),
      phase("start event → first stdout event", "startToStdout"),
      phase("POST → end event", "end"),
    ],
    "    ",
  );
}

// ---------------------------------------------------------------------------
// Part 2: throughput under load

async function loadTest(count, { quiet = false } = {}) {
  // One unmeasured run first, so a freshly started runner's first-run costs are not counted.
  await followRun({ files: { "main.ts": LOAD_PROGRAM } }, { watchdogMs: 60_000 });

  const started = performance.now();
  const records = await Promise.all(Array.from({ length: count }, () => followRun({ files: { "main.ts": LOAD_PROGRAM } })));
  const wall = Math.max(...records.map((r) => (r.end ? r.end.t : performance.now()))) - started;

  const ended = records.filter((r) => r.end);
  const ok = records.filter((r) => r.end?.data?.status === "ok");
  const printed = records.filter((r) => stdoutText(r).trim().split("\n").at(-1) === LOAD_EXPECTED);
  const toEnd = ended.map((r) => r.end.t - r.t0);
  const queueWait = ended.map((r) => (firstOf(r, "start")?.t ?? NaN) - r.t0).filter(Number.isFinite);
  const execution = ended.map((r) => r.end.t - (firstOf(r, "start")?.t ?? NaN)).filter(Number.isFinite);
  const serverDuration = ended.map((r) => r.end.data?.durationMs).filter(Number.isFinite);
  const maxPosition = records.map((r) => Math.max(0, ...r.events.filter((e) => e.type === "queued").map((e) => e.data?.position ?? 0)));
  const queuedEvents = records.reduce((sum, r) => sum + r.events.filter((e) => e.type === "queued").length, 0);
  const blocked = records.filter((r) => firstOf(r, "blocked")).length;
  const statuses = {};
  for (const r of records) {
    const key = r.end?.data?.status ?? "(no end event)";
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  const result = {
    count, ok: ok.length, printed: printed.length, wall, toEnd, queueWait, execution, serverDuration,
    maxPosition, queuedEvents, blocked, statuses, records,
  };
  if (quiet) return result;

  const label = (text) => `  ${text}`.padEnd(26);
  console.log(`${label("ended ok:")}${ok.length}/${count}${ok.length === count ? "" : `   (statuses: ${JSON.stringify(statuses)})`}`);
  console.log(`${label(`printed "${LOAD_EXPECTED}":`)}${printed.length}/${count}`);
  console.log(`${label("total wall time:")}${ms(wall)} ms   (first POST → last end event; ${(count / (wall / 1000)).toFixed(1)} runs/s)`);
  if (blocked) console.log(`  runs with a blocked event: ${blocked}`);
  console.log("");
  const row = (label, values) => [label, ms(median(values)), ms(percentile(values, 95)), ms(Math.max(...values))];
  table(
    ["per run (ms)", "p50", "p95", "max"],
    [
      row("POST → end event", toEnd),
      row("POST → start event (queue wait)", queueWait),
      row("start → end event (execution)", execution),
      row("end.durationMs (server)", serverDuration),
    ],
  );
  printQueueDistribution(result);
  printFailures(result);
  return result;
}

function printQueueDistribution({ count, maxPosition, queuedEvents }) {
  const queued = maxPosition.filter((p) => p > 0);
  console.log(
    `\n  queued events: ${queuedEvents} in all; ${queued.length}/${count} runs waited` +
      (queued.length ? ` (highest position seen per run: p50 ${median(queued)}, max ${Math.max(...queued)})` : ""),
  );
  const width = 5;
  const top = Math.max(0, ...maxPosition);
  const buckets = [["not queued", maxPosition.filter((p) => p === 0).length]];
  for (let lo = 1; lo <= top; lo += width) {
    const hi = lo + width - 1;
    buckets.push([`position ${lo}–${hi}`, maxPosition.filter((p) => p >= lo && p <= hi).length]);
  }
  table(["highest queue position", "runs", "histogram"], buckets.map(([label, n]) => [label, String(n), "#".repeat(n).padEnd(Math.max(count, "histogram".length))]), "    ");
}

function printFailures({ records }) {
  const bad = records.filter((r) => r.end?.data?.status !== "ok" || stdoutText(r).trim().split("\n").at(-1) !== LOAD_EXPECTED);
  if (!bad.length) return;
  console.log(`\n  !! ${bad.length} run(s) did not end ok with "${LOAD_EXPECTED}":`);
  for (const r of bad.slice(0, 10)) console.log(`    - ${describeFailure(r)}`);
  if (bad.length > 10) console.log(`    … and ${bad.length - 10} more`);
}

// ---------------------------------------------------------------------------
// Main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  measureSite = options.site;
  let failed = false;

  if (options.build) {
    console.log("building: node scripts/build-server.mjs");
    await runCommand(process.execPath, ["scripts/build-server.mjs"]);
  }

  await startRunner(options.concurrency);
  const { sandbox, runs } = runner.health;
  const cpu = os.cpus();
  console.log("ZeroMQ Playground runner benchmark");
  console.log(`  host:   node ${process.version}, ${cpu.length} CPU(s) ${cpu[0]?.model?.trim() ?? ""}, ${os.platform()} ${os.release()}`);
  console.log(
    `  ${measureSite ? "site (runner in the Next.js process)" : "runner"}: ${runner.base}, sandbox ${sandbox?.mode ?? "?"} (limits: ${sandbox?.limits ?? "?"}), ` +
      `concurrency ${runs?.slots ?? "?"}, queue max ${runs?.queueMax ?? "?"}, rate limit off`,
  );

  await startupLatency(options.runs);

  heading(`Throughput: ${options.load} runs posted at once, ${ROUND_TRIPS} REQ/REP round trips each (concurrency ${runs?.slots ?? "?"})`);
  const main = await loadTest(options.load);
  if (main.ok !== main.count || main.printed !== main.count) failed = true;

  if (options.sweep.length) {
    const repeat = options.repeat;
    heading(
      `Concurrency sweep: ${options.load} runs at once per setting, runner restarted for each` +
        (repeat > 1 ? `, ${repeat} rounds` : ""),
    );
    const results = new Map(options.sweep.map((concurrency) => [concurrency, []]));
    // Rounds outside, settings inside: a slow patch of the host hits every setting alike.
    for (let round = 1; round <= repeat; round++) {
      for (const concurrency of options.sweep) {
        await stopRunner();
        await startRunner(concurrency);
        const slots = runner.health?.runs?.slots;
        if (slots !== concurrency) throw new Error(`asked for RUNNER_CONCURRENCY=${concurrency} but /api/health reports ${slots} slots`);
        progress(`round ${round}/${repeat}, concurrency ${concurrency}…`);
        const r = await loadTest(options.load, { quiet: true });
        progress("");
        if (r.ok !== r.count || r.printed !== r.count) failed = true;
        results.get(concurrency).push(r);
      }
    }
    const header = ["concurrency", "ok", "p50 to end", "p95 to end", "max to end", "wall time", "runs/s", "exec p50", "exec p95"];
    if (repeat > 1) header.splice(6, 0, "wall min–max");
    table(
      header,
      [...results].map(([concurrency, rs]) => {
        const toEnd = rs.flatMap((r) => r.toEnd);
        const execution = rs.flatMap((r) => r.execution);
        const walls = rs.map((r) => r.wall);
        const wall = median(walls);
        const row = [
          String(concurrency),
          `${rs.reduce((n, r) => n + r.ok, 0)}/${rs.reduce((n, r) => n + r.count, 0)}`,
          ms(median(toEnd)),
          ms(percentile(toEnd, 95)),
          ms(Math.max(...toEnd)),
          ms(wall),
          (options.load / (wall / 1000)).toFixed(1),
          ms(median(execution)),
          ms(percentile(execution, 95)),
        ];
        if (repeat > 1) row.splice(6, 0, `${ms(Math.min(...walls))}–${ms(Math.max(...walls))}`);
        return row;
      }),
    );
    console.log('  (times in ms; "to end" = POST → end event; "exec" = start event → end event' +
      (repeat > 1 ? `; per-run figures pooled over the ${repeat} rounds, wall time and runs/s from the median round)` : ")"));
    for (const [concurrency, rs] of results) {
      for (const r of rs) {
        if (r.ok === r.count && r.printed === r.count) continue;
        console.log(`\n  concurrency ${concurrency}: statuses ${JSON.stringify(r.statuses)}, printed "${LOAD_EXPECTED}" ${r.printed}/${r.count}`);
        printFailures(r);
      }
    }
  }

  if (runnerStderr.length) {
    console.log(`\n  runner stderr (${runnerStderr.length} line(s), last 20):`);
    for (const line of runnerStderr.slice(-20)) console.log(`    ${line}`);
  }
  if (failed) console.log("\nFAILED: not every load-test run ended ok (see above).");
  return failed ? 1 : 0;
}

let interrupted = false;
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.on(signal, () => {
    if (interrupted) {
      runner?.child.kill("SIGKILL");
      process.exit(code);
    }
    interrupted = true;
    console.error(`\n${signal}: stopping the runner…`);
    cleanup().finally(() => process.exit(code));
  });
}
process.on("exit", () => {
  if (runner && runner.child.exitCode === null && runner.child.signalCode === null) runner.child.kill("SIGKILL");
});

main().then(
  async (code) => {
    await cleanup();
    process.exit(code);
  },
  async (error) => {
    if (interrupted) return; // the signal handler is already cleaning up and exiting
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else console.error(`\nbenchmark failed: ${error.stack ?? error.message}`);
    await cleanup();
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
