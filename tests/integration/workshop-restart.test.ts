/**
 * Nothing a workshop needs lives only in memory: a server restarted on the same
 * data folder keeps every learner signed in, the board intact and the event ids
 * going on; shutting down ends open streams (so clients reconnect) instead of
 * hanging. And a server whose database cannot open still serves the rest.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Client, firstLesson, startWorkshopServer } from "./workshop-harness";

const dir = mkdtempSync(join(tmpdir(), "zmqp-ws-restart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a restart mid-workshop", () => {
  it("loses nothing: cookies, board, hands, hints, event ids", async () => {
    const env = { WORKSHOP_DATA_DIR: join(dir, "db") };
    const lesson = firstLesson();
    let server = await startWorkshopServer({ env });
    const instructor = new Client(server.url);
    const created = await instructor.post("/api/workshops", { title: "Restart", items: [{ lesson: lesson.slug }] });
    const code = created.body.code as string;
    await instructor.post(`/api/workshops/${code}/instructor`, { key: created.body.instructorKey });
    const ada = new Client(server.url);
    const adaId = (await ada.post(`/api/workshops/${code}/join`, { name: "Ada" })).body.learner.id as string;
    await ada.post(`/api/workshops/${code}/activity`, { type: "location", lesson: lesson.slug, anchor: "before" });
    await ada.post(`/api/workshops/${code}/hand`, { raised: true, message: "still there?" });
    await instructor.post(`/api/workshops/${code}/learners/${adaId}/hint`, { text: "kept" });

    const learnerStream = await ada.stream(`/api/workshops/${code}/events`);
    const hello = await learnerStream.next((e) => e.type === "hello");
    const board = await instructor.stream(`/api/workshops/${code}/board/events`);
    await board.next((e) => e.type === "hello");
    const boardBefore = (await instructor.call(`/api/workshops/${code}/board`)).body;
    // Sent while the learner's stream is open, then the server goes away: the stream must end, not hang.
    await instructor.post(`/api/workshops/${code}/focus`, { lesson: lesson.slug, anchor: "during" });
    const seen = await learnerStream.next((e) => e.type === "workshop");
    await instructor.post(`/api/workshops/${code}/learners/${adaId}/hint`, { text: "missed while away" });
    await server.close();
    await learnerStream.closedByServer();
    await board.closedByServer();

    server = await startWorkshopServer({ env });
    for (const client of [ada, instructor]) client.base = server.url;
    const me = await ada.call(`/api/workshops/${code}/me`);
    expect(me.status).toBe(200);
    expect(me.body.learner).toEqual({ id: adaId, name: "Ada" });
    expect(me.body.hand).toEqual({ raised: true, message: "still there?" });
    expect(me.body.hints.map((h: { text: string }) => h.text)).toEqual(["kept", "missed while away"]);
    expect(me.body.workshop.focus).toMatchObject({ lesson: lesson.slug, anchor: "during" });
    const boardAfter = (await instructor.call(`/api/workshops/${code}/board`)).body;
    expect(boardAfter.learners.map((t: { id: string; location: unknown; hand: unknown }) => [t.id, t.location, t.hand])).toEqual(
      boardBefore.learners.map((t: { id: string; location: unknown; hand: unknown }) => [t.id, t.location, t.hand]),
    );

    // The reconnecting EventSource sends the last id it saw: it gets what it missed, then new events with higher ids.
    const resumed = await ada.stream(`/api/workshops/${code}/events`, { lastEventId: seen.id });
    await resumed.next((e) => e.type === "hint" && e.data.text === "missed while away");
    await instructor.post(`/api/workshops/${code}/learners/${adaId}/hint`, { text: "after restart" });
    const after = await resumed.next((e) => e.type === "hint" && e.data.text === "after restart");
    expect(after.id).toBeGreaterThan(seen.id);
    expect(resumed.events.map((e) => e.type)).toEqual(["hint", "hint"]);
    expect(hello.id).toBeLessThan(seen.id);
    resumed.close();
    await server.close();
  }, 90_000); // two database opens on shared CI cores
});

describe("a database that cannot open", () => {
  it("makes workshop endpoints answer 503 while the runner keeps working", async () => {
    const blocker = join(dir, "a-file");
    writeFileSync(blocker, "not a folder");
    const server = await startWorkshopServer({ env: { WORKSHOP_DATA_DIR: join(blocker, "db") } });
    try {
      const client = new Client(server.url);
      for (const path of ["/api/workshops/ABCDEF", "/api/workshops"]) {
        const reply = await client.call(path, path === "/api/workshops" ? { body: { title: "t", items: [] } } : {});
        expect(reply.status).toBe(503);
        expect(reply.body.error.code).toBe("workshops-unavailable");
        expect(reply.body.error.message).toMatch(/database could not be opened/);
      }
      expect((await client.call("/api/health")).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
