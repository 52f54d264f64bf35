// What the benchmarks share: the project folder and options, a bench server built
// from a TypeScript entry, an SSE reader, percentiles and /proc readers. One
// definition each, so two benches never disagree on what a p95 or a CPU-second is.

import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The value after `--name` on the command line, else `fallback`. */
export function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

/** A TCP port free on 127.0.0.1 right now, for a server that must be told its port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------
// A bench server

/** A TypeScript module of the project (`file` from ROOT), bundled into .tmp/<name>.mjs and imported. */
export async function importTs(file, name) {
  const { build } = await import("esbuild");
  const outfile = path.join(ROOT, ".tmp", `${name}.mjs`);
  await build({ entryPoints: [path.join(ROOT, file)], outfile, bundle: true, platform: "node", format: "esm", packages: "external", logLevel: "warning" });
  return import(pathToFileURL(outfile).href);
}

/**
 * A lesson variant as the site and the content tests run it: read by the content loader itself
 * (content/snippets.ts, bundled once), so the lesson's shared files and defaults come with it.
 */
export async function lessonVariant(lesson, snippetId, variantId) {
  const { loadSnippets } = await importTs("content/snippets.ts", "bench-snippets");
  const snippet = loadSnippets(path.join(ROOT, "lessons", lesson), (p) => path.relative(ROOT, p)).find((s) => s.id === snippetId);
  const variant = snippet?.variants.find((v) => v.id === variantId);
  if (!variant) throw new Error(`no variant ${lesson}/${snippetId}/${variantId}`);
  return variant;
}

/**
 * Bundles `source` (a TypeScript entry resolved from ROOT) into .tmp/<name>.mjs and
 * starts it. The entry prints JSON lines on stdout, the first `{"port":N}`; `next()`
 * resolves with each further one. It runs with NODE_ENV=production, both in the
 * bundle and in its environment, because the site does: production skips work a
 * development server does per request. BENCH_PROFILE=<dir> (or `profileDir`)
 * writes its CPU profile there.
 */
export async function startBenchServer({ name, source, env = {}, profileDir = process.env.BENCH_PROFILE }) {
  const { build } = await import("esbuild");
  const outfile = path.join(ROOT, ".tmp", `${name}.mjs`);
  await mkdir(path.dirname(outfile), { recursive: true });
  await build({
    stdin: { contents: source, resolveDir: ROOT, loader: "ts", sourcefile: `${name}.ts` },
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  return startServerProcess({ file: outfile, env, profileDir });
}

/** What must not outlive the bench, undone (synchronously) when it exits, also on Ctrl-C or SIGTERM. */
const atExit = new Set();
let interruptsHandled = false;

/** Runs `undo` when the bench exits, however it exits; returns a function that forgets it. */
export function onExit(undo) {
  if (!interruptsHandled) {
    interruptsHandled = true;
    process.on("exit", () => {
      for (const fn of atExit) {
        try {
          fn();
        } catch {}
      }
    });
    for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) process.once(signal, () => process.exit(code));
  }
  atExit.add(undo);
  return () => atExit.delete(undo);
}

/**
 * Starts `node file` (a bench server, or a built one: dist/server.mjs, dist/runner.mjs) with
 * NODE_ENV=production. Stdout's JSON lines are messages: `next()` resolves with each. It is
 * listening once `portOf(line)` returns its port (by default, from the first `{"port":N}` message).
 */
export async function startServerProcess({ file, env = {}, profileDir = process.env.BENCH_PROFILE, portOf }) {
  const nodeArgs = [...(profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : []), ...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(" ") : [])];
  const child = spawn(process.execPath, [...nodeArgs, file], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // Its sandboxes die with it (bubblewrap's --die-with-parent).
  const forget = onExit(() => child.kill("SIGKILL"));
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => { forget(); resolve(signal ?? code); }));
  const messages = [];
  const waiters = [];
  let out = "";
  let listening;
  const port = new Promise((resolve) => (listening = resolve));
  child.stdout.on("data", (chunk) => {
    out += chunk;
    let split;
    while ((split = out.indexOf("\n")) >= 0) {
      const line = out.slice(0, split);
      out = out.slice(split + 1);
      const found = portOf?.(line);
      if (found !== undefined) listening(found);
      if (!line.startsWith("{")) continue;
      let message;
      try {
        message = JSON.parse(line);
      } catch {
        continue; // a log line that happens to start with a brace
      }
      if (waiters.length > 0) waiters.shift().resolve(message);
      else messages.push(message);
    }
  });
  void exited.then((how) => {
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`the bench server exited (${how})`));
  });
  const next = () => {
    if (messages.length > 0) return Promise.resolve(messages.shift());
    if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`the bench server exited (${child.signalCode ?? child.exitCode})`));
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    // A server stuck in its shutdown must not outlive the bench.
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const bound = portOf
      ? await Promise.race([port, exited.then((how) => Promise.reject(new Error(`${path.basename(file)} exited (${how}) before listening`)))])
      : (await next()).port;
    return { url: `http://127.0.0.1:${bound}`, pid: child.pid, child, next, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

// ---------------------------------------------------------------------------
// Server-sent events

/**
 * Reads the SSE body of a fetch Response, calling `onEvent(type, data, { id, t })`
 * per event (data parsed as JSON where it is JSON; t = performance.now() when its
 * bytes arrived, before any parsing) until the stream ends or `onEvent` returns false.
 */
export async function readSse(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let type = "";
  let data = [];
  let id = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    const t = performance.now();
    buffer += decoder.decode(value, { stream: true });
    for (;;) {
      const match = /\r\n|\r|\n/.exec(buffer);
      if (!match) break;
      if (match[0] === "\r" && match.index === buffer.length - 1) break; // maybe half of a \r\n
      const line = buffer.slice(0, match.index);
      buffer = buffer.slice(match.index + match[0].length);
      if (line === "") {
        if (data.length > 0) {
          const text = data.join("\n");
          let parsed;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = text;
          }
          if (onEvent(type || "message", parsed, { id, t }) === false) {
            await reader.cancel();
            return;
          }
        }
        type = "";
        data = [];
        continue;
      }
      if (line.startsWith(":")) continue; // keep-alive
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      let fieldValue = colon === -1 ? "" : line.slice(colon + 1);
      if (fieldValue.startsWith(" ")) fieldValue = fieldValue.slice(1);
      if (field === "event") type = fieldValue;
      else if (field === "data") data.push(fieldValue);
      else if (field === "id") id = fieldValue;
    }
  }
}

