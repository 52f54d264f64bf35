#!/usr/bin/env node
// Workshop load benchmark: N simulated learners in one workshop, each sending an
// activity update every 5 s (jittered), while the instructor's board stream stays
// open. Prints the delay from a learner's POST to the matching board event
// (p50/p95/max), board events/s and the server's memory, against a baseline
// measured in the same run: the same delay with a single learner and no load.
// Run by hand (see bench/README.md); never part of the tests.
//
// `--runs` (with `--url`, a running site: its runner and sandboxes) makes it the
// room's run storms instead: each learner presses Run every `--interval` ms as the
// browser does (POST /api/runs, report `run-start`, read the run's events to its
// end, report `run`), and it prints the delay from each step to the board's event
// that shows it (the tile running, then the finished run on the tile).
//
// By default it bundles and starts the workshop HTTP handler alone (no Next.js,
// no runner) in a child process on embedded PGlite in a temp folder, so the
// figures are the workshop layer's. `--url` points it at a running site instead.

import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { option, processCpuMs, readSse, startBenchServer, summary } from "./lib.mjs";

const LEARNERS = Number(option("learners", 200));
const DURATION_S = Number(option("duration", 60));
const RUNS = process.argv.includes("--runs");
// A run costs a sandbox: a room presses Run less often than it scrolls.
const INTERVAL_MS = Number(option("interval", RUNS ? 15_000 : 5000));
const BASELINE_SAMPLES = Number(option("baseline", 30));
const EXTERNAL = option("url", null);
const EXTERNAL_PID = option("pid", null);
const LEARNER_STREAMS = !process.argv.includes("--no-learner-streams");
const RUN_LESSON = option("lesson", "01-what-is-zeromq");
const RUN_SNIPPET = option("snippet", "hello-req-rep");
const RUN_VARIANT = option("variant", "main");
if (RUNS && !EXTERNAL) {
  console.error("--runs measures a running site (its runner and sandboxes): start one (npm run build && npm start) and pass --url (and --pid).");
  process.exit(2);
}

// ---------------------------------------------------------------------------
// The server under test

/** The workshop handler alone on node:http, like server.ts mounts it. */
const SERVER_ENTRY = `
import { createServer } from "node:http";
import { getLessons } from "./content/loader";
import { catalogFromLessons, handleWorkshopRequest, Workshops } from "./workshop";

const workshops = Workshops.start({ catalog: catalogFromLessons(() => getLessons()), runs: () => undefined });
await workshops.get();
// Time in the server per activity POST (request in → response finished), and event-loop lag.
const handling: number[] = [];
let lagMax = 0;
let lastTick = performance.now();
setInterval(() => {
  const now = performance.now();
  lagMax = Math.max(lagMax, now - lastTick - 100);
  lastTick = now;
}, 100).unref();
const server = createServer((req, res) => {
  const started = performance.now();
  if (req.url?.endsWith("/activity")) res.once("finish", () => handling.push(performance.now() - started));
  void handleWorkshopRequest(workshops, req, res).then((handled) => {
    if (!handled) { res.writeHead(404); res.end(); }
  });
});
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));
process.on("SIGUSR2", () => {
  console.log(JSON.stringify({ handling: handling.splice(0), lagMax }));
  lagMax = 0;
});
process.once("SIGTERM", () => {
  workshops.closeStreams();
  server.close();
  void workshops.close().then(() => process.exit(0));
});
`;

async function startServer(dataDir) {
  const server = await startBenchServer({ name: "workshop-bench-server", source: SERVER_ENTRY, env: { WORKSHOP_DATA_DIR: dataDir } });
  return {
    ...server,
    /** Server-side figures since the last call: activity handling times and the worst event-loop lag. */
    stats: () => (server.child.kill("SIGUSR2"), server.next()),
  };
}

async function rssMiB(pid) {
  if (!pid) return null;
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return Math.round(kib / 1024);
}

// ---------------------------------------------------------------------------
// HTTP and SSE clients

