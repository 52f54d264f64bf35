/** Concurrency, the FIFO queue, 429s, per-client rate limits and runs nobody watches. */
import { afterEach, describe, expect, it } from "vitest";
import { main, readEvents, request, startRunner, type TestServer } from "./harness";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const sleeper = (ms: number, text = "done") => main(`await new Promise((r) => setTimeout(r, ${ms})); console.log("${text}");`, 20_000);

describe("capacity", () => {
  it("queues runs beyond the slots in FIFO order, with positions, and does not count queue time", async () => {
    server = await startRunner({ concurrency: 1, queueMax: 5, rateBurst: 100 });
    const ids: string[] = [];
    for (const text of ["first", "second", "third"]) {
      const response = await request(server.url, "/api/runs", { body: sleeper(1200, text) });
      expect(response.status).toBe(202);
      ids.push(response.body.id);
    }
    const [first, second, third] = await Promise.all(ids.map((id) => readEvents(server!.url, id)));
    expect(first!.some((e) => e.type === "queued")).toBe(false);
    expect(second!.filter((e) => e.type === "queued").map((e) => e.data.position)).toEqual([1]);
    expect(third!.filter((e) => e.type === "queued").map((e) => e.data.position)).toEqual([2, 1]);
    for (const events of [first!, second!, third!]) expect(events.at(-1)!.data.status).toBe("ok");
    // Each waited for the ones before, but its own clock started when it started.
    expect(third!.at(-1)!.data.durationMs).toBeLessThan(2_000);
    const ended = server.logs.map((line) => line.id);
    expect(ended).toEqual(ids);
  });

  it("answers 429 with Retry-After when the queue is full", async () => {
    server = await startRunner({ concurrency: 1, queueMax: 1, rateBurst: 100 });
    const a = await request(server.url, "/api/runs", { body: sleeper(3000) });
    const b = await request(server.url, "/api/runs", { body: sleeper(3000) });
    const c = await request(server.url, "/api/runs", { body: sleeper(3000) });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(c.status).toBe(429);
    expect(c.body.error.code).toBe("queue-full");
    expect(Number(c.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const health = await request(server.url, "/api/health");
    expect(health.body.runs).toMatchObject({ running: 1, queued: 1 });
    // Stopping a queued run takes it out of the queue at once.
    expect((await request(server.url, `/api/runs/${b.body.id}/stop`, { method: "POST" })).status).toBe(200);
    expect((await readEvents(server.url, b.body.id)).at(-1)!.data.status).toBe("stopped");
    await request(server.url, `/api/runs/${a.body.id}/stop`, { method: "POST" });
  });

  it("rate-limits one client but not the runner as a whole", async () => {
    server = await startRunner({ rateBurst: 2, ratePerMinute: 6 });
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof request>> | undefined;
    for (let i = 0; i < 3; i++) {
      const response = await request(server.url, "/api/runs", { body: main(`console.log(${i})`) });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses).toEqual([202, 202, 429]);
    expect(limited!.body.error.code).toBe("rate-limited");
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited!.body.error.message).toMatch(/in \d+ s/);
  });

  it("stops a run whose events nobody reads", async () => {
    server = await startRunner({ unwatchedMs: 1_500 });
    const started = await request(server.url, "/api/runs", { body: sleeper(15_000) });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const events = await readEvents(server.url, started.body.id);
    const end = events.at(-1)!.data;
    expect(end.status).toBe("stopped");
    expect(end.message).toMatch(/nobody read its output/);
    expect(end.durationMs).toBeLessThan(4_000);
  });

  it("keeps a watched run going and a reconnecting client in time", async () => {
    server = await startRunner({ unwatchedMs: 1_500 });
    const started = await request(server.url, "/api/runs", { body: sleeper(2_500, "still watched") });
    const first = await readEvents(server.url, started.body.id, { until: (e) => e.type === "start" });
    // A short network drop, then the client reconnects where it left off.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rest = await readEvents(server.url, started.body.id, { lastEventId: first.at(-1)!.id });
    expect(rest.at(-1)!.data.status).toBe("ok");
    expect(rest.find((e) => e.type === "stdout")!.data.data).toBe("still watched\n");
  });
});
