/**
 * The fleet on one machine, as issue 20 asks: 2 site processes (site.ts, as server.ts
 * mounts it; RUNNER_URLS naming 3 standalone runner processes, one RUNNER_FLEET_TOKEN,
 * DATABASE_URL on one real PostgreSQL) and a workshop whose learners are on both site
 * replicas. In order: runs through either site spread over the runners and end ok; a
 * runner killed (SIGKILL) mid-run ends its runs' streams with "error" while new runs go
 * on; a site replica told to stop (SIGTERM) ends its streams and the learner resumes on
 * the other one with Last-Event-ID, missing and repeating nothing. The instructor's board
 * (on the surviving site) shows every learner's latest run and its status throughout.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberKey, RUNNER_GONE_MESSAGE, splitRunId } from "../../fleet";
import { main, type RunBody } from "./harness";
import { buildRunnerBundle, buildSiteBundle, exited, killAll, startSite, startStandalone, type Started } from "./standalone";
import { Client, type EventStream, type SseEvent } from "./workshop-harness";
import { startCluster, type TestCluster } from "./workshop-postgres";

const TOKEN = "fleet-simulation-token-0123456789";
const RUNNER_ENV = { RUNNER_FLEET_TOKEN: TOKEN, RUNNER_TRUST_PROXY: "1", RUNNER_RATE_PER_MINUTE: "0", RUNNER_RATE_ADDRESS_PER_MINUTE: "0", RUNNER_WARM_MIN: "1" };

let cluster: TestCluster | undefined;
let runners: Started[] = [];
let sites: Started[] = [];

/** SIGKILL for whatever is still running (pass or fail), then the database. */
afterAll(async () => {
  const all = [...runners, ...sites].map((p) => p.child);
  killAll();
  await Promise.all(all.map((child) => exited(child)));
  cluster?.stop();
});

beforeAll(async () => {
  await Promise.all([buildRunnerBundle(), buildSiteBundle()]);
  cluster = startCluster();
  const database = await cluster.url("fleet_simulation");
  runners = await Promise.all([0, 1, 2].map(() => startStandalone(RUNNER_ENV)));
  const siteEnv = { RUNNER_URLS: runners.map((r) => r.base).join(","), RUNNER_FLEET_TOKEN: TOKEN, DATABASE_URL: database };
  sites = await Promise.all([0, 1].map(() => startSite(siteEnv)));
}, 60_000);

interface Learner {
  id: string;
  name: string;
  client: Client;
  /** The latest run this learner reported, as the board must show it. */
  latest?: { runId: string; status: string; marker: string };
  runs: number;
}

/** A run as a learner's page does it: POST, `run-start`, its stream. */
async function startRun(learner: Learner, code: string, body: RunBody) {
  const started = await learner.client.post("/api/runs", body);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const id = started.body.id as string;
  expect((await learner.client.post(`/api/workshops/${code}/activity`, { type: "run-start", runId: id })).status).toBe(204);
  const stream = await learner.client.stream(`/api/runs/${id}/events`);
  expect(stream.status).toBe(200);
  return { id, stream };
}

/** After the run's `end`, the page reports it; the board now owes it. */
async function reportRun(learner: Learner, code: string, runId: string, status: string, marker: string) {
  const reply = await learner.client.post(`/api/workshops/${code}/activity`, { type: "run", runId });
  expect(reply.status, JSON.stringify(reply.body)).toBe(204);
  learner.latest = { runId, status, marker };
  learner.runs++;
}

const endOf = (stream: EventStream) => stream.next((e) => e.type === "end");
const printed = (events: SseEvent[]) => events.filter((e) => e.type === "stdout").map((e) => e.data.data).join("");
const runnerOf = (runId: string) => runners.find((r) => memberKey(r.base) === splitRunId(runId)!.key)!;

