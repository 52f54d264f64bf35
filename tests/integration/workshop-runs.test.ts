/**
 * Runs reported to a workshop come from the real runner: a real lesson exercise
 * runs in the sandbox, the learner reports its id, and the board shows what
 * really happened (status, blocked, the exercise passed or not).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, exerciseSnippet, startWorkshopServer, type WorkshopServer } from "./workshop-harness";

let server: WorkshopServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zmqp-ws-runs-"));
  server = await startWorkshopServer({ env: { WORKSHOP_DATA_DIR: join(dir, "db") }, runner: { rateBurst: 3, ratePerMinute: 1 } });
}, 60_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function setUp() {
  const instructor = new Client(server.url);
  const { lesson, snippet } = exerciseSnippet();
  const created = await instructor.post("/api/workshops", { title: "Runs", items: [{ lesson, snippet: snippet.id }] });
  const code = created.body.code as string;
  instructor.cookies.clear();
  const auth = { authorization: `Bearer ${created.body.instructorKey}` };
  const join = async (name: string) => {
    const client = new Client(server.url);
    const reply = await client.post(`/api/workshops/${code}/join`, { name });
    return { client, id: reply.body.learner.id as string };
  };
  return { code, auth, instructor, join };
}

/** Starts a run through the public runner API with this browser's cookies. */
async function startRun(client: Client, variant: "starter" | "solution", as: string = variant) {
  const { lesson, snippet, ...variants } = exerciseSnippet();
  const source = variants[variant];
  const reply = await client.post("/api/runs", { files: source.files, processes: source.processes, timeoutMs: source.timeoutMs, lesson, snippet: snippet.id, variant: as });
  expect(reply.status).toBe(202);
  return reply.body.id as string;
}

async function ended(runId: string) {
  await server.runner.get(runId)!.done;
}

