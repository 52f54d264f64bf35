import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LessonError, loadLessons, parseFrontMatter } from "../../content/loader";

let root: string;
afterEach(() => rmSync(dirname(root), { recursive: true, force: true }));

/** Writes a lessons tree: path → content, under a fresh temporary `lessons/` folder. */
function tree(files: Record<string, string>): string {
  root = join(mkdtempSync(join(tmpdir(), "lessons-test-")), "lessons");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const LESSON = `---
title: First steps
summary: A short summary.
---

## Hello world

Some *prose* about \`zeromq\`.

### A detail

<Playground snippet="hello" />
`;
const SNIPPET = JSON.stringify({ title: "Hello", variants: { main: { label: "Run it", expect: { status: "ok" } } } });
const valid = {
  "01-first-steps/lesson.mdx": LESSON,
  "01-first-steps/snippets/hello/snippet.json": SNIPPET,
  "01-first-steps/snippets/hello/main/main.ts": `console.log("hi");`,
};

function loadError(files: Record<string, string>): LessonError {
  try {
    loadLessons(tree(files));
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error("expected a LessonError");
}

describe("loadLessons", () => {
  it("reads part, slug, front matter, headings, text and snippets from the folders", () => {
    const [lesson, ...rest] = loadLessons(
      tree({
        ...valid,
        "12-debugging/lesson.mdx": LESSON.replace("First steps", "Debugging"),
        "12-debugging/snippets/hello/snippet.json": SNIPPET,
        "12-debugging/snippets/hello/main/main.ts": "",
      }),
    );
    expect(lesson).toMatchObject({ slug: "01-first-steps", part: 1, title: "First steps", summary: "A short summary.", snippets: ["hello"] });
    expect(lesson!.headings).toEqual([
      { depth: 2, text: "Hello world", slug: "hello-world" },
      { depth: 3, text: "A detail", slug: "a-detail" },
    ]);
    expect(lesson!.text).toContain("Some prose about zeromq.");
    expect(lesson!.snippetDetails[0]!.variants[0]).toMatchObject({ id: "main", label: "Run it", files: { "main.ts": `console.log("hi");` } });
    expect(rest.map((l) => [l.part, l.slug])).toEqual([[12, "12-debugging"]]);
  });

  it("orders variants broken, fixed, main, starter, solution whatever the JSON order", () => {
    const [lesson] = loadLessons(
      tree({
        "01-first-steps/lesson.mdx": LESSON,
        "01-first-steps/snippets/hello/snippet.json": JSON.stringify({
          title: "Hello",
          processes: [{ name: "server", entry: "server.ts" }],
          timeoutMs: 5000,
          variants: { fixed: { label: "✅" }, broken: { label: "❌", timeoutMs: 3000 } },
        }),
        "01-first-steps/snippets/hello/fixed/server.ts": "",
        "01-first-steps/snippets/hello/broken/server.ts": "",
      }),
    );
    const variants = lesson!.snippetDetails[0]!.variants;
    expect(variants.map((v) => [v.id, v.timeoutMs])).toEqual([
      ["broken", 3000],
      ["fixed", 5000],
    ]);
    expect(variants[0]!.processes).toEqual([{ name: "server", entry: "server.ts" }]);
  });

  it.each([
    ["no front matter", { "01-first-steps/lesson.mdx": "## Hi\n" }, "01-first-steps/lesson.mdx", /front matter/],
    ["front matter that is not YAML", { "01-first-steps/lesson.mdx": "---\ntitle: [oops\n---\n" }, "01-first-steps/lesson.mdx", /not valid YAML/],
    ["no summary", { "01-first-steps/lesson.mdx": "---\ntitle: Hi\n---\n" }, "01-first-steps/lesson.mdx", /"summary"/],
    ["broken MDX", { "01-first-steps/lesson.mdx": LESSON + "\n<Note>unclosed\n" }, "01-first-steps/lesson.mdx", /not valid MDX/],
    ["a badly named folder", { "first/lesson.mdx": LESSON }, "first", /NN-words/],
    ["a missing lesson.mdx", { "01-first-steps/lesson.mdx": undefined, "01-first-steps/notes.txt": "" }, "01-first-steps", /no lesson.mdx/],
    ["a snippet the lesson does not have", { "01-first-steps/lesson.mdx": LESSON.replace('"hello"', '"nope"') }, "01-first-steps/lesson.mdx", /names no folder/],
    ["a missing snippet.json", { "01-first-steps/snippets/hello/snippet.json": undefined }, "01-first-steps/snippets/hello", /no snippet.json/],
    ["a missing variant folder", { "01-first-steps/snippets/hello/main/main.ts": undefined, "01-first-steps/snippets/hello/other.txt": "" }, "01-first-steps/snippets/hello/main", /is missing/],
    ["an empty variant folder", { "01-first-steps/snippets/hello/main/main.ts": undefined, "01-first-steps/snippets/hello/main/README": "" }, "01-first-steps/snippets/hello/main/README", /not a runnable file name/],
    ["a process entry with no file", { "01-first-steps/snippets/hello/snippet.json": JSON.stringify({ title: "H", processes: [{ name: "s", entry: "server.ts" }], variants: { main: { label: "x" } } }) }, "01-first-steps/snippets/hello/main", /no server.ts/],
    // The run API's own rule: what the loader accepts, the runner runs.
    ["a delay the runner refuses", { "01-first-steps/snippets/hello/snippet.json": JSON.stringify({ title: "H", processes: [{ name: "s", entry: "main.ts", delayMs: 7000 }], variants: { main: { label: "x" } } }) }, "01-first-steps/snippets/hello/snippet.json", /"delayMs" that is not a whole number from 0 to 5000/],
    ["a process name the runner refuses", { "01-first-steps/snippets/hello/snippet.json": JSON.stringify({ title: "H", processes: [{ name: "a b", entry: "main.ts" }], variants: { main: { label: "x" } } }) }, "01-first-steps/snippets/hello/snippet.json", /needs a "name"/],
    ["several files and nothing to start", { "01-first-steps/snippets/hello/main/main.ts": undefined, "01-first-steps/snippets/hello/main/a.ts": "", "01-first-steps/snippets/hello/main/b.ts": "" }, "01-first-steps/snippets/hello/main", /must be main.ts/],
    ["more files than a run may have", Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`01-first-steps/snippets/hello/main/f${i}.ts`, ""])), "01-first-steps/snippets/hello/main", /at most 8 files/],
    ["an unknown variant id", { "01-first-steps/snippets/hello/snippet.json": JSON.stringify({ title: "H", variants: { main: { label: "x" }, best: { label: "y" } } }) }, "01-first-steps/snippets/hello/snippet.json variants.best", /not a variant id/],
    ["snippet.json that is not JSON", { "01-first-steps/snippets/hello/snippet.json": "{ title: 1" }, "01-first-steps/snippets/hello/snippet.json", /not valid JSON/],
    ["an unused snippet", { "01-first-steps/snippets/extra/snippet.json": SNIPPET, "01-first-steps/snippets/extra/main/main.ts": "" }, "01-first-steps/snippets/extra", /not used/],
    ["a link to a lesson that does not exist", { "01-first-steps/lesson.mdx": LESSON + "\nSee [part 9](/lessons/09-nope).\n" }, "01-first-steps/lesson.mdx", /no lesson "09-nope"/],
    ["a link to a missing anchor", { "01-first-steps/lesson.mdx": LESSON + "\nSee [this](#no-such-heading).\n" }, "01-first-steps/lesson.mdx", /no heading #no-such-heading/],
    ["two lessons for one part", { "01-other/lesson.mdx": LESSON.replace("hello", "x").replace("<Playground snippet=\"x\" />", "") }, "lessons/01-other", /part 1 is also/],
  ])("fails on %s, naming the file", (_what, changes, file, message) => {
    const files: Record<string, string> = { ...valid };
    for (const [path, text] of Object.entries(changes)) {
      if (text === undefined) delete files[path];
      else files[path] = text;
    }
    const error = loadError(files);
    expect(error.file).toContain(file);
    expect(error.message).toMatch(message);
  });
});

describe("parseFrontMatter", () => {
  it("trims title and summary and returns the body", () => {
    expect(parseFrontMatter("---\ntitle: '  A '\nsummary: B\n---\nbody", "x.mdx")).toEqual({ data: { title: "A", summary: "B" }, body: "body" });
  });
});
