/**
 * The playground's templates are content too: every file compiles, and every
 * template, run through the real runner and sandbox, ends as its snippet.json
 * says (templates/README.md).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTemplates } from "../../content/templates";
import { transpile } from "../../runner/transpile";
import { startRunner, type TestServer } from "../integration/harness";
import { runVariant } from "./run-variant";

const templates = loadTemplates();

// One client runs every variant: its running and waiting caps are raised to the suite's concurrency.
let server: TestServer;
beforeAll(async () => {
  server = await startRunner({ rateBurst: 1000, queueMax: 1000, clientRunning: 16, clientQueued: 16 });
});
afterAll(() => server.close());

describe("playground templates", () => {
  it("has the four patterns, each in 2–3 processes and saying what it must show", () => {
    expect(templates.map((t) => t.id)).toEqual(["pipeline", "pub-sub", "req-rep", "router-dealer"]);
    for (const { id, variant } of templates) {
      expect(variant.expect, `${id} has no "expect"`).toBeDefined();
      expect(variant.processes?.length, id).toBeGreaterThanOrEqual(2);
      expect(variant.processes?.length, id).toBeLessThanOrEqual(3);
    }
  });

  for (const { id, variant } of templates) {
    it(`${id}: every file compiles`, async () => {
      await expect(transpile(variant.files, Object.keys(variant.files))).resolves.toBeDefined();
    });
  }

  // After the compiles, so that the runs go side by side (see lessons-content.test.ts).
  for (const { id, variant } of templates) {
    it.concurrent(`${id}: runs and shows what it says`, { timeout: 90_000 }, async () => {
      const { problems, why } = await runVariant(server.url, variant, { playground: "scratch" });
      expect(problems, why).toEqual([]);
    });
  }
});
