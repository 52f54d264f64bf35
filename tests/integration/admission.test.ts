/**
 * A room presses Run at once: warm sandboxes, fair caps per client, the CPU-time
 * limit, coalesced output and what the runner keeps — through the real sandbox.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { main, readEvents, request, runToEnd, startRunner, type TestServer } from "./harness";
import { buildRunnerBundle, exited, killAll, startStandalone } from "./standalone";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(killAll);

const sleeper = (ms: number, text = "done") => main(`await new Promise((r) => setTimeout(r, ${ms})); console.log("${text}");`, 20_000);

async function until(check: () => Promise<boolean> | boolean, what: string, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("admission", () => {
  it("keeps sandboxes warm, and runs on one whatever the number of processes", async () => {
    server = await startRunner({ warmMin: 2 });
    await until(async () => (await request(server!.url, "/api/health")).body.runs.warm >= 2, "the warm pool");
    const health = (await request(server.url, "/api/health")).body.runs;
    expect(health).toMatchObject({ warmTarget: 2, queueMax: 1000 });
    expect(health.memoryBudgetBytes).toBeGreaterThan(health.memoryUsedBytes);
    // One process on a two-process sandbox (the other exits unused), and four (two start cold).
    const one = await runToEnd(server.url, main(`console.log(process.env.RUNNER_PROCESS_NAME, process.argv.length)`));
    expect([one.end.status, one.output("main")]).toEqual(["ok", "main 2\n"]);
    const names = ["a", "b", "c", "d"];
    const four = await runToEnd(server.url, {
      files: { "p.ts": `console.log("I am", process.env.RUNNER_PROCESS_NAME);` },
      processes: names.map((name, i) => ({ name, entry: "p.ts", delayMs: i * 50 })),
    });
    expect(four.end.status).toBe("ok");
    for (const name of names) expect(four.output(name)).toBe(`I am ${name}\n`);
    expect(four.events.filter((e) => e.type === "start").map((e) => e.data.process)).toEqual(names);
  });

  it("gives a running run a full CPU share and a booting one an eighth of it", async () => {
    server = await startRunner({ warmMin: 2 });
    const health = (await request(server.url, "/api/health")).body;
    if (!health.sandbox.cpuShares) {
      // Without a cpu controller there is nothing to read; the health report must say so.
      expect(health.sandbox.limits === "proc-sampling" || health.sandbox.cpuShares === false).toBe(true);
      return;
    }
    const started = await request(server.url, "/api/runs", { body: sleeper(3_000) });
    await readEvents(server.url, started.body.id, { until: (e) => e.type === "start" });
    await until(async () => (await request(server!.url, "/api/health")).body.runs.warm >= 2, "the warm pool");
    const v1 = health.sandbox.limits === "cgroup-v1";
    const shares = cpuWeights(process.pid, v1);
    expect(shares).toContain(v1 ? 1024 : 100);
    expect(shares.filter((n) => n === (v1 ? 128 : 12)).length).toBeGreaterThanOrEqual(2);
    await request(server.url, `/api/runs/${started.body.id}/stop`, { method: "POST" });
  });

  it("weighs the CPU groups of every runner on the host against each other (v1), and sweeps a dead runner's", async () => {
    server = await startRunner();
    const health = (await request(server.url, "/api/health")).body;
    if (health.sandbox.limits !== "cgroup-v1" || !health.sandbox.cpuShares) return;
    // Another runner on this host that only boots warm sandboxes: its groups sit beside this
    // runner's, so at an eighth of the weight they yield to this runner's run as its own do.
    await buildRunnerBundle();
    const other = await startStandalone({ RUNNER_WARM_MIN: "2", RUNNER_RATE_PER_MINUTE: "0" });
    await until(async () => (await request(other.base, "/api/health")).body.runs.warm >= 2, "the other runner's warm pool");
    const started = await request(server.url, "/api/runs", { body: sleeper(3_000) });
    await readEvents(server.url, started.body.id, { until: (e) => e.type === "start" });
    expect(cpuWeights(process.pid, true)).toContain(1024);
    expect(cpuWeights(other.child.pid!, true).filter((n) => n === 128).length).toBeGreaterThanOrEqual(2);
    // Killed without its clean-up: the next runner to start removes its groups.
    other.child.kill("SIGKILL");
    await exited(other.child);
    await server.close();
    server = await startRunner();
    await until(() => cpuWeights(other.child.pid!, true).length === 0, "the dead runner's groups to be removed");
  });

  it("ends a run at its CPU-time limit, naming it", async () => {
    server = await startRunner({ cpuMs: 600 });
    const { end, output } = await runToEnd(server.url, main(`console.log("spinning"); for (;;) {}`, 20_000));
    expect(end.status).toBe("cpu-limit");
    expect(end.message).toBe("The run used more than its CPU-time limit of 0.6 s (all processes together) and was stopped.");
    expect(end.limit).toBe(600);
    expect(output("main")).toBe("spinning\n");
    expect(end.durationMs).toBeLessThan(15_000);
  });

  it("replaces a client's earlier run of the same playground, and only that", async () => {
    server = await startRunner();
    const body = { ...sleeper(10_000), playground: "01-what-is-zeromq.hello" };
    const first = await request(server.url, "/api/runs", { body });
    const other = await request(server.url, "/api/runs", { body: { ...body, playground: "elsewhere" } });
    await readEvents(server.url, first.body.id, { until: (e) => e.type === "start" });
    const second = await request(server.url, "/api/runs", { body });
    expect([first.status, other.status, second.status]).toEqual([202, 202, 202]);
    const end = (await readEvents(server.url, first.body.id)).at(-1)!.data;
    expect(end).toMatchObject({ status: "stopped", message: "Replaced by a newer run of the same playground." });
    expect((await request(server.url, "/api/health")).body.runs.running).toBe(2);
    for (const id of [other.body.id, second.body.id]) await request(server.url, `/api/runs/${id}/stop`, { method: "POST" });
  });

  it("tells browsers behind one address apart by their visitor cookie: own playgrounds, own budgets", async () => {
    server = await startRunner({ concurrency: 1 });
    // A first run without the cookie counts as the address, and hands out a visitor id.
    const handed = await request(server.url, "/api/runs", { body: sleeper(5_000) });
    const setCookie = handed.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^zmqp_v=[A-Za-z0-9_-]{22}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    const again = await request(server.url, "/api/runs", { body: sleeper(5_000), headers: { cookie: setCookie.split(";")[0]! } });
    expect(again.headers.get("set-cookie")).toBeNull();
    const ids = [handed.body.id, again.body.id];
    // Two visitors run the same playground: neither replaces the other.
    const body = { ...sleeper(10_000), playground: "scratch" };
    const [a, b] = ["A", "B"].map((c) => ({ cookie: `zmqp_v=${c.repeat(22)}` }));
    const first = await request(server.url, "/api/runs", { body, headers: a! });
    const second = await request(server.url, "/api/runs", { body, headers: b! });
    ids.push(first.body.id, second.body.id);
    // Each visitor has its own 2 running + 2 waiting; the address's share is untouched by them.
    for (let i = 0; i < 3; i++) {
      const more = await request(server.url, "/api/runs", { body: sleeper(5_000), headers: a! });
      expect(more.status).toBe(202);
      ids.push(more.body.id);
    }
    const refused = await request(server.url, "/api/runs", { body: sleeper(5_000), headers: a! });
    expect(refused.status).toBe(429);
    const byAddress = await request(server.url, "/api/runs", { body: sleeper(5_000) });
    expect(byAddress.status).toBe(202);
    ids.push(byAddress.body.id);
    const health = (await request(server.url, "/api/health")).body.runs;
    expect(health.running + health.queued).toBe(ids.length);
    // A malformed cookie is no identity: it counts as the address and gets a new id.
    const bad = await request(server.url, "/api/runs", { body: sleeper(5_000), headers: { cookie: "zmqp_v=../../x" } });
    expect(bad.headers.get("set-cookie")).toMatch(/^zmqp_v=/);
    if (bad.status === 202) ids.push(bad.body.id);
    for (const id of ids) await request(server.url, `/api/runs/${id}/stop`, { method: "POST" });
  });

  it("caps one client at 2 running and 2 waiting with a 429 that says so", async () => {
    server = await startRunner({ concurrency: 1 });
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof request>> | undefined;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await request(server.url, "/api/runs", { body: sleeper(5_000) });
      statuses.push(response.status);
      if (response.status === 202) ids.push(response.body.id);
      else refused = response;
    }
    expect(statuses).toEqual([202, 202, 202, 202, 429]);
    expect(refused!.body.error.code).toBe("too-many-runs");
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    for (const id of ids) await request(server.url, `/api/runs/${id}/stop`, { method: "POST" });
  });

  it("counts every run against its address too, whatever learner key it shows", async () => {
    server = await startRunner({ addressRateBurst: 3, addressRatePerMinute: 1 });
    const keys = ["learner:a", "learner:b", "learner:c", "learner:d"];
    const outcomes: string[] = [];
    for (const key of keys) {
      try {
        const run = await server.runner.submit({ files: { "main.ts": "" }, processes: [{ name: "main", entry: "main.ts", delayMs: 0 }], timeoutMs: 5_000 }, { key, address: "203.0.113.7" });
        outcomes.push(run.state === "ended" ? "ended" : "accepted");
      } catch (error) {
        outcomes.push(`${(error as { status: number }).status} ${(error as Error).message}`);
      }
    }
    expect(outcomes.slice(0, 3).every((o) => o !== "ended" && !o.startsWith("429"))).toBe(true);
    expect(outcomes[3]).toMatch(/^429 Too many runs from your network address/);
  });

  it("gathers output written a byte at a time into few events, each stream in its order", async () => {
    server = await startRunner();
    const { end, events, output } = await runToEnd(
      server.url,
      main(`for (let i = 0; i < 3000; i++) process.stdout.write(String(i % 10));
process.stderr.write("between\\n");
for (let i = 0; i < 3000; i++) process.stdout.write("x");
console.log();`),
    );
    expect(end.status).toBe("ok");
    const expected = Array.from({ length: 3000 }, (_, i) => String(i % 10)).join("");
    expect(output("main")).toBe(`${expected}${"x".repeat(3000)}\n`);
    expect(output("main", "stderr")).toBe("between\n");
    // 6001 writes; events are gathered within a few ms (two pipes are read independently,
    // so only each stream's own order is the program's).
    const chunks = events.filter((e) => e.type === "stdout" || e.type === "stderr");
    expect(chunks.length).toBeLessThan(100);
  });

  it("keeps a run's events readable after 32 readers stayed to its end", async () => {
    server = await startRunner();
    const started = await request(server.url, "/api/runs", { body: sleeper(800, "end of it") });
    const readers = await Promise.all(Array.from({ length: 32 }, () => readEvents(server!.url, started.body.id)));
    for (const events of readers) expect(events.at(-1)!.type).toBe("end");
    await until(() => server!.runner.get(started.body.id)!.watchers === 0, "the readers to leave");
    const again = await readEvents(server.url, started.body.id);
    expect(again.at(-1)!.data.status).toBe("ok");
  });

  it("forgets ended runs by memory, oldest first, never a running one", async () => {
    server = await startRunner({ retainBytes: 400 * 1024 });
    const long = await request(server.url, "/api/runs", { body: main(`console.log("long-lived"); await new Promise((r) => setTimeout(r, 8000));`, 20_000) });
    await readEvents(server.url, long.body.id, { until: (e) => e.type === "stdout" });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const run = await runToEnd(server.url, main(`process.stdout.write("${i}".repeat(100_000));`));
      expect(run.end.status).toBe("ok");
      ids.push(run.id);
    }
    // Each ended run keeps ~200 KB of events: only the newest fit the budget.
    expect((await request(server.url, `/api/runs/${ids[0]}/events`)).status).toBe(404);
    expect((await readEvents(server.url, ids[3]!)).at(-1)!.data.status).toBe("ok");
    const running = await readEvents(server.url, long.body.id, { until: (e) => e.type === "stdout" });
    expect(running[0]!.type).toBe("start");
    await request(server.url, `/api/runs/${long.body.id}/stop`, { method: "POST" });
  });
});

/** cpu.shares (v1) or cpu.weight (v2) of every run group of the runner in process `pid`. */
function cpuWeights(pid: number, v1: boolean): number[] {
  const lines = readFileSync("/proc/self/cgroup", "utf8").split("\n");
  const line = v1 ? lines.find((l) => l.split(":")[1]?.split(",").includes("cpu")) : lines.find((l) => l.startsWith("0::"));
  if (!line) return [];
  const root = v1 ? "/sys/fs/cgroup/cpu" : "/sys/fs/cgroup";
  // v1: every runner's groups side by side in one folder (runner-<pid>-<run>); v2: a folder per runner.
  const dir = join(root, line.split(":")[2]!, "zmq-playground-runs", ...(v1 ? [] : [`runner-${pid}`]));
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && (!v1 || entry.name.startsWith(`runner-${pid}-`)))
    .map((entry) => Number(readFileSync(join(dir, entry.name, v1 ? "cpu.shares" : "cpu.weight"), "utf8")));
}
