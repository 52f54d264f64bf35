import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { lessonChecks } from "../../content/checks";

let base: string;
afterEach(() => rmSync(base, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  base = mkdtempSync(join(tmpdir(), "checks-test-"));
  const root = join(base, "lessons");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const CHECK = { title: "Prints ten", expect: { status: "ok", lastLine: { main: "^10$" } } };
const EXERCISE = JSON.stringify({ title: "Count", check: CHECK, variants: { starter: { label: "Starter" }, solution: { label: "Solution" } } });

describe("lessonChecks", () => {
  it("finds an exercise's check from its snippet.json alone (the lesson's MDX is not read)", () => {
    const root = tree({
      // Not valid MDX, and no front matter: the checks do not care.
      "01-first/lesson.mdx": "<Note>unclosed",
      "01-first/snippets/count/snippet.json": EXERCISE,
      "01-first/snippets/count/starter/main.ts": "",
      "01-first/snippets/count/solution/main.ts": "",
    });
    const checks = lessonChecks(root);
    expect(checks({ lesson: "01-first", snippet: "count", variant: "starter" })).toEqual({ check: CHECK });
    expect(checks({ lesson: "01-first", snippet: "count", variant: "solution" })).toEqual({ check: CHECK });
    expect(checks({ lesson: "01-first", snippet: "count", variant: "main" })).toBeUndefined();
    expect(checks({ lesson: "01-first", snippet: "other", variant: "starter" })).toBeUndefined();
    expect(checks({ lesson: "..", snippet: "count", variant: "starter" })).toBeUndefined();
  });

  it("turns checks off, saying so once, when the snippets cannot be read", () => {
    const root = tree({ "01-first/snippets/count/snippet.json": "{ not json" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const checks = lessonChecks(root);
    expect(checks({ lesson: "01-first", snippet: "count", variant: "starter" })).toBeUndefined();
    expect(checks({ lesson: "01-first", snippet: "count", variant: "solution" })).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
