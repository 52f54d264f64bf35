#!/usr/bin/env node
// Room benchmark: N learners join one workshop (each with their own learner
// cookie, all from 127.0.0.1 like a classroom behind one NAT address), keep
// their workshop stream open, and each presses Run once at a random moment
// inside a window. Prints accepted/refused/ok, p50/p95 from POST to the first
// output, to `blocked` and to `end`, the peak memory of the server plus its
// sandboxes, and the CPU-bound floor (CPU-seconds the storm cost ÷ cores) with
// the ratio of the storm's wall time to it. Run by hand (bench/README.md).
//
// The server under test is the site's API server without Next.js: the runner
// and the workshop module mounted exactly as server.ts mounts them (pages are
// not on a run's path), bundled into .tmp/ and started in a child process with
// the rate limits at their defaults. `--url URL --pid PID` measures a running
// site instead.

import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { childrenOf, commandLine, joinRoom, lessonVariant, option, pressRun, sandboxGroup, startBenchServer, summary } from "./lib.mjs";

const LEARNERS = Number(option("learners", 200));
const WINDOW_S = Number(option("window", 10));
const LESSON = option("lesson", "12-debugging");
const SNIPPET = option("snippet", "deadlock");
const VARIANT = option("variant", "broken");
const WARM_WAIT_S = Number(option("warm-wait", 120));
const EXTERNAL = option("url", null);
const EXTERNAL_PID = option("pid", null);
const NO_WARM_WAIT = process.argv.includes("--no-warm-wait");

// ---------------------------------------------------------------------------
// The server under test

const SERVER_ENTRY = `
import { createServer } from "node:http";
import { configFromEnv, handleRunnerRequest, Runner } from "./runner";
import { lessonChecks } from "./content/checks";
import { getLessons } from "./content/loader";
import { catalogFromLessons, handleWorkshopRequest, Workshops } from "./workshop";

const runner = Runner.create(configFromEnv(), { checks: lessonChecks() });
const workshops = Workshops.start({ catalog: catalogFromLessons(() => getLessons()), runs: (id) => runner.get(id), trustProxy: runner.config.trustProxy });
runner.expectRuns(() => workshops.onlineLearners());
await workshops.get();
const server = createServer((req, res) => {
  handleRunnerRequest(runner, req, res, { clientKey: (r) => workshops.learnerKey(r) })
    .then((handled) => handled || handleWorkshopRequest(workshops, req, res))
    .then((handled) => { if (!handled) { res.writeHead(404); res.end(); } });
});
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));
process.once("SIGTERM", () => {
  workshops.closeStreams();
  server.closeAllConnections();
  server.close();
  void runner.close().then(() => workshops.close()).then(() => process.exit(0));
});
`;

// ---------------------------------------------------------------------------
// Measuring the host

/** Busy and total CPU time of the machine so far, in seconds (from /proc/stat). */
function machineCpu() {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
  // USER_HZ is 100 on Linux.
  return { busy: (user + nice + system + irq + softirq + steal) / 100, idle: (idle + iowait) / 100 };
}

function pss(pid) {
  try {
    const match = /^Pss:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function readBytes(file) {
  try {
    return Number(readFileSync(file, "utf8").trim());
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------------------
// HTTP helpers

async function json(url, init = {}) {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...(init.headers ?? {}) } });
  const text = await response.text();
  let body = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, body };
}

const ms = (value) => (Number.isFinite(value) ? value.toFixed(0).padStart(7) : "      –");
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

// ---------------------------------------------------------------------------
// The room

