/**
 * Text PostgreSQL cannot hold (NUL, half a surrogate pair), on a real PostgreSQL
 * server (DATABASE_URL): refused with 400 where people type it, made storable in a
 * learner's code and in a reported run, which then counts. Never a 500.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startCluster } from "./workshop-postgres";
import { Client, exerciseSnippet, firstLesson, startWorkshopServer, type WorkshopServer } from "./workshop-harness";

const cluster = startCluster();
let server: WorkshopServer;

beforeAll(async () => {
  server = await startWorkshopServer({ env: { DATABASE_URL: await cluster.url("web_guards") }, runner: { rateBurst: 0, ratePerMinute: 0 } });
}, 60_000);
afterAll(async () => {
  await server?.close();
  cluster.stop();
});

it("keeps a learner's NUL-bearing code and run (counted, the exercise passed) and refuses such text where people type it", async () => {
  const { lesson, snippet: exercise, solution } = exerciseSnippet();
  const instructor = new Client(server.url);
  const created = await instructor.post("/api/workshops", { title: "Postgres text", items: [{ lesson, snippet: exercise.id }] });
  expect(created.status).toBe(201);
  const code = created.body.code as string;
  const auth = { authorization: `Bearer ${created.body.instructorKey}` };
  const learner = new Client(server.url);
  const joined = await learner.post(`/api/workshops/${code}/join`, { name: "Nul" });
  const id = joined.body.learner.id as string;

  const entry = solution.processes?.[0]?.entry ?? "main.ts";
  const files = { ...solution.files, [entry]: `process.stdout.write("nul:\\u0000:end\\n"); // \u0000 \ud800\n${solution.files[entry]}` };
  const started = await learner.post("/api/runs", { files, processes: solution.processes, timeoutMs: solution.timeoutMs, lesson, snippet: exercise.id, variant: "starter" });
  expect(started.status).toBe(202);
  await server.runner.get(started.body.id)!.done;
  expect((await learner.post(`/api/workshops/${code}/activity`, { type: "run", runId: started.body.id })).status).toBe(204);
  const detail = await instructor.call(`/api/workshops/${code}/learners/${id}`, { headers: auth });
  expect(detail.body.tile).toMatchObject({ runs: 1, passed: [`${lesson}/${exercise.id}`] });
  expect(detail.body.output.text).toContain("nul:\uFFFD:end");
  expect(detail.body.code.files.find((f: { name: string }) => f.name === entry).content).toContain("// \uFFFD \uFFFD\n");

  const activity = await learner.post(`/api/workshops/${code}/activity`, {
    type: "code", lesson: firstLesson().slug, snippet: firstLesson().snippet.id, variant: "main", files: [{ name: "main.ts", content: "\u0000\udc00" }],
  });
  expect(activity.status).toBe(204);
  expect((await learner.post(`/api/workshops/${code}/hand`, { raised: true, message: "\ud800" })).status).toBe(400);
  expect((await instructor.post(`/api/workshops/${code}/learners/${id}/hint`, { text: "\udfff" }, auth)).status).toBe(400);
  expect((await instructor.post(`/api/workshops/${code}/broadcasts`, { lesson, snippet: exercise.id, files: [{ name: "main.ts", content: "\u0000" }] }, auth)).status).toBe(400);
  expect((await new Client(server.url).post("/api/workshops", { title: "\ud800", items: [{ lesson }] })).status).toBe(400);
});
