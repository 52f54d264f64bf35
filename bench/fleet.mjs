#!/usr/bin/env node
// Fleet benchmark: the room of bench/room.mjs (N learners of one workshop, each
// pressing Run once at a random moment within a window) against the single
// process (dist/server.mjs, the runner inside) and through a fleet on this
// machine (2 × dist/server.mjs with RUNNER_URLS, 3 × dist/runner.mjs; learners
// alternate between the two sites), in A/B rounds of the same run. Prints first
// output p50/p95, runs/s, refusals and the fleet's overhead. Both setups keep
// their workshops on one real PostgreSQL (tests/integration/workshop-postgres.ts),
// as a fleet must. Needs `npm run build` first. Run by hand (bench/README.md).

import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { freePort, importTs, joinRoom, lessonVariant, onExit, option, pressRun, processCpuMs, ROOT, sandboxGroup, startServerProcess, summary } from "./lib.mjs";

const LEARNERS = Number(option("learners", 200));
const WINDOW_S = Number(option("window", 10));
const ROUNDS = Number(option("rounds", 2));
const LESSON = option("lesson", "01-what-is-zeromq");
const SNIPPET = option("snippet", "hello-req-rep");
const VARIANT = option("variant", "main");
const WARM_WAIT_S = Number(option("warm-wait", 120));
const RUNNERS = 3;
const SITES = 2;
const TOKEN = `fleet-bench-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;

for (const file of ["dist/server.mjs", "dist/runner.mjs", ".next/BUILD_ID"]) {
  if (!existsSync(path.join(ROOT, file))) {
    console.error(`${file} is missing: run \`npm run build\` first.`);
    process.exit(2);
  }
}

// The site's environment in both setups: the bench makes every learner from one address.
const SITE_ENV = { WORKSHOP_JOINS_PER_ADDRESS: "0", HOSTNAME_BIND: "127.0.0.1" };

async function startSite(env) {
  const port = await freePort();
  return startServerProcess({
    file: "dist/server.mjs",
    env: { ...SITE_ENV, ...env, PORT: String(port) },
    portOf: (line) => (line.startsWith(`ZeroMQ Playground on http://localhost:${port}`) ? port : undefined),
  });
}

const startRunner = (env) =>
  startServerProcess({
    file: "dist/runner.mjs",
    env: { ...env, RUNNER_PORT: "0" },
    portOf: (line) => {
      const match = /^runner listening on http:\/\/localhost:(\d+)/.exec(line);
      return match ? Number(match[1]) : undefined;
    },
  });

const health = async (base) => (await (await fetch(`${base}/api/health`)).json()).runs ?? {};

/**
 * Waits (at most --warm-wait) until the runners' warm pools hold `target` sandboxes with none booting.
 * The single process sizes its pool from its online learners; standalone runners do not know them, so
 * theirs are set with RUNNER_WARM_MIN.
 */
