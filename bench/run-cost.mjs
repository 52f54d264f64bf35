#!/usr/bin/env node
// What one run costs the machine in CPU time, and how much of it is the runner's
// own (server, spawning, sandbox set-up, supervision, sampling, SSE) rather than
// the learner's program. A one-process hello that loads zeromq is run N times,
// one after another, through the runner, and N times as a bare `node main.mjs`
// with the same flags and only PATH in its environment (as the sandbox gives).
// CPU time is read from the kernel, not from clocks, so other work on the
// machine barely moves the figures. Run by hand (bench/README.md).

import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { childrenOf, commandLine, option, processCpuMs, ROOT, sandboxGroup, startBenchServer } from "./lib.mjs";

const RUNS = Number(option("runs", 40));
const PROGRAM = `import * as zmq from "zeromq"; console.log("hello", typeof zmq.Reply);`;

const SERVER_ENTRY = `
import { createServer } from "node:http";
import { configFromEnv, handleRunnerRequest, Runner } from "./runner";
const runner = Runner.create(configFromEnv());
const server = createServer((req, res) => { void handleRunnerRequest(runner, req, res); });
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));
process.once("SIGTERM", () => { server.close(); void runner.close().then(() => process.exit(0)); });
`;

/** CPU of every sandbox the runner in `pid` ever had, in ms (its cpuacct group, cgroup v1; v2's cpu.stat). */
function sandboxesCpu(group) {
  try {
    if (group?.version === 1) return Number(readFileSync(path.join(group.dir, "cpuacct.usage"), "utf8")) / 1e6;
    if (group?.version === 2) {
      const match = /^usage_usec (\d+)$/m.exec(readFileSync(path.join(group.dir, "cpu.stat"), "utf8"));
      if (match) return Number(match[1]) / 1000;
    }
  } catch {}
  return NaN;
}

/**
 * A cpuacct group of the bench's own (cgroup v1, as root) holding the server and its helpers:
 * what they fork inherits it, so the CPU a sandbox's start spends before it joins its own group
 * (the fork, the noexec /tmp's namespace and mount, bubblewrap's start) is counted too. Undefined
 * where it cannot be made: that part then goes uncounted.
 */
function benchGroup(pids) {
  const dir = `/sys/fs/cgroup/cpuacct/run-cost-bench-${process.pid}`;
  try {
    mkdirSync(dir);
    for (const pid of pids) writeFileSync(path.join(dir, "cgroup.procs"), String(pid));
    return { dir, cpu: () => Number(readFileSync(path.join(dir, "cpuacct.usage"), "utf8")) / 1e6, remove: () => rmdirWhenEmpty(dir) };
  } catch {
    return undefined;
  }
}

/** The group goes once its last process has (the spawner follows the server out within a second). */
async function rmdirWhenEmpty(dir) {
  for (let i = 0; i < 50; i++) {
    try {
      rmdirSync(dir);
      return;
    } catch {
      await settle(100);
    }
  }
}

async function startServer() {
  // --profile is BENCH_PROFILE=.tmp/cost-profile, kept for those used to it.
  const profileDir = process.argv.includes("--profile") ? path.join(ROOT, ".tmp", "cost-profile") : process.env.BENCH_PROFILE;
  const server = await startBenchServer({
    name: "cost-bench-server",
    source: SERVER_ENTRY,
    env: { RUNNER_RATE_PER_MINUTE: "0", RUNNER_RATE_ADDRESS_PER_MINUTE: "0" },
    profileDir,
  });
  return { ...server, base: server.url };
}