describe("reported runs", () => {
  it("show the real status, blocked spell and passed exercise on the board", async () => {
    const { code, auth, instructor, join } = await setUp();
    const { lesson, snippet } = exerciseSnippet();
    const ada = await join("Ada");
    const board = await instructor.stream(`/api/workshops/${code}/board/events`, { headers: auth });
    await board.next((e) => e.type === "hello");

    // The starter gets stuck (the exercise's point); reported before its end it is refused.
    const stuckRun = await startRun(ada.client, "starter");
    expect(server.runner.get(stuckRun)!.client).toBe(`learner:${ada.id}`);
    const early = await ada.client.post(`/api/workshops/${code}/activity`, { type: "run", runId: stuckRun });
    expect([early.status, early.body.error.code]).toEqual([409, "run-not-ended"]);
    await ended(stuckRun);
    expect((await ada.client.post(`/api/workshops/${code}/activity`, { type: "run", runId: stuckRun })).status).toBe(204);
    const stuck = await board.next((e) => e.type === "learner" && e.data.runs === 1);
    expect(stuck.data.lastRun).toMatchObject({ status: "timeout", blocked: true, lesson, snippet: snippet.id, variant: "starter" });
    expect(stuck.data.passed).toEqual([]);
    expect(stuck.data.stuckSince).not.toBeNull();

    // Reporting the same run again changes nothing.
    expect((await ada.client.post(`/api/workshops/${code}/activity`, { type: "run", runId: stuckRun })).status).toBe(204);

    // The learner fixes the starter (here: types the solution in) and passes the check.
    const fixedRun = await startRun(ada.client, "solution", "starter");
    await ended(fixedRun);
    expect((await ada.client.post(`/api/workshops/${code}/activity`, { type: "run", runId: fixedRun })).status).toBe(204);
    const passed = await board.next((e) => e.type === "learner" && e.data.runs === 2);
    expect(passed.data).toMatchObject({ lastRun: { status: "ok", blocked: false }, passed: [`${lesson}/${snippet.id}`], stuckSince: null });

    const detail = await instructor.call(`/api/workshops/${code}/learners/${ada.id}`, { headers: auth });
    expect(detail.body.output.status).toBe("ok");
    expect(detail.body.output.text).toContain("received World");
    expect(detail.body.code).toMatchObject({ lesson, snippet: snippet.id, variant: "starter" });
    expect(detail.body.code.files.map((f: { name: string }) => f.name).sort()).toEqual(Object.keys(exerciseSnippet().solution.files).sort());

    const csv = await instructor.call(`/api/workshops/${code}/export.csv`, { headers: auth });
    expect(csv.text).toContain(`Ada,${passed.data.joinedAt},2,ok,1,${lesson}/${snippet.id},no`);
    board.close();
  });

  it("hold code that runs ok but does the wrong thing to the check: not passed, tried, stuck", async () => {
    const { code, auth, instructor, join } = await setUp();
    const { lesson, snippet, solution } = exerciseSnippet();
    const ada = await join("Ada");
    // Every process of the exercise just prints something and ends: the run is ok, the check is not.
    const files = Object.fromEntries(Object.keys(solution.files).map((name) => [name, 'console.log("not what was asked");']));
    const reply = await ada.client.post("/api/runs", { files, processes: solution.processes, lesson, snippet: snippet.id, variant: "starter" });
    expect(reply.status).toBe(202);
    await ended(reply.body.id);
    expect((await ada.client.post(`/api/workshops/${code}/activity`, { type: "run", runId: reply.body.id })).status).toBe(204);
    const board = await instructor.call(`/api/workshops/${code}/board`, { headers: auth });
    const tile = board.body.learners[0];
    expect(tile.lastRun).toMatchObject({ status: "ok", check: { passed: false, title: snippet.check!.title } });
    expect(tile).toMatchObject({ passed: [], tried: [`${lesson}/${snippet.id}`] });
    expect(tile.stuckSince).not.toBeNull();
    const detail = await instructor.call(`/api/workshops/${code}/learners/${ada.id}`, { headers: auth });
    expect(detail.body.output.text).toContain("not what was asked");
  });

  it("show a run while it runs: the tile says so and the learner's detail has its output so far", async () => {
    const { code, auth, instructor, join } = await setUp();
    const { lesson, snippet } = exerciseSnippet();
    const ada = await join("Ada");
    const program = { "main.ts": 'console.log("tick"); setInterval(() => {}, 1000);' };
    const reply = await ada.client.post("/api/runs", { files: program, timeoutMs: 10_000, lesson, snippet: snippet.id, variant: "starter" });
    const runId = reply.body.id as string;
    const invalid = await ada.client.post(`/api/workshops/${code}/activity`, { type: "run-start", runId: "no/such" });
    expect([invalid.status, invalid.body.error.code]).toEqual([400, "invalid-run-id"]);
    expect((await ada.client.post(`/api/workshops/${code}/activity`, { type: "run-start", runId })).status).toBe(204);
    const tile = (await instructor.call(`/api/workshops/${code}/board`, { headers: auth })).body.learners[0];
    expect(tile.running).toMatchObject({ runId, lesson, snippet: snippet.id, variant: "starter" });
    // Its output arrives as it is printed: ask until "tick" is there.
    let live: { runId: string; text: string } | null = null;
    while (!live?.text.includes("tick")) live = (await instructor.call(`/api/workshops/${code}/learners/${ada.id}`, { headers: auth })).body.live;
    expect(live.runId).toBe(runId);
    // Another learner cannot claim the run as theirs.
    const eve = await join("Eve");
    const stolen = await eve.client.post(`/api/workshops/${code}/activity`, { type: "run-start", runId });
    expect([stolen.status, stolen.body.error.code]).toEqual([404, "run-not-found"]);
    await ada.client.post(`/api/runs/${runId}/stop`, {});
    await ended(runId);
    expect((await ada.client.post(`/api/workshops/${code}/activity`, { type: "run", runId })).status).toBe(204);
    const after = await instructor.call(`/api/workshops/${code}/learners/${ada.id}`, { headers: auth });
    expect(after.body).toMatchObject({ live: null, tile: { running: null, lastRun: { status: "stopped" } } });
  });

  it("show a traced run's sockets while it runs, and none for an untraced one", async () => {
    const { code, auth, instructor, join } = await setUp();
    const ada = await join("Ada");
    const program = {
      "main.ts": 'import * as zmq from "zeromq"; const s = new zmq.Pull(); await s.bind("inproc://x"); console.log("bound"); for await (const _ of s) {}',
    };
    const watch = async (trace: boolean) => {
      const reply = await ada.client.post("/api/runs", { files: program, timeoutMs: 10_000, ...(trace ? { trace: true } : {}) });
      const runId = reply.body.id as string;
      expect((await ada.client.post(`/api/workshops/${code}/activity`, { type: "run-start", runId })).status).toBe(204);
      let live: { text: string; trace?: { op: string; socket?: string; type?: string }[] } | null = null;
      while (!live?.text.includes("bound") || (trace && !live.trace?.some((e) => e.op === "bind"))) {
        live = (await instructor.call(`/api/workshops/${code}/learners/${ada.id}`, { headers: auth })).body.live;
      }
      await ada.client.post(`/api/runs/${runId}/stop`, {});
      await ended(runId);
      return live;
    };
    const traced = await watch(true);
    expect(traced.trace![0]).toMatchObject({ op: "open", socket: "main/1", type: "PULL" });
    expect((await watch(false)).trace).toBeUndefined();
  });

  it("do not count running the given solution, and refuse other people's runs", async () => {
    const { code, join } = await setUp();
    const bob = await join("Bob");
    const eve = await join("Eve");
    const solutionRun = await startRun(bob.client, "solution");
    await ended(solutionRun);
    expect((await bob.client.post(`/api/workshops/${code}/activity`, { type: "run", runId: solutionRun })).status).toBe(204);
    expect((await bob.client.call(`/api/workshops/${code}/me`)).status).toBe(200);
    const tile = (await server.service.store.detail(code, bob.id)).tile;
    expect(tile).toMatchObject({ runs: 1, passed: [], lastRun: { status: "ok", variant: "solution" } });

    const stolen = await eve.client.post(`/api/workshops/${code}/activity`, { type: "run", runId: solutionRun });
    expect([stolen.status, stolen.body.error.code]).toEqual([404, "run-not-found"]);
    const anonymous = new Client(server.url);
    const anonymousRun = (await anonymous.post("/api/runs", { files: { "main.ts": "console.log(1)" } })).body.id as string;
    await ended(anonymousRun);
    const foreign = await eve.client.post(`/api/workshops/${code}/activity`, { type: "run", runId: anonymousRun });
    expect([foreign.status, foreign.body.error.code]).toEqual([404, "run-not-found"]);
  });
});

describe("the runner's per-client run budget", () => {
  it("is per learner for workshop learners, so one address can hold a classroom", async () => {
    const { join } = await setUp();
    const one = await join("One");
    const two = await join("Two");
    const hello = { files: { "main.ts": "console.log('hi')" } };
    for (let i = 0; i < 3; i++) expect((await one.client.post("/api/runs", hello)).status).toBe(202);
    const limited = await one.client.post("/api/runs", hello);
    expect([limited.status, limited.body.error.code]).toEqual([429, "rate-limited"]);
    // Same address, another learner: a budget of its own.
    expect((await two.client.post("/api/runs", hello)).status).toBe(202);
    // A forged cookie is no learner: it counts as the address.
    const forged = new Client(server.url);
    forged.cookies.set([...one.client.cookies.keys()][0]!, `${"B".repeat(16)}.${"C".repeat(43)}`);
    const anonymousRun = (await forged.post("/api/runs", hello)).body.id as string;
    expect(server.runner.get(anonymousRun)!.client).toBe("127.0.0.1");
  });
});