async function warmUp(bases, target) {
  const started = performance.now();
  let warm = 0;
  while (performance.now() - started < WARM_WAIT_S * 1000) {
    const pools = await Promise.all(bases.map(health));
    warm = pools.reduce((sum, p) => sum + (p.warm ?? 0), 0);
    if (warm >= target && pools.every((p) => p.warmBooting === 0)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { warm, seconds: (performance.now() - started) / 1000 };
}

/** Bytes a runner's sandboxes hold now (running and warm), from their memory cgroup; 0 without one. */
function sandboxBytes(pid) {
  const group = sandboxGroup(pid, "memory");
  try {
    return group ? Number(readFileSync(path.join(group.dir, group.version === 1 ? "memory.usage_in_bytes" : "memory.current"), "utf8")) : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of a process (VmRSS), in bytes. */
function rss(pid) {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : 0;
}

/** Samples, during the storm, the peak memory of the sandboxes (summed over the runners, with how many there were) and of the site processes. */
function sampleMemory(setup) {
  let peak = { bytes: 0, sandboxes: 0, sites: 0 };
  let counting = Promise.resolve(0);
  const timer = setInterval(() => {
    const bytes = setup.runnerPids.reduce((sum, pid) => sum + sandboxBytes(pid), 0);
    const sites = setup.sitePids.reduce((sum, pid) => sum + rss(pid), 0);
    peak.sites = Math.max(peak.sites, sites);
    if (bytes > peak.bytes) {
      peak.bytes = bytes;
      counting = Promise.all(setup.runners.map(health)).then((pools) => (peak.sandboxes = pools.reduce((sum, p) => sum + p.running + p.warm, 0)), () => 0);
    }
  }, 250);
  return async () => {
    clearInterval(timer);
    await counting;
    return peak;
  };
}

/** CPU-ms the processes used so far (own, not their sandboxes'). */
const cpuOf = (pids) => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);

/** Sandboxes the other setup's pools are booting now (what would weigh on a storm). */
const booting = async (bases) => (await Promise.all(bases.map(health))).reduce((sum, p) => sum + (p.warmBooting ?? 0), 0);

async function storm(setup, others, body) {
  const controller = new AbortController();
  try {
    const room = await joinRoom({ bases: setup.sites, learners: LEARNERS, lesson: LESSON, signal: controller.signal });
    const pool = await warmUp(setup.runners, setup.warmTarget);
    // The other setup refills the pool its own storm used: that must not weigh on this one.
    const otherRunners = others.flatMap((other) => other.runners);
    // warmUp with a target of 0: until none of their pools is booting.
    pool.othersQuietS = (await warmUp(otherRunners, 0)).seconds;
    const stop = sampleMemory(setup);
    const cpu0 = { sites: cpuOf(setup.sitePids), runners: cpuOf(setup.runnerPids) };
    const t0 = performance.now();
    const results = await pressRun(room, body, WINDOW_S);
    const wall = (performance.now() - t0) / 1000;
    pool.othersBootingAfter = await booting(otherRunners);
    const cpu = { sites: cpuOf(setup.sitePids) - cpu0.sites, runners: cpuOf(setup.runnerPids) - cpu0.runners };
    return { results, wall, pool, memory: await stop(), cpu };
  } finally {
    controller.abort();
  }
}

const fixed = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function main() {
  const { startCluster } = await importTs("tests/integration/workshop-postgres.ts", "bench-postgres");
  const cluster = startCluster();
  const forgetCluster = onExit(() => cluster.stop());
  const started = [];
  try {
    const variant = await lessonVariant(LESSON, SNIPPET, VARIANT);
    const body = { files: variant.files, processes: variant.processes, timeoutMs: variant.timeoutMs, lesson: LESSON, snippet: SNIPPET, variant: VARIANT, playground: `${LESSON}.${SNIPPET}` };
    console.log(`fleet bench: ${LEARNERS} learners, one Run each within ${WINDOW_S} s, ${LESSON}/${SNIPPET}/${VARIANT}, ${ROUNDS} A/B rounds`);
    console.log(`host: ${os.cpus().length} cores, ${mib(os.totalmem())}, load ${os.loadavg().map((n) => n.toFixed(1)).join(" ")} (other work on the host counts in every figure)`);

    const single = await startSite({ DATABASE_URL: await cluster.url("single") });
    started.push(single);
    const runnerWarm = Math.ceil(LEARNERS / RUNNERS);
    // Three runners on one machine share its cores, where in a fleet each has its own: each
    // admits a third of the computing runs one runner here would (RUNNER_BUSY_RUNS), so the
    // fleet is not oversubscribed three times over and the difference is the fleet's own hop.
    const busyRuns = Math.max(1, Math.round((8 * os.availableParallelism()) / RUNNERS));
    console.log(`fleet: ${SITES} sites, ${RUNNERS} runners each admitting ${busyRuns} computing runs (the single process: ${8 * os.availableParallelism()})`);
    const runners = [];
    for (let i = 0; i < RUNNERS; i++) {
      const runner = await startRunner({ RUNNER_FLEET_TOKEN: TOKEN, RUNNER_TRUST_PROXY: "1", RUNNER_WARM_MIN: String(runnerWarm), RUNNER_BUSY_RUNS: String(busyRuns) });
      started.push(runner);
      runners.push(runner);
    }
    const fleetEnv = { DATABASE_URL: await cluster.url("fleet"), RUNNER_URLS: runners.map((r) => r.url).join(","), RUNNER_FLEET_TOKEN: TOKEN };
    const sites = [];
    for (let i = 0; i < SITES; i++) {
      const site = await startSite(fleetEnv);
      started.push(site);
      sites.push(site);
    }
    const setups = {
      // The single process is its own runner: its CPU is counted once, as the runner's.
      single: { sites: [single.url], runners: [single.url], warmTarget: LEARNERS, sitePids: [], runnerPids: [single.pid] },
      fleet: { sites: sites.map((s) => s.url), runners: runners.map((r) => r.url), warmTarget: runnerWarm * RUNNERS, sitePids: sites.map((s) => s.pid), runnerPids: runners.map((r) => r.pid) },
    };

    // An unmeasured room first: a site's first runs load its routes, open its database connections
    // and compile its hot paths, which a fleet that serves all day has long done (a site's first
    // room took ~10 ms of CPU per run where later ones took ~5.5, and its first output p50 was
    // 4–5 times the next room's).
    for (const setup of Object.values(setups)) {
      const controller = new AbortController();
      const room = await joinRoom({ bases: setup.sites, learners: LEARNERS, lesson: LESSON, signal: controller.signal });
      await pressRun(room, body, WINDOW_S);
      controller.abort();
    }

    const rounds = { single: [], fleet: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // A/B, then B/A: a slow patch of the host weighs on both alike.
      for (const name of round % 2 === 0 ? ["single", "fleet"] : ["fleet", "single"]) {
        const result = await storm(setups[name], Object.values(setups).filter((other) => other !== setups[name]), body);
        rounds[name].push(result);
        const first = summary(result.results.map((r) => r.first).filter((v) => v !== null));
        const refused = result.results.filter((r) => r.status !== 202).length;
        console.log(
          `  round ${round + 1} ${name.padEnd(6)}: first output p50 ${fixed(first.p50)} ms, p95 ${fixed(first.p95)} ms; ${result.results.length - refused} runs in ${result.wall.toFixed(1)} s; ` +
            `refused ${refused}; warm pool ${result.pool.warm} (${result.pool.seconds.toFixed(0)} s to fill; the other setup's quiet after ${result.pool.othersQuietS.toFixed(0)} s, booting ${result.pool.othersBootingAfter} at the end)`,
        );
        const runs = result.results.length - refused;
        console.log(
          `      CPU per run: ${name === "fleet" ? `sites ${fixed(result.cpu.sites / runs, 1)} ms, runner processes` : "server (with its runner)"} ${fixed(result.cpu.runners / runs, 1)} ms; ` +
            `peak sandbox memory ${mib(result.memory.bytes)} for ${result.memory.sandboxes} sandboxes (${fixed(result.memory.bytes / Math.max(1, result.memory.sandboxes) / 1024 / 1024, 1)} MiB each)` +
            (name === "fleet" ? `; sites' RSS ${mib(result.memory.sites)}` : ""),
        );
      }
    }

    const pooled = (name) => {
      const all = rounds[name].flatMap((r) => r.results);
      const accepted = all.filter((r) => r.status === 202);
      const ends = {};
      for (const r of accepted) ends[r.end] = (ends[r.end] ?? 0) + 1;
      const reasons = {};
      for (const r of all.filter((r) => r.status !== 202)) reasons[`${r.status} ${r.error}`] = (reasons[`${r.status} ${r.error}`] ?? 0) + 1;
      const first = summary(accepted.map((r) => r.first).filter((v) => v !== null));
      const wall = rounds[name].reduce((sum, r) => sum + r.wall, 0);
      return { first, runsPerS: accepted.length / wall, refused: all.length - accepted.length, reasons, ends };
    };
    const a = pooled("single");
    const b = pooled("fleet");
    console.log(`\n  ${ROUNDS} rounds pooled           first output p50   p95 (ms)   runs/s   refused   ends`);
    for (const [name, r] of [["single process", a], [`fleet (${SITES} sites + ${RUNNERS} runners)`, b]]) {
      console.log(`  ${name.padEnd(30)} ${fixed(r.first.p50).padStart(8)}   ${fixed(r.first.p95).padStart(8)}   ${fixed(r.runsPerS, 1).padStart(6)}   ${String(r.refused).padStart(7)}   ${JSON.stringify(r.ends)}${r.refused ? ` ${JSON.stringify(r.reasons)}` : ""}`);
    }
    console.log(
      `\n  fleet overhead: first output p50 ${fixed(b.first.p50 - a.first.p50, 1)} ms (ratio ${fixed(b.first.p50 / a.first.p50, 2)}), ` +
        `p95 ${fixed(b.first.p95 - a.first.p95, 1)} ms (ratio ${fixed(b.first.p95 / a.first.p95, 2)}); throughput ratio ${fixed(b.runsPerS / a.runsPerS, 2)} (target: p50 ≤ +10 ms)`,
    );
  } finally {
    await Promise.all(started.map((s) => s.stop()));
    forgetCluster();
    cluster.stop();
  }
}

await main();