async function runOnce(base) {
  const response = await fetch(`${base}/api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ files: { "main.ts": PROGRAM }, playground: "cost" }),
  });
  const { events } = await response.json();
  const text = await (await fetch(base + events)).text();
  if (!text.includes('"status":"ok"')) throw new Error(`run did not end ok: ${text.slice(-300)}`);
}

const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const server = await startServer();
  const { base } = server;
  let group;
  try {
    // The same runs once unmeasured: first-run costs pass, and the pool grows to what this
    // pace of runs asks for, so the measured runs each cost one sandbox, not the pool's growth.
    for (let i = 0; i < RUNS; i++) await runOnce(base);
    await settle(3_000);
    // The server's helpers: the sandbox spawner and esbuild's service (sandboxes are counted by their control group).
    const helpers = (name) => childrenOf(server.pid).filter((pid) => commandLine(pid).includes(name));
    const cpuOf = (pids) => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
    const sandboxes = sandboxGroup(server.pid, "cpuacct");
    group = benchGroup([server.pid, ...helpers("spawner"), ...helpers("esbuild")]);
    const read = () => ({ server: processCpuMs(server.pid), spawner: cpuOf(helpers("spawner")), esbuild: cpuOf(helpers("esbuild")), sandboxes: sandboxesCpu(sandboxes), group: group?.cpu() ?? NaN });
    const warm = async () => (await (await fetch(`${base}/api/health`)).json()).runs.warm;
    // The same program as bare Node: same flags, only PATH in the environment. Bare starts
    // alternate with the runs, so load from elsewhere on the machine weighs on both alike.
    const dir = path.join(ROOT, ".tmp", "cost-bare");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "main.mjs"), PROGRAM.replace('"zeromq"', JSON.stringify(path.join(ROOT, "node_modules/zeromq/lib/index.js"))));
    writeFileSync(path.join(dir, "preload.cjs"), "for (const s of [process.stdout, process.stderr]) s._handle?.setBlocking?.(true);\n");
    const reaped = () => processCpuMs(process.pid, { children: true }) - processCpuMs(process.pid);
    const bareArgs = ["--require", path.join(dir, "preload.cjs"), "--enable-source-maps", "--v8-pool-size=2", path.join(dir, "main.mjs")];
    let bareTotal = 0;
    const bareOnce = () => {
      const self0 = reaped();
      spawnSync(process.execPath, bareArgs, { env: { PATH: process.env.PATH }, stdio: "ignore" });
      bareTotal += reaped() - self0;
    };
    const warmBefore = await warm();
    const before = read();
    for (let i = 0; i < RUNS; i++) {
      await runOnce(base);
      bareOnce();
    }
    await settle(3_000); // the pool boots the sandboxes that replace the ones used
    const after = read();
    const warmAfter = await warm();
    const per = (key) => (after[key] - before[key]) / RUNS;
    // Sandboxes booted meanwhile: one per run, plus the pool's growth (or less, its shrinking).
    // Each run is charged one sandbox, so the pool's growth is not counted as the runs' cost.
    const booted = RUNS + warmAfter - warmBefore;
    const perSandbox = (after.sandboxes - before.sandboxes) / booted;

    const bare = bareTotal / RUNS;
    rmSync(dir, { recursive: true, force: true });
    // Before a sandbox joins its own group, its start is counted in the bench's group (when there is one).
    const beforeJoin = group ? per("group") - per("server") - per("spawner") - per("esbuild") : 0;
    const total = per("server") + per("spawner") + per("esbuild") + beforeJoin + perSandbox;
    console.log(`CPU time per run of a one-process hello that loads zeromq, ${RUNS} runs one after another (ms):`);
    console.log(`  runner server process        ${per("server").toFixed(1)}`);
    console.log(`  sandbox spawner process      ${per("spawner").toFixed(1)}`);
    console.log(`  esbuild service process      ${per("esbuild").toFixed(1)}`);
    console.log(`  a sandbox's start before it joins its group: ${group ? beforeJoin.toFixed(1) : "not counted (no cpuacct group of the bench's own: cgroup v1 as root)"}`);
    console.log(`  one sandbox (bubblewrap, supervisor, its learner process): ${perSandbox.toFixed(1)}   (${booted} booted for ${RUNS} runs; pool ${warmBefore} → ${warmAfter})`);
    console.log(`  total                        ${total.toFixed(1)}`);
    console.log(`  bare node, same program      ${bare.toFixed(1)}`);
    console.log(`  the runner's own share       ${(total - bare).toFixed(1)}   (total − bare; target ≤ 25)`);
  } finally {
    await server.stop();
    await group?.remove();
  }
}

await main();
