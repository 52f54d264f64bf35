/**
 * The site on a fleet of runners (fleet/): real runner processes behind the site's
 * fleet handler (the one server.ts mounts with RUNNER_URLS). A run goes to a runner
 * that takes runs; a runner that dies ends its runs' streams with "error"; a runner
 * told to stop (SIGTERM, RUNNER_DRAIN_MS) finishes its runs and takes no new one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configFromEnv } from "../../runner/config";
import type { RunRecord } from "../../runner/protocol";
import { FleetHttp, RUNNER_GONE_MESSAGE, RunnerFleet, parseRunnerUrls, splitRunId } from "../../fleet";
import { listen, main, readEvents, request, runToEnd } from "./harness";
import { buildRunnerBundle, exited, killAll, startStandalone } from "./standalone";

const TOKEN = "fleet-test-token-0123456789";
const RUNNER_ENV = { RUNNER_FLEET_TOKEN: TOKEN, RUNNER_TRUST_PROXY: "1", RUNNER_RATE_PER_MINUTE: "0", RUNNER_RATE_ADDRESS_PER_MINUTE: "0", RUNNER_WARM_MIN: "1" };

/** A site handler over the given runners (polled every 200 ms, so a death is seen quickly). */
async function site(bases: string[]) {
  const fleet = new RunnerFleet(parseRunnerUrls(bases.join(",")), { pollMs: 200 });
  await fleet.start();
  const http = new FleetHttp(fleet, { config: configFromEnv(process.env), token: TOKEN });
  const server = await listen((req, res) => http.handle(req, res));
  return {
    url: server.url,
    fleet,
    async close() {
      fleet.close();
      http.closeStreams();
      await server.stop();
    },
  };
}

/** Which runner (by its base address) holds a run the site started. */
function holder(s: Awaited<ReturnType<typeof site>>, id: string): string {
  const key = splitRunId(id)!.key;
  return s.fleet.members().find((m) => m.key === key)!.url;
}

const sleeper = (ms: number) => main(`console.log("ready"); setTimeout(() => console.log("done"), ${ms});`, Math.min(60_000, ms + 10_000));

beforeAll(buildRunnerBundle);
afterAll(killAll);

