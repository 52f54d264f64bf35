/** A whole workshop through the real HTTP API: create, join, follow, broadcast, board, hint, hand, end, export. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, firstLesson, startWorkshopServer, type WorkshopServer } from "./workshop-harness";

let server: WorkshopServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zmqp-ws-flow-"));
  server = await startWorkshopServer({ env: { WORKSHOP_DATA_DIR: join(dir, "db") } });
}, 60_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a workshop from start to end", () => {
  it("runs the whole flow", async () => {
    const lesson = firstLesson();
    const instructor = new Client(server.url);
    const created = await instructor.post("/api/workshops", { title: "ZeroMQ in an hour", items: [{ lesson: lesson.slug }, { lesson: lesson.slug, snippet: lesson.snippet.id }] });
    expect(created.status).toBe(201);
    const { code, instructorKey, joinPath, instructorPath } = created.body;
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(joinPath).toBe(`/w/${code}`);
    expect(instructorPath).toBe(`/w/${code}/instructor#key=${instructorKey}`);

    const summary = await new Client(server.url).call(`/api/workshops/${code.toLowerCase()}`);
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({ code, title: "ZeroMQ in an hour", items: [{ lesson: lesson.slug }, { lesson: lesson.slug, snippet: lesson.snippet.id }], endsAt: null, endedAt: null, focus: null });

    expect((await instructor.post(`/api/workshops/${code}/instructor`, { key: instructorKey })).status).toBe(204);
    expect(instructor.cookies.has(`zmqp_i_${code}`)).toBe(true);
    const board = await instructor.stream(`/api/workshops/${code}/board/events`);
    expect(board.status).toBe(200);
    const hello = await board.next((e) => e.type === "hello");
    expect(hello.data.learners).toEqual([]);

    const ada = new Client(server.url);
    const joined = await ada.post(`/api/workshops/${code}/join`, { name: "  Ada " });
    expect(joined.status).toBe(201);
    expect(joined.body.learner.name).toBe("Ada");
    const adaId = joined.body.learner.id;
    await board.next((e) => e.type === "learner" && e.data.id === adaId);

    const learnerEvents = await ada.stream(`/api/workshops/${code}/events`);
    const me = await learnerEvents.next((e) => e.type === "hello");
    expect(me.data.learner).toEqual({ id: adaId, name: "Ada" });

    expect((await ada.post(`/api/workshops/${code}/activity`, { type: "location", lesson: lesson.slug, anchor: "intro" })).status).toBe(204);
    const located = await board.next((e) => e.type === "learner" && e.data.location?.anchor === "intro");
    expect(located.data.location).toEqual({ lesson: lesson.slug, anchor: "intro" });
    expect(located.data.online).toBe(true);

    const files = [{ name: "main.ts", content: "console.log('mine')" }];
    expect((await ada.post(`/api/workshops/${code}/activity`, { type: "code", lesson: lesson.slug, snippet: lesson.snippet.id, variant: "main", files })).status).toBe(204);
    const detail = await instructor.call(`/api/workshops/${code}/learners/${adaId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.code.files).toEqual(files);

    expect((await instructor.post(`/api/workshops/${code}/focus`, { lesson: lesson.slug, anchor: lesson.snippet.id })).status).toBe(204);
    const focus = await learnerEvents.next((e) => e.type === "focus");
    expect(focus.data).toMatchObject({ lesson: lesson.slug, anchor: lesson.snippet.id });

    const broadcast = await instructor.post(`/api/workshops/${code}/broadcasts`, { lesson: lesson.slug, snippet: lesson.snippet.id, files });
    expect(broadcast.status).toBe(201);
    expect(broadcast.body.processes.length).toBeGreaterThan(0);
    expect((await learnerEvents.next((e) => e.type === "broadcast")).data).toEqual(broadcast.body);

    expect((await ada.post(`/api/workshops/${code}/hand`, { raised: true, message: "stuck on REQ" })).status).toBe(204);
    const raised = await board.next((e) => e.type === "learner" && e.data.hand?.raised === true);
    expect(raised.data.hand.message).toBe("stuck on REQ");

    const hint = await instructor.post(`/api/workshops/${code}/learners/${adaId}/hint`, { text: "Bind before you connect." });
    expect(hint.status).toBe(201);
    expect((await learnerEvents.next((e) => e.type === "hint")).data).toEqual(hint.body);

    expect((await instructor.post(`/api/workshops/${code}/learners/${adaId}/hand`, { raised: false })).status).toBe(204);
    expect((await learnerEvents.next((e) => e.type === "hand")).data).toEqual({ raised: false, by: "instructor" });

    const mine = await ada.call(`/api/workshops/${code}/me`);
    expect(mine.body.hints).toEqual([hint.body]);
    expect(mine.body.broadcasts).toEqual([broadcast.body]);
    expect(mine.body.hand).toBeNull();

    const csv = await instructor.call(`/api/workshops/${code}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="workshop-${code}.csv"`);
    expect(csv.text).toContain("Ada,");

    expect((await instructor.post(`/api/workshops/${code}/end`, {})).status).toBe(204);
    expect((await instructor.post(`/api/workshops/${code}/end`, {})).status).toBe(204);
    expect((await learnerEvents.next((e) => e.type === "ended")).data.at).toBeTruthy();
    const late = await new Client(server.url).post(`/api/workshops/${code}/join`, { name: "Late" });
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe("workshop-ended");
    board.close();
    learnerEvents.close();
  });
});