async function loadVariant() {
  const { files, processes, timeoutMs } = await lessonVariant(LESSON, SNIPPET, VARIANT);
  return { files, processes, timeoutMs, lesson: LESSON, snippet: SNIPPET, variant: VARIANT };
}

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "room-bench-"));
  const server = EXTERNAL
    ? { url: EXTERNAL, pid: Number(EXTERNAL_PID), stop: async () => {} }
    : await startBenchServer({ name: "room-bench-server", source: SERVER_ENTRY, env: { WORKSHOP_DATA_DIR: dataDir } });
  const controller = new AbortController();
  try {
    const base = server.url;
    const body = await loadVariant();
    console.log(`room: ${LEARNERS} learners, one Run each within ${WINDOW_S} s, ${LESSON}/${SNIPPET}/${VARIANT} (${body.processes?.length ?? 1} processes)`);
    console.log(`host: ${os.cpus().length} cores, ${mib(os.totalmem())}, load ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}`);

    // Each learner's workshop stream stays open, as a lesson page keeps it: they are online.
    const room = await joinRoom({ bases: [base], learners: LEARNERS, lesson: LESSON, signal: controller.signal });
    const warmStarted = performance.now();
    let health = (await json(`${base}/api/health`)).body;
    if (!NO_WARM_WAIT) {
      while (performance.now() - warmStarted < WARM_WAIT_S * 1000) {
        health = (await json(`${base}/api/health`)).body;
        const runs = health.runs ?? {};
        if (runs.warmTarget === undefined) break; // a runner without a warm pool
        if (runs.warmTarget >= LEARNERS && runs.warm >= runs.warmTarget && runs.warmBooting === 0) break;
        if (process.env.ROOM_TRACE) console.log(JSON.stringify({ t: Math.round(performance.now() - warmStarted), ...runs }));
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    const runs = health.runs ?? {};
    console.log(
      `warm pool before the storm: ${runs.warm ?? "n/a"} of target ${runs.warmTarget ?? "n/a"} (${runs.warmBooting ?? 0} booting) after ${((performance.now() - warmStarted) / 1000).toFixed(1)} s; ` +
        `memory budget ${runs.memoryBudgetBytes ? mib(runs.memoryBudgetBytes) : "n/a"}`,
    );

    const sandboxes = sandboxGroup(server.pid, "memory");
    const group = sandboxes && path.join(sandboxes.dir, sandboxes.version === 1 ? "memory.usage_in_bytes" : "memory.current");
    const spawnerPids = () => [server.pid, ...childrenOf(server.pid).filter((pid) => !commandLine(pid).includes("bwrap"))];
    let peakMemory = 0;
    let peakParts = { server: 0, sandboxes: 0 };
    const sampler = setInterval(() => {
      const serverBytes = spawnerPids().reduce((sum, pid) => sum + pss(pid), 0);
      const sandboxes = group ? readBytes(group) : 0;
      if (serverBytes + sandboxes > peakMemory) {
        peakMemory = serverBytes + sandboxes;
        peakParts = { server: serverBytes, sandboxes };
      }
    }, 250);

    const cpu0 = machineCpu();
    const self0 = process.cpuUsage();
    const t0 = performance.now();
    const results = await pressRun(room, { ...body, playground: `${LESSON}.${SNIPPET}` }, WINDOW_S);
    const wall = (performance.now() - t0) / 1000;
    const cpu1 = machineCpu();
    const self = process.cpuUsage(self0);
    clearInterval(sampler);

    const accepted = results.filter((r) => r.status === 202);
    const refused = results.filter((r) => r.status !== 202);
    const statuses = {};
    for (const r of accepted) statuses[r.end] = (statuses[r.end] ?? 0) + 1;
    const reasons = {};
    for (const r of refused) reasons[`${r.status} ${r.error}`] = (reasons[`${r.status} ${r.error}`] ?? 0) + 1;
    console.log(`\naccepted ${accepted.length}, refused ${refused.length} ${JSON.stringify(reasons)}; ends ${JSON.stringify(statuses)}`);
    console.log(`                           p50      p95      max   (ms from POST)`);
    for (const [label, key] of [["first output", "first"], ["blocked", "blocked"], ["end", "ended"]]) {
      const values = accepted.map((r) => r[key]).filter((v) => v !== null);
      if (values.length === 0) continue;
      const { n, p50, p95, max } = summary(values);
      console.log(`  ${label.padEnd(22)} ${ms(p50)}  ${ms(p95)}  ${ms(max)}   (n=${n})`);
    }
    const busy = cpu1.busy - cpu0.busy;
    const benchCpu = (self.user + self.system) / 1e6;
    const perRun = (busy - benchCpu) / LEARNERS;
    const cores = os.cpus().length;
    const floor = (perRun * LEARNERS) / cores;
    console.log(
      `\nCPU: ${busy.toFixed(1)} CPU-s busy on the machine during the storm, of which this client ${benchCpu.toFixed(1)}; ` +
        `${(perRun * 1000).toFixed(0)} ms per run for server + sandboxes`,
    );
    console.log(`CPU-bound floor ${floor.toFixed(1)} s (${(perRun * 1000).toFixed(0)} ms × ${LEARNERS} ÷ ${cores} cores); storm wall time ${wall.toFixed(1)} s, ratio ${(wall / floor).toFixed(2)}`);
    console.log(`peak memory, server + sandboxes: ${mib(peakMemory)} (server ${mib(peakParts.server)}, sandboxes ${mib(peakParts.sandboxes)}${group ? "" : ", no cgroup to read"})`);
  } finally {
    controller.abort();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