describe("the site on a runner fleet", () => {
  it("runs code on the runners, spread over them, with the same API", async () => {
    const a = await startStandalone(RUNNER_ENV);
    const b = await startStandalone(RUNNER_ENV);
    const s = await site([a.base, b.base]);
    try {
      const { end, output } = await runToEnd(s.url, main(`console.log("on the fleet")`));
      expect([end.status, output("main")]).toEqual(["ok", "on the fleet\n"]);
      // A burst spreads: runs sent since the last poll count as load.
      const posts = await Promise.all(Array.from({ length: 6 }, (_, i) => request(s.url, "/api/runs", { body: sleeper(300), headers: { cookie: `zmqp_v=${`visitor${i}`.padEnd(22, "x")}` } })));
      expect(posts.map((p) => p.status)).toEqual([202, 202, 202, 202, 202, 202]);
      expect(new Set(posts.map((p) => holder(s, p.body.id))).size).toBe(2);
      for (const post of posts) {
        expect(post.body.events).toBe(`/api/runs/${post.body.id}/events`);
        const events = await readEvents(s.url, post.body.id);
        expect(events.at(-1)!.data.status).toBe("ok");
      }
      // What the runner refuses, the site answers the same way; ids that are not the fleet's are unknown.
      expect((await request(s.url, "/api/runs", { raw: "{" })).status).toBe(400);
      expect((await request(s.url, "/api/runs/zzzzzzzz/events")).status).toBe(404);
      expect((await request(s.url, `/api/runs/00000000${"A".repeat(16)}/events`)).status).toBe(404);
      const health = await request(s.url, "/api/health");
      expect([health.status, health.body.status, health.body.fleet.length]).toEqual([200, "ok", 2]);
    } finally {
      await s.close();
      a.child.kill("SIGKILL");
      b.child.kill("SIGKILL");
    }
  });

  it("ends the runs of a runner that dies with an error, and sends new runs to the others", async () => {
    const a = await startStandalone(RUNNER_ENV);
    const b = await startStandalone(RUNNER_ENV);
    const s = await site([a.base, b.base]);
    try {
      const started = await request(s.url, "/api/runs", { body: sleeper(60_000) });
      expect(started.status).toBe(202);
      const seen: number[] = [];
      const reading = readEvents(s.url, started.body.id, { onEvent: (e) => seen.push(e.id) });
      await new Promise<void>((resolve) => {
        const check = setInterval(() => seen.length >= 2 && (clearInterval(check), resolve()), 50);
      });
      const victim = holder(s, started.body.id) === a.base ? a : b;
      victim.child.kill("SIGKILL");
      await exited(victim.child);
      const events = await reading;
      const end = events.at(-1)!;
      expect([end.type, end.data.status, end.data.message]).toEqual(["end", "error", RUNNER_GONE_MESSAGE]);
      expect(end.id).toBe(events.at(-2)!.id + 1);
      // Coming back for it (Last-Event-ID) gets the same end, not a hang.
      const again = await readEvents(s.url, started.body.id, { lastEventId: end.id - 1 });
      expect(again.map((e) => [e.id, e.type, e.data.status])).toEqual([[end.id, "end", "error"]]);
      // New runs go to the runner that is left.
      for (let i = 0; i < 3; i++) {
        const { end: next, output } = await runToEnd(s.url, main(`console.log("survivor")`));
        expect([next.status, output("main")]).toEqual(["ok", "survivor\n"]);
      }
    } finally {
      await s.close();
      a.child.kill("SIGKILL");
      b.child.kill("SIGKILL");
    }
  });

  it("lets a runner told to stop finish its runs while it takes no new one", async () => {
    const a = await startStandalone({ ...RUNNER_ENV, RUNNER_DRAIN_MS: "20000" });
    const s = await site([a.base]);
    try {
      const started = await request(s.url, "/api/runs", { body: sleeper(1500) });
      const reading = readEvents(s.url, started.body.id);
      await readEvents(s.url, started.body.id, { until: (e) => e.type === "stdout" });
      a.child.kill("SIGTERM");
      // Draining: health says so with 503, and a new run is refused (the site would try another runner).
      let health = await request(a.base, "/api/health");
      for (let i = 0; i < 50 && health.body.status !== "draining"; i++) health = await request(a.base, "/api/health");
      expect([health.status, health.body.status]).toEqual([503, "draining"]);
      const refused = await request(a.base, "/api/runs", { body: main(`console.log(1)`) });
      expect([refused.status, refused.body.error.code]).toEqual([503, "runner-draining"]);
      const viaSite = await request(s.url, "/api/runs", { body: main(`console.log(1)`) });
      expect(viaSite.status).toBe(503);
      const events = await reading;
      expect(events.filter((e) => e.type === "stdout").map((e) => e.data.data).join("")).toBe("ready\ndone\n");
      expect(events.at(-1)!.data, JSON.stringify(events.slice(-3))).toMatchObject({ status: "ok" });
      await exited(a.child);
      expect(a.child.exitCode).toBe(0);
    } finally {
      await s.close();
      a.child.kill("SIGKILL");
    }
  });

  it("takes the site's word for whose run it is only with the fleet's token", async () => {
    const a = await startStandalone({ ...RUNNER_ENV, RUNNER_CLIENT_RUNNING: "1", RUNNER_CLIENT_QUEUED: "0" });
    try {
      const post = (visitor: string, headers: Record<string, string>) =>
        request(a.base, "/api/runs", { body: sleeper(60_000), headers: { cookie: `zmqp_v=${visitor.padEnd(22, "y")}`, "x-runner-client": "learner:same", ...headers } });
      // Without the token (or with a wrong one) each visitor is its own client: both run.
      expect((await post("one", {})).status).toBe(202);
      expect((await post("two", { authorization: "Bearer wrong-token-wrong-token-xx" })).status).toBe(202);
      // With it, both are the one learner the site named: the second is over that learner's one run.
      expect((await post("three", { authorization: `Bearer ${TOKEN}` })).status).toBe(202);
      expect((await post("four", { authorization: `Bearer ${TOKEN}` })).status).toBe(429);
    } finally {
      a.child.kill("SIGKILL");
    }
  });

  it("hands a run's record (whose run, what it showed) to the fleet's sites only, for workshops on any replica", async () => {
    const a = await startStandalone(RUNNER_ENV);
    const s = await site([a.base]);
    const fleet = new FleetHttp(s.fleet, { config: configFromEnv(process.env), token: TOKEN, clientKey: () => "learner:abc" });
    const learnerSite = await listen((req, res) => fleet.handle(req, res));
    try {
      const started = await request(learnerSite.url, "/api/runs", { body: main(`console.log("mine")`) });
      const events = await readEvents(learnerSite.url, started.body.id);
      // Another replica (a handler of its own over the same fleet) reads it by the site's id.
      const record = (await fleet.record(started.body.id)) as RunRecord;
      expect(record).toMatchObject({ id: started.body.id, client: "learner:abc", state: "ended", request: { files: { "main.ts": `console.log("mine")` } } });
      expect(record.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
      // To anyone without the token the address does not exist.
      const remoteId = splitRunId(started.body.id)!.remoteId;
      expect((await request(a.base, `/api/runs/${remoteId}/record`)).status).toBe(404);
      expect((await request(a.base, `/api/runs/${remoteId}/record`, { headers: { authorization: "Bearer nope" } })).status).toBe(404);
      expect(await new FleetHttp(s.fleet, { config: configFromEnv(process.env) }).record(started.body.id)).toBeUndefined();
      expect(await fleet.record("zz")).toBeUndefined();
    } finally {
      await learnerSite.stop();
      await s.close();
      a.child.kill("SIGKILL");
    }
  });
});
