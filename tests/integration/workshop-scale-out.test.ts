/**
 * The scale-out path: two servers on one PostgreSQL (DATABASE_URL). A learner on
 * one server and the instructor on the other see each other's changes live, and
 * cookies signed by one are valid on the other (the key is in the database).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, firstLesson, startWorkshopServer, type WorkshopServer } from "./workshop-harness";
import { startCluster, type TestCluster } from "./workshop-postgres";

let cluster: TestCluster;
let a: WorkshopServer;
let b: WorkshopServer;
beforeAll(async () => {
  cluster = startCluster();
  const env = { DATABASE_URL: await cluster.url("scale_out") };
  [a, b] = await Promise.all([startWorkshopServer({ env }), startWorkshopServer({ env })]);
}, 60_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  cluster?.stop();
});

describe("two servers on one PostgreSQL", () => {
  it("share workshops, cookies and live events", async () => {
    const lesson = firstLesson();
    const instructor = new Client(b.url);
    const created = await instructor.post("/api/workshops", { title: "Scaled", items: [{ lesson: lesson.slug }] });
    const code = created.body.code as string;
    expect((await instructor.post(`/api/workshops/${code}/instructor`, { key: created.body.instructorKey })).status).toBe(204);
    const board = await instructor.stream(`/api/workshops/${code}/board/events`);
    await board.next((e) => e.type === "hello");

    const ada = new Client(a.url);
    const adaId = (await ada.post(`/api/workshops/${code}/join`, { name: "Ada" })).body.learner.id as string;
    const stream = await ada.stream(`/api/workshops/${code}/events`);
    await stream.next((e) => e.type === "hello");
    await ada.post(`/api/workshops/${code}/activity`, { type: "location", lesson: lesson.slug, anchor: "over-there" });
    const tile = await board.next((e) => e.type === "learner" && e.data.location?.anchor === "over-there");
    expect(tile.data.id).toBe(adaId);

    await instructor.post(`/api/workshops/${code}/learners/${adaId}/hint`, { text: "from server B" });
    expect((await stream.next((e) => e.type === "hint")).data.text).toBe("from server B");

    // The learner's cookie, signed on A, works on B.
    ada.base = b.url;
    expect((await ada.call(`/api/workshops/${code}/me`)).body.learner.id).toBe(adaId);
    stream.close();
    board.close();
  });
});
