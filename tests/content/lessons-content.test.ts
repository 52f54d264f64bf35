/**
 * Lesson content is checked like code: every file of every snippet compiles,
 * and every variant, run through the real runner and sandbox, shows what its
 * lesson claims (the `expect` in its snippet.json).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lessonChecks } from "../../content/checks";
import { loadLessons, lessonsRoot } from "../../content/loader";
import { transpile } from "../../runner/transpile";
import { startRunner, type TestServer } from "../integration/harness";
import { runVariant } from "./run-variant";
import { unmetMessages } from "./messages";
import { buildDiagram } from "../../app/components/trace/diagram";
import { readTraceEvent } from "../../app/components/trace/read";

const lessons = loadLessons(lessonsRoot());
const variants = lessons.flatMap((lesson) =>
  lesson.snippetDetails.flatMap((snippet) => snippet.variants.map((variant) => ({ lesson, snippet, variant }))),
);

// One client runs every variant: its running and waiting caps are raised to the suite's concurrency.
let server: TestServer;
beforeAll(async () => {
  server = await startRunner({ rateBurst: 1000, queueMax: 1000, clientRunning: 16, clientQueued: 16 });
  server.runner.checks = lessonChecks();
});
afterAll(() => server.close());

describe("lesson content", () => {
  it("has lessons, and every variant says what it must show", () => {
    expect(lessons.length).toBeGreaterThan(0);
    for (const { lesson, snippet, variant } of variants) {
      expect(variant.expect, `${lesson.slug}/${snippet.id}/${variant.id} has no "expect"`).toBeDefined();
    }
  });

  for (const { lesson, snippet, variant } of variants) {
    it(`${lesson.slug} › ${snippet.id} › ${variant.id}: every file compiles`, async () => {
      await expect(transpile(variant.files, Object.keys(variant.files))).resolves.toBeDefined();
    });
  }

  // The runs go side by side (maxConcurrency in vitest.config.ts): most demos wait on
  // purpose, for timeouts and heartbeats. A test that is not concurrent between two that
  // are would make vitest run them one by one, so the runs come after all the compiles.
  for (const { lesson, snippet, variant } of variants) {
    const name = `${lesson.slug} › ${snippet.id} › ${variant.id}`;

    it.concurrent(`${name}: shows what the lesson says`, { timeout: 90_000 }, async () => {
      const traced = snippet.trace === true;
      const { events, end, problems, why } = await runVariant(server.url, variant, { lesson: lesson.slug, snippet: snippet.id, variant: variant.id, ...(traced ? { trace: true } : {}) });
      expect(problems, why).toEqual([]);
      // A snippet the lesson traces shows its sockets in the Messages view: traced, it prints the same and its sockets are there.
      if (traced) {
        const ops = new Set(events.filter((e) => e.type === "trace").map((e) => e.data.op));
        expect([...ops], "trace ops").toEqual(expect.arrayContaining(["open"]));
        expect(ops.has("send") || ops.has("wait"), "a traced snippet sends or waits").toBe(true);
        // What the prose says the Messages view shows, read from the diagram the page draws.
        const unmet = unmetMessages(variant.messages ?? {}, buildDiagram(events.filter((e) => e.type === "trace").map((e) => readTraceEvent(e.data)!), true));
        expect(unmet, "Messages view").toEqual([]);
      }
      // A variant's note comes with the end of every run that shows what the variant expects.
      if (variant.expect?.note) {
        expect(end.note, "end.note").toMatch(/\S/);
        expect(end.note).not.toMatch(/[{}]/);
      } else {
        expect(end.note).toBeUndefined();
      }
      // Exercises: the runner's check fails every starter and passes every solution.
      const check = events.find((e) => e.type === "check");
      if (snippet.check && (variant.id === "starter" || variant.id === "solution")) {
        expect(check?.data, "no check event").toBeDefined();
        expect(check!.data.passed, `${variant.id} check: ${check!.data.details.join(" ")}`).toBe(variant.id === "solution");
        expect(check!.id).toBe(events.at(-1)!.id - 1);
      } else {
        expect(check).toBeUndefined();
      }
    });
  }
});