async function call(base, pathname, { body, cookie, headers = {} } = {}) {
  const response = await fetch(base + pathname, {
    method: body === undefined ? "GET" : "POST",
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(cookie ? { cookie } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`${pathname}: HTTP ${response.status} ${text}`);
  const setCookie = response.headers.getSetCookie()[0]?.split(";")[0];
  return { status: response.status, body: text ? JSON.parse(text) : null, cookie: setCookie };
}

/** Opens an SSE stream and calls `onEvent(type, data)` for each event; returns a closer. */
async function openStream(base, pathname, headers, onEvent) {
  const controller = new AbortController();
  const response = await fetch(base + pathname, { headers: { accept: "text/event-stream", ...headers }, signal: controller.signal });
  if (response.status !== 200) throw new Error(`${pathname}: HTTP ${response.status}`);
  void readSse(response, (type, data) => void onEvent(type, data)).catch((error) => {
    if (!controller.signal.aborted) console.error(`${pathname}: ${error.message}`);
  });
  return () => controller.abort();
}

/** The run request of a lesson snippet's variant, from the public lessons API, attributed as the site attributes it. */
async function snippetRun(base) {
  const lesson = (await call(base, `/api/lessons/${RUN_LESSON}`)).body;
  const variant = lesson.snippets.find((s) => s.id === RUN_SNIPPET)?.variants.find((v) => v.id === RUN_VARIANT);
  if (!variant) throw new Error(`no variant ${RUN_LESSON}/${RUN_SNIPPET}/${RUN_VARIANT}`);
  return { files: variant.files, ...(variant.processes ? { processes: variant.processes } : {}), lesson: RUN_LESSON, snippet: RUN_SNIPPET, variant: RUN_VARIANT, playground: RUN_SNIPPET };
}

// ---------------------------------------------------------------------------
// Figures

const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "–");

// ---------------------------------------------------------------------------

/** The worst lag of this process's event loop since the last call: a starved client inflates every delay it measures. */
let clientLag = 0;
let clientTick = performance.now();
setInterval(() => {
  const now = performance.now();
  clientLag = Math.max(clientLag, now - clientTick - 100);
  clientTick = now;
}, 100).unref();
function takeClientLag() {
  const lag = clientLag;
  clientLag = 0;
  return lag;
}

async function main() {
  const loadBefore = os.loadavg()[0];
  const tmp = await mkdtemp(path.join(os.tmpdir(), "zmqp-workshop-bench-"));
  const server = EXTERNAL ? { url: EXTERNAL, pid: EXTERNAL_PID ? Number(EXTERNAL_PID) : null, stop: async () => {} } : await startServer(path.join(tmp, "db"));
  const stop = async () => {
    await server.stop();
    await rm(tmp, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  try {
    const base = server.url;
    const rssStart = await rssMiB(server.pid);
    const lessons = (await call(base, "/api/workshops", { body: { title: "Bench", items: [{ lesson: "01-what-is-zeromq" }] } })).body;
    const { code, instructorKey } = lessons;
    const auth = { authorization: `Bearer ${instructorKey}` };

    // anchor → the time its POST was sent; the board event carrying the anchor closes the sample.
    const sentAt = new Map();
    let delays = [];
    let boardEvents = 0;
    // Runs: `start:<runId>` closes when the tile shows that run running; `<learner>#<n>` when it shows n runs.
    const runSamples = { start: [], end: [] };
    const closeBoard = await openStream(base, `/api/workshops/${code}/board/events`, auth, (type, data) => {
      boardEvents++;
      if (type !== "learner") return;
      const now = performance.now();
      const anchor = data.location?.anchor;
      const started = anchor && sentAt.get(anchor);
      if (started !== undefined) {
        sentAt.delete(anchor);
        delays.push(now - started);
      }
      const runStart = data.running ? sentAt.get(`start:${data.running.runId}`) : undefined;
      if (runStart !== undefined) {
        sentAt.delete(`start:${data.running.runId}`);
        runSamples.start.push(now - runStart);
      }
      for (let n = data.runs; sentAt.has(`${data.id}#${n}`); n--) {
        runSamples.end.push(now - sentAt.get(`${data.id}#${n}`));
        sentAt.delete(`${data.id}#${n}`);
      }
    });

    const join = async (name) => {
      const joined = await call(base, `/api/workshops/${code}/join`, { body: { name } });
      return { name, id: joined.body.learner.id, cookie: joined.cookie, seq: 0 };
    };
    const send = async (learner, withCode) => {
      const anchor = `b-${learner.id}-${learner.seq++}`;
      sentAt.set(anchor, performance.now());
      await call(base, `/api/workshops/${code}/activity`, { cookie: learner.cookie, body: { type: "location", lesson: "01-what-is-zeromq", anchor } });
      if (withCode) {
        const files = [{ name: "main.ts", content: `// ${learner.name} ${learner.seq}\n${"console.log('x');\n".repeat(40)}` }];
        await call(base, `/api/workshops/${code}/activity`, { cookie: learner.cookie, body: { type: "code", lesson: "01-what-is-zeromq", snippet: "hello-req-rep", variant: "main", files } });
      }
    };
    // A run as the browser makes it: POST, report its start, read its events to the end, report it.
    const runCode = RUNS ? await snippetRun(base) : null;
    const runStats = { accepted: 0, refused: new Map(), statuses: new Map() };
    const tally = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
    const runOnce = async (learner) => {
      const response = await fetch(`${base}/api/runs`, { method: "POST", headers: { "content-type": "application/json", cookie: learner.cookie }, body: JSON.stringify(runCode) });
      const body = await response.json();
      if (response.status !== 202) return tally(runStats.refused, `${response.status} ${body.error?.code}`);
      runStats.accepted++;
      sentAt.set(`start:${body.id}`, performance.now());
      await call(base, `/api/workshops/${code}/activity`, { cookie: learner.cookie, body: { type: "run-start", runId: body.id } });
      const events = await fetch(`${base}${body.events}`, { headers: { cookie: learner.cookie } });
      let status = "no end";
      await readSse(events, (type, data) => (type === "end" ? ((status = data.status), false) : true));
      tally(runStats.statuses, status);
      // A run that ended before its start was reported never shows as running: not a sample.
      sentAt.delete(`start:${body.id}`);
      learner.runs = (learner.runs ?? 0) + 1;
      sentAt.set(`${learner.id}#${learner.runs}`, performance.now());
      await call(base, `/api/workshops/${code}/activity`, { cookie: learner.cookie, body: { type: "run", runId: body.id } });
    };
    const waitForDrain = async (timeoutMs = 5000) => {
      const until = performance.now() + timeoutMs;
      while (sentAt.size > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    };

    // Baseline: one learner, no other load, one update at a time (after 5 unmeasured warm-up updates).
    const solo = await join("Solo");
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 5; i++) {
      await send(solo, false);
      await waitForDrain();
    }
    delays = [];
    await server.stats?.();
    for (let i = 0; i < BASELINE_SAMPLES; i++) {
      await send(solo, false);
      await waitForDrain();
      await new Promise((r) => setTimeout(r, 50));
    }
    const baseline = summary(delays);
    const baselineServer = await server.stats?.();
    const baselineClientLag = takeClientLag();
    delays = [];

    // Load: N learners join (and open their own streams), then update every INTERVAL_MS with jitter.
    const joinStarted = performance.now();
    const learners = [];
    for (let i = 0; i < LEARNERS; i += 20) {
      learners.push(...(await Promise.all(Array.from({ length: Math.min(20, LEARNERS - i) }, (_, j) => join(`Learner ${i + j + 1}`)))));
    }
    const joinMs = performance.now() - joinStarted;
    const closers = [];
    if (LEARNER_STREAMS) {
      for (const learner of learners) closers.push(await openStream(base, `/api/workshops/${code}/events`, { cookie: learner.cookie }, () => {}));
    }
    await new Promise((r) => setTimeout(r, 1000));
    await server.stats?.();
    takeClientLag();
    sentAt.clear();
    delays = [];
    const eventsBefore = boardEvents;
    const cpuBefore = server.pid ? processCpuMs(server.pid) : null;
    const loadStarted = performance.now();
    const deadline = loadStarted + DURATION_S * 1000;
    let posts = 0;
    let failures = 0;
    let rssPeak = await rssMiB(server.pid);
    const sampler = setInterval(() => void rssMiB(server.pid).then((v) => (rssPeak = Math.max(rssPeak ?? 0, v ?? 0))), 1000);
    await Promise.all(
      learners.map(async (learner, index) => {
        await new Promise((r) => setTimeout(r, Math.random() * INTERVAL_MS));
        while (performance.now() < deadline) {
          const tickStarted = performance.now();
          try {
            if (RUNS) await runOnce(learner);
            else await send(learner, index % 2 === learner.seq % 2);
            posts++;
          } catch (error) {
            failures++;
            if (failures <= 3) console.error(error.message);
          }
          const jitter = (Math.random() - 0.5) * 0.4 * INTERVAL_MS;
          const wait = Math.max(0, INTERVAL_MS + jitter - (performance.now() - tickStarted));
          await new Promise((r) => setTimeout(r, Math.min(wait, Math.max(0, deadline - performance.now()))));
        }
      }),
    );
    await waitForDrain();
    clearInterval(sampler);
    const loadS = (performance.now() - loadStarted) / 1000;
    const load = summary(delays);
    const lost = sentAt.size;
    const rssEnd = await rssMiB(server.pid);
    const cpuUsed = server.pid ? (processCpuMs(server.pid) - cpuBefore) / 1000 : null;
    const loadServer = await server.stats?.();
    const loadClientLag = takeClientLag();
    for (const close of closers) close();
    closeBoard();

    console.log(`\nWorkshop load benchmark (${EXTERNAL ? `server at ${EXTERNAL}` : "workshop handler alone, PGlite, child process"}; node ${process.version}, ${os.cpus().length} cores)`);
    console.log(`Host load average (1 min): ${loadBefore.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at the end — other work on the host inflates every figure`);
    console.log(`Learners: ${LEARNERS} (joined in ${(joinMs / 1000).toFixed(1)} s), ${LEARNER_STREAMS ? "each with its own event stream" : "no learner streams"}; one update every ${INTERVAL_MS / 1000} s ±20 %, location always, code every other one; ${loadS.toFixed(0)} s`);
    console.log("");
    console.log("Delay from a learner's POST to the board's event   n      p50        p95        max");
    console.log(`  baseline: 1 learner, no load                 ${String(baseline.n).padStart(6)} ${ms(baseline.p50).padStart(10)} ${ms(baseline.p95).padStart(10)} ${ms(baseline.max).padStart(10)}`);
    console.log(`  under load: ${String(LEARNERS).padEnd(3)} learners                    ${String(load.n).padStart(6)} ${ms(load.p50).padStart(10)} ${ms(load.p95).padStart(10)} ${ms(load.max).padStart(10)}`);
    console.log(`  ratio (load / baseline)                             ${(load.p50 / baseline.p50).toFixed(2).padStart(10)} ${(load.p95 / baseline.p95).toFixed(2).padStart(10)}`);
    if (baselineServer && loadServer) {
      const [h0, h1] = [summary(baselineServer.handling), summary(loadServer.handling)];
      console.log(`  of which in the server (activity request in → response out):`);
      console.log(`    baseline                                   ${String(h0.n).padStart(6)} ${ms(h0.p50).padStart(10)} ${ms(h0.p95).padStart(10)} ${ms(h0.max).padStart(10)}`);
      console.log(`    under load                                 ${String(h1.n).padStart(6)} ${ms(h1.p50).padStart(10)} ${ms(h1.p95).padStart(10)} ${ms(h1.max).padStart(10)}`);
      console.log(`  worst event-loop lag in the server: ${ms(baselineServer.lagMax)} baseline, ${ms(loadServer.lagMax)} under load`);
    }
    console.log(`  worst event-loop lag in this client: ${ms(baselineClientLag)} baseline, ${ms(loadClientLag)} under load`);
    console.log("");
    if (RUNS) {
      const [start, end] = [summary(runSamples.start), summary(runSamples.end)];
      console.log("");
      console.log(`Run storm: each learner presses Run (${RUN_LESSON}/${RUN_SNIPPET}/${RUN_VARIANT}) every ${INTERVAL_MS / 1000} s ±20 %, as the browser does`);
      console.log("Delay to the board's event                                   n      p50        p95        max");
      console.log(`  run accepted (202) → tile shows it running            ${String(start.n).padStart(6)} ${ms(start.p50).padStart(10)} ${ms(start.p95).padStart(10)} ${ms(start.max).padStart(10)}`);
      console.log(`  learner sees the run's end → tile shows the run       ${String(end.n).padStart(6)} ${ms(end.p50).padStart(10)} ${ms(end.p95).padStart(10)} ${ms(end.max).padStart(10)}`);
      console.log(`Runs accepted: ${runStats.accepted}; refused: ${[...runStats.refused].map(([k, v]) => `${v} × ${k}`).join(", ") || "none"}; ended: ${[...runStats.statuses].map(([k, v]) => `${v} ${k}`).join(", ")}`);
      console.log(`Finished runs never seen on the board: ${[...sentAt.keys()].filter((k) => k.includes("#")).length}`);
    }
    console.log(`Activity POSTs: ${posts} (${(posts / loadS).toFixed(1)}/s), failed: ${failures}; location updates never seen on the board: ${lost}`);
    console.log(`Board events: ${boardEvents - eventsBefore} (${((boardEvents - eventsBefore) / loadS).toFixed(1)}/s)`);
    if (cpuUsed !== null) {
      console.log(`Server CPU under load: ${cpuUsed.toFixed(1)} s in ${loadS.toFixed(0)} s = ${((100 * cpuUsed) / loadS).toFixed(0)} % of one core, ${((1000 * cpuUsed) / Math.max(1, posts)).toFixed(2)} ms per learner update (streams and heartbeats included)`);
    }
    if (server.pid) console.log(`Server RSS: ${rssStart} MiB at start, ${rssEnd} MiB at the end, ${rssPeak} MiB peak`);
    else console.log("Server RSS: not measured (pass --pid with --url)");
  } finally {
    await stop();
  }
}

await main();