// ---------------------------------------------------------------------------
// Figures

/** The p-th percentile (p in percent, 0–100), interpolated linearly between the closest ranks. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function summary(values) {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: values.length ? Math.max(...values) : NaN };
}

// ---------------------------------------------------------------------------
// /proc

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** The fields of /proc/PID/stat after the command name (which may hold spaces): [0] is state, [1] ppid, [11] utime. */
function statFields(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/**
 * CPU time (user + system) of a process in ms, with its reaped children's when
 * `children`; 0 once it is gone. Read from the kernel, unlike delays it is not
 * inflated by other work on the host.
 */
export function processCpuMs(pid, { children = false } = {}) {
  try {
    const fields = statFields(pid).map(Number);
    const own = fields[11] + fields[12];
    return (children ? own + fields[13] + fields[14] : own) * TICK_MS;
  } catch {
    return 0;
  }
}

export function childrenOf(pid) {
  const out = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (Number(statFields(name)[1]) === pid) out.push(Number(name));
    } catch {} // exited meanwhile
  }
  return out;
}

/** A process's command line, its arguments joined by NULs; "" once it is gone. */
export function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

/**
 * The control group holding every sandbox of the runner in process `pid`: under
 * cgroup v1 the hierarchy of `controller`, else the v2 unified one. Undefined
 * when the runner has none to find (no cgroups, or a process that is gone).
 */
export function sandboxGroup(pid, controller) {
  try {
    for (const line of readFileSync(`/proc/${pid}/cgroup`, "utf8").split("\n")) {
      const [, controllers, own] = line.split(":");
      if (own === undefined) continue;
      const runs = path.join(own, "zmq-playground-runs", `runner-${pid}`);
      if (controllers.split(",").includes(controller)) return { version: 1, dir: path.join("/sys/fs/cgroup", controller, runs) };
      if (controllers === "" && existsSync("/sys/fs/cgroup/cgroup.controllers")) return { version: 2, dir: path.join("/sys/fs/cgroup", runs) };
    }
  } catch {}
  return undefined;
}

// ---------------------------------------------------------------------------
// A room of learners (room.mjs, fleet.mjs)

async function postJson(url, body, headers = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, body: parsed };
}

/**
 * `learners` join one workshop, learner i through `bases[i % bases.length]` (site replicas on one
 * database), each with their own learner cookie, and keep their workshop stream open as a lesson
 * page does (they are online) until `signal` aborts.
 */
export async function joinRoom({ bases, learners, lesson, signal }) {
  const created = await postJson(`${bases[0]}/api/workshops`, { title: "Room bench", items: [{ lesson }] });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const code = created.body.code;
  const room = [];
  for (let i = 0; i < learners; i++) {
    const base = bases[i % bases.length];
    const joined = await postJson(`${base}/api/workshops/${code}/join`, { name: `learner ${i + 1}` });
    if (joined.status !== 201) throw new Error(`join ${i}: ${joined.status} ${JSON.stringify(joined.body)}`);
    room.push({ base, cookie: joined.headers.get("set-cookie").split(";")[0] });
  }
  for (const { base, cookie } of room) {
    void fetch(`${base}/api/workshops/${code}/events`, { headers: { cookie }, signal })
      .then((response) => readSse(response, () => true))
      .catch(() => {});
  }
  return { code, learners: room };
}

/**
 * Each learner of the room presses Run once at a random moment within `windowS` seconds and
 * follows the run to its end. Per learner: `status` of the POST (`error`: the refusal's code) and,
 * from the POST, ms to the first output (`first`), to `blocked` and to the end (`ended`, status `end`).
 */
export async function pressRun(room, body, windowS) {
  const results = [];
  await Promise.all(
    room.learners.map(async ({ base, cookie }) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * windowS * 1000));
      const result = { posted: performance.now(), status: 0, end: null, first: null, blocked: null, ended: null };
      results.push(result);
      const response = await postJson(`${base}/api/runs`, body, { cookie });
      result.status = response.status;
      if (response.status !== 202) {
        result.error = response.body?.error?.code;
        return;
      }
      const events = await fetch(`${base}${response.body.events}`, { headers: { cookie } });
      await readSse(events, (type, data) => {
        const now = performance.now() - result.posted;
        if ((type === "stdout" || type === "stderr") && result.first === null) result.first = now;
        if (type === "blocked" && result.blocked === null) result.blocked = now;
        if (type === "end") {
          result.ended = now;
          result.end = data.status;
          return false;
        }
        return true;
      });
    }),
  );
  return results;
}
