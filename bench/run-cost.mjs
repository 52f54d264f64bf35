#!/usr/bin/env node
// What one run costs the machine in CPU time, and how much of it is the runner's
// own (server, spawning, sandbox set-up, supervision, sampling, SSE) rather than
// the learner's program. A one-process hello that loads zeromq is run N times,
// one after another, through the runner, and N times as a bare `node main.mjs`
// with the same flags and only PATH in its environment (as the sandbox gives).
// CPU time is read from the kernel, not from clocks, so other work on the
// machine barely moves the figures. Run by hand (bench/README.md).

import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const index = process.argv.indexOf("--runs");
const RUNS = index >= 0 ? Number(process.argv[index + 1]) : 40;
const PROGRAM = `import * as zmq from "zeromq"; console.log("hello", typeof zmq.Reply);`;
const TICK_MS = 10; // USER_HZ = 100

const SERVER_ENTRY = `
import { createServer } from "node:http";
import { configFromEnv, handleRunnerRequest, Runner } from "./runner";
const runner = Runner.create(configFromEnv());
const server = createServer((req, res) => { void handleRunnerRequest(runner, req, res); });
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));
process.once("SIGTERM", () => { server.close(); void runner.close().then(() => process.exit(0)); });
`;

/** utime + stime (+ reaped children when `children`) of a process, in ms. */
function processCpu(pid, children = false) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
    const own = fields[11] + fields[12];
    return (children ? own + fields[13] + fields[14] : own) * TICK_MS;
  } catch {
    return 0;
  }
}

function childrenOf(pid) {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** CPU of every sandbox the runner in `pid` ever had, in ms (its cpuacct group, cgroup v1; v2's cpu.stat). */
function sandboxesCpu(pid) {
  for (const line of readFileSync(`/proc/${pid}/cgroup`, "utf8").split("\n")) {
    const [, controllers, own] = line.split(":");
    if (own === undefined) continue;
    try {
      if (controllers.split(",").includes("cpuacct")) {
        return Number(readFileSync(path.join("/sys/fs/cgroup/cpuacct", own, "zmq-playground-runs", `runner-${pid}`, "cpuacct.usage"), "utf8")) / 1e6;
      }
      if (controllers === "") {
        const text = readFileSync(path.join("/sys/fs/cgroup", own, "zmq-playground-runs", `runner-${pid}`, "cpu.stat"), "utf8");
        const match = /^usage_usec (\d+)$/m.exec(text);
        if (match) return Number(match[1]) / 1000;
      }
    } catch {}
  }
  return NaN;
}

async function startServer() {
  const { build } = await import("esbuild");
  const outfile = path.join(ROOT, ".tmp", "cost-bench-server.mjs");
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({ stdin: { contents: SERVER_ENTRY, resolveDir: ROOT, loader: "ts" }, outfile, bundle: true, platform: "node", format: "esm", packages: "external", logLevel: "warning" });
  const profile = process.argv.includes("--profile") ? ["--cpu-prof", "--cpu-prof-dir", path.join(ROOT, ".tmp", "cost-profile")] : [];
  const child = spawn(process.execPath, [...profile, outfile], { cwd: ROOT, env: { ...process.env, RUNNER_RATE_PER_MINUTE: "0", RUNNER_RATE_ADDRESS_PER_MINUTE: "0" }, stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      const match = /\{"port":(\d+)\}/.exec(String(chunk));
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
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
  const { child, base } = await startServer();
  try {
    // The same runs once unmeasured: first-run costs pass, and the pool grows to what this
    // pace of runs asks for, so the measured runs each cost one sandbox, not the pool's growth.
    for (let i = 0; i < RUNS; i++) await runOnce(base);
    await settle(3_000);
    // The server's helpers: the sandbox spawner and esbuild's service (sandboxes are counted by their control group).
    const helpers = (name) => childrenOf(child.pid).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(name));
    const cpuOf = (pids) => pids.reduce((sum, pid) => sum + processCpu(pid), 0);
    const read = () => ({ server: processCpu(child.pid), spawner: cpuOf(helpers("spawner")), esbuild: cpuOf(helpers("esbuild")), sandboxes: sandboxesCpu(child.pid) });
    const warm = async () => (await (await fetch(`${base}/api/health`)).json()).runs.warm;
    const warmBefore = await warm();
    const before = read();
    for (let i = 0; i < RUNS; i++) await runOnce(base);
    await settle(3_000); // the pool boots the sandboxes that replace the ones used
    const after = read();
    const warmAfter = await warm();
    const per = (key) => (after[key] - before[key]) / RUNS;
    // Sandboxes booted meanwhile: one per run, plus the pool's growth (or less, its shrinking).
    // Each run is charged one sandbox, so the pool's growth is not counted as the runs' cost.
    const booted = RUNS + warmAfter - warmBefore;
    const perSandbox = (after.sandboxes - before.sandboxes) / booted;

    // The same program as bare Node: same flags, only PATH in the environment.
    const dir = path.join(ROOT, ".tmp", "cost-bare");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "main.mjs"), PROGRAM.replace('"zeromq"', JSON.stringify(path.join(ROOT, "node_modules/zeromq/lib/index.js"))));
    writeFileSync(path.join(dir, "preload.cjs"), "for (const s of [process.stdout, process.stderr]) s._handle?.setBlocking?.(true);\n");
    const self0 = processCpu(process.pid, true) - processCpu(process.pid);
    for (let i = 0; i < RUNS; i++) {
      spawnSync(process.execPath, ["--require", path.join(dir, "preload.cjs"), "--enable-source-maps", "--v8-pool-size=2", path.join(dir, "main.mjs")], { env: { PATH: process.env.PATH }, stdio: "ignore" });
    }
    const bare = (processCpu(process.pid, true) - processCpu(process.pid) - self0) / RUNS;
    rmSync(dir, { recursive: true, force: true });

    const total = per("server") + per("spawner") + per("esbuild") + perSandbox;
    console.log(`CPU time per run of a one-process hello that loads zeromq, ${RUNS} runs one after another (ms):`);
    console.log(`  runner server process        ${per("server").toFixed(1)}`);
    console.log(`  sandbox spawner process      ${per("spawner").toFixed(1)}`);
    console.log(`  esbuild service process      ${per("esbuild").toFixed(1)}`);
    console.log(`  one sandbox (bubblewrap, supervisor, its learner process): ${perSandbox.toFixed(1)}   (${booted} booted for ${RUNS} runs; pool ${warmBefore} → ${warmAfter})`);
    console.log(`  total                        ${total.toFixed(1)}`);
    console.log(`  bare node, same program      ${bare.toFixed(1)}`);
    console.log(`  the runner's own share       ${(total - bare).toFixed(1)}   (total − bare; target ≤ 25)`);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

await main();