describe("2 sites + 3 runners + PostgreSQL on one machine", () => {
  let code = "";
  let instructor: Client;
  const learners: Learner[] = [];

  /** The board, read on the site that stays up: each learner's run count, latest status and output, and nothing shown running. */
  async function expectBoardTrue() {
    const board = await instructor.call(`/api/workshops/${code}/board`);
    expect(board.status).toBe(200);
    const tiles = new Map<string, any>(board.body.learners.map((t: any) => [t.id, t]));
    for (const learner of learners) {
      const tile = tiles.get(learner.id);
      expect([learner.name, tile.runs, tile.lastRun?.status ?? null, tile.running]).toEqual([learner.name, learner.runs, learner.latest?.status ?? null, null]);
      if (!learner.latest) continue;
      const detail = await instructor.call(`/api/workshops/${code}/learners/${learner.id}`);
      expect(detail.body.output.status).toBe(learner.latest.status);
      expect(detail.body.output.text).toContain(learner.latest.marker);
    }
  }

  it("runs started through either site spread over the runners and end ok", async () => {
    // The instructor is on site 1, which stays up; learners alternate between the sites.
    instructor = new Client(sites[1]!.base);
    const created = await instructor.post("/api/workshops", { title: "Fleet simulation", items: [{ lesson: "01-what-is-zeromq" }] });
    expect(created.status).toBe(201);
    code = created.body.code;
    instructor = new Client(sites[1]!.base, { authorization: `Bearer ${created.body.instructorKey}` });
    for (let i = 0; i < 6; i++) {
      const client = new Client(sites[i % 2]!.base);
      const joined = await client.post(`/api/workshops/${code}/join`, { name: `Learner ${i}` });
      expect(joined.status).toBe(201);
      learners.push({ id: joined.body.learner.id, name: `Learner ${i}`, client, runs: 0 });
    }
    await expectBoardTrue();

    // Each run lasts a moment, so runs of one burst are still running when the sites next poll the runners.
    const results = await Promise.all(
      learners.map(async (learner) => {
        const marker = `first run of ${learner.name}`;
        const run = await startRun(learner, code, main(`console.log(${JSON.stringify(marker)}); setTimeout(() => {}, 700);`));
        const end = await endOf(run.stream);
        expect([end.data.status, printed(run.stream.events)]).toEqual(["ok", `${marker}\n`]);
        await reportRun(learner, code, run.id, "ok", marker);
        return run.id;
      }),
    );
    expect(new Set(results.map((id) => runnerOf(id).base)).size).toBe(3);
    await expectBoardTrue();
  });

  it("ends the runs of a runner killed mid-run with an error, never a hang, and new runs through both sites are ok", async () => {
    const runs = await Promise.all(
      learners.map(async (learner) => {
        const marker = `long run of ${learner.name}`;
        const run = await startRun(learner, code, main(`console.log(${JSON.stringify(marker)}); setTimeout(() => console.log("done"), 4000);`, 20_000));
        await run.stream.next((e) => e.type === "stdout");
        return { learner, marker, ...run };
      }),
    );
    // While they run, the board shows each learner's run as running.
    const board = await instructor.call(`/api/workshops/${code}/board`);
    expect(Object.fromEntries(board.body.learners.map((t: any) => [t.id, t.running?.runId]))).toEqual(Object.fromEntries(runs.map((r) => [r.learner.id, r.id])));

    const victim = runnerOf(runs[0]!.id);
    const onVictim = runs.filter((r) => runnerOf(r.id) === victim);
    victim.child.kill("SIGKILL");
    await exited(victim.child);
    for (const run of runs) {
      const end = await endOf(run.stream);
      if (onVictim.includes(run)) {
        expect([end.data.status, end.data.message]).toEqual(["error", RUNNER_GONE_MESSAGE]);
        expect(printed(run.stream.events)).toBe(`${run.marker}\n`);
      } else {
        expect([end.data.status, printed(run.stream.events)]).toEqual(["ok", `${run.marker}\ndone\n`]);
      }
      // The board records it as it ended: a lost run's record (its output) went with its runner, its end did not.
      await reportRun(run.learner, code, run.id, end.data.status, onVictim.includes(run) ? RUNNER_GONE_MESSAGE : `${run.marker}\ndone`);
    }
    expect(onVictim.length).toBeGreaterThan(0);
    expect(onVictim.length).toBeLessThan(runs.length);
    await expectBoardTrue();
    // A lost run counts only for the learner it was shown running for: another's id reads as unknown.
    const other = learners.find((l) => l !== onVictim[0]!.learner)!;
    const foreign = await other.client.post(`/api/workshops/${code}/activity`, { type: "run", runId: onVictim[0]!.id });
    expect([foreign.status, foreign.body.error?.code]).toEqual([404, "run-not-found"]);
    // Its owner's second report counts once, as any run's.
    expect((await onVictim[0]!.learner.client.post(`/api/workshops/${code}/activity`, { type: "run", runId: onVictim[0]!.id })).status).toBe(204);
    await expectBoardTrue();

    // New runs, through both sites, go to the runners that are left.
    await Promise.all(
      learners.map(async (learner) => {
        const marker = `after the kill, ${learner.name}`;
        const run = await startRun(learner, code, main(`console.log(${JSON.stringify(marker)});`));
        const end = await endOf(run.stream);
        expect([end.data.status, printed(run.stream.events)]).toEqual(["ok", `${marker}\n`]);
        expect(runnerOf(run.id)).not.toBe(victim);
        await reportRun(learner, code, run.id, "ok", marker);
      }),
    );
    await expectBoardTrue();
  });

  it("a site replica told to stop ends its streams, and the learner resumes on the other without losing or repeating an event", async () => {
    const [leaving, staying] = sites as [Started, Started];
    const learner = learners.find((l) => l.client.base === leaving.base)!;
    const events = await learner.client.stream(`/api/workshops/${code}/events`);
    const hello = await events.next((e) => e.type === "hello");
    const hint = (text: string) => instructor.post(`/api/workshops/${code}/learners/${learner.id}/hint`, { text });
    expect((await hint("before the stop")).status).toBe(201);
    await events.next((e) => e.type === "hint" && e.data.text === "before the stop");

    const run = await startRun(learner, code, main(`let i = 0; const t = setInterval(() => { console.log("tick " + ++i); if (i === 20) clearInterval(t); }, 150);`, 20_000));
    await run.stream.next((e) => e.type === "stdout" && e.data.data.includes("tick 3"));

    leaving.child.kill("SIGTERM");
    await Promise.all([events.closedByServer(), run.stream.closedByServer()]);
    await exited(leaving.child);
    expect((leaving.child as ChildProcess).exitCode).toBe(0);
    // Cut, not ended: the run goes on on its runner.
    expect(run.stream.events.some((e) => e.type === "end")).toBe(false);
    expect((await hint("while away")).status).toBe(201);

    // The browser's EventSource reconnects (here: to the other replica) with the last id it saw.
    learner.client.base = staying.base;
    const resumedEvents = await learner.client.stream(`/api/workshops/${code}/events`, { lastEventId: events.events.at(-1)!.id });
    const resumedRun = await learner.client.stream(`/api/runs/${run.id}/events`, { lastEventId: run.stream.events.at(-1)!.id });
    expect([resumedEvents.status, resumedRun.status]).toEqual([200, 200]);
    await resumedEvents.next((e) => e.type === "hint" && e.data.text === "while away");
    expect((await hint("after the stop")).status).toBe(201);
    await resumedEvents.next((e) => e.type === "hint" && e.data.text === "after the stop");
    const workshopEvents = [...events.events, ...resumedEvents.events];
    expect(workshopEvents.map((e) => e.type === "hint" ? e.data.text : e.type)).toEqual(["hello", "before the stop", "while away", "after the stop"]);
    expect(workshopEvents[0]!.id).toBe(hello.id);
    const ids = workshopEvents.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);

    const end = await endOf(resumedRun);
    const runEvents = [...run.stream.events, ...resumedRun.events];
    // A run's events are numbered 1, 2, 3, … on its runner: every one exactly once, in order.
    expect(runEvents.map((e) => e.id)).toEqual(runEvents.map((_, i) => i + 1));
    expect(end.data.status).toBe("ok");
    expect(printed(runEvents)).toBe(Array.from({ length: 20 }, (_, i) => `tick ${i + 1}\n`).join(""));
    await reportRun(learner, code, run.id, "ok", "tick 20");

    resumedEvents.close();
    resumedRun.close();
    // The site that stayed up serves every learner now, and the board is still true.
    await expectBoardTrue();
  });
});
