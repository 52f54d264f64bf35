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

/** A lesson with every kind of element the translation must keep, in English and in Korean. */
const RICH = `---
title: First steps
summary: A short summary.
---

Intro about [the detail](#a-detail).

<Playground snippet="hello" />

## Hello world

<Pitfall title="A trap">Text.</Pitfall>

### A detail

<Checklist id="check" items={["one", "two"]} />

\`\`\`ts
const a = 1;
\`\`\`

## Exercises

<Playground snippet="hello" variant="main" />
`;
const RICH_KO = `---
title: 첫걸음
summary: 짧은 요약입니다.
---

[세부 사항](#a-detail)에 대한 소개입니다.

<Playground snippet="hello" />

## 헬로 월드

<Pitfall title="함정">본문입니다.</Pitfall>

### 세부 사항

<Checklist id="check" items={["하나", "둘"]} />

\`\`\`ts
const a = 1;
\`\`\`

## 연습 문제

<Playground snippet="hello" variant="main" />
`;
const SNIPPET_KO = JSON.stringify({ title: "헬로", variants: { main: { label: "실행합니다" } } });
const translated = {
  ...valid,
  "01-first-steps/lesson.mdx": RICH,
  "01-first-steps/lesson.ko.mdx": RICH_KO,
  "01-first-steps/snippets/hello/snippet.ko.json": SNIPPET_KO,
};

describe("translations (lesson.ko.mdx, snippet.ko.json)", () => {
  it("pairs the Korean with the English by position: English anchors, step slugs and paths under /ko", () => {
    const lesson = loadLessons(tree(translated))[0]!;
    const ko = lesson.translations!.ko!;
    expect(ko).toMatchObject({ lang: "ko", title: "첫걸음", summary: "짧은 요약입니다.", file: "lessons/01-first-steps/lesson.ko.mdx" });
    expect(ko.untranslated).toBeUndefined();
    expect(ko.headings).toEqual([
      { depth: 2, text: "헬로 월드", slug: "hello-world" },
      { depth: 3, text: "세부 사항", slug: "a-detail" },
      { depth: 2, text: "연습 문제", slug: "exercises" },
    ]);
    expect(ko.steps.map((s) => [s.slug, s.path, s.title])).toEqual([
      ["hello-world", "/ko/lessons/01-first-steps", "헬로 월드"],
      ["exercises", "/ko/lessons/01-first-steps/exercises", "연습 문제"],
    ]);
    expect(ko.steps[0]!.headingIds).toEqual(lesson.steps[0]!.headingIds);
    expect(ko.steps[0]!.body).toContain("함정");
    expect(ko.snippetDetails[0]).toMatchObject({ title: "헬로", variants: [{ id: "main", label: "실행합니다", files: { "main.ts": `console.log("hi");` } }] });
    expect(ko.text).toContain("소개입니다");
  });

  it("shows a lesson with no Korean files in English on /ko paths, marked untranslated", () => {
    const lesson = loadLessons(tree(valid))[0]!;
    const ko = lesson.translations!.ko!;
    expect(ko).toMatchObject({ lang: "ko", untranslated: true, title: "First steps" });
    expect(ko.steps.map((s) => s.path)).toEqual(["/ko/lessons/01-first-steps"]);
  });

  const drop = (text: string, what: string) => text.replace(what, "");
  it.each([
    ["a missing h2", { "01-first-steps/lesson.ko.mdx": drop(RICH_KO, "## 연습 문제\n") }, "lesson.ko.mdx", /lacks ## heading \("Exercises"\) \(lesson\.mdx line \d+\)/],
    ["an extra h3", { "01-first-steps/lesson.ko.mdx": RICH_KO + "\n### 덧붙임\n" }, "lesson.ko.mdx", /has an extra ### heading \("덧붙임"\)/],
    ["an h3 for an h2", { "01-first-steps/lesson.ko.mdx": RICH_KO.replace("### 세부", "## 세부") }, "lesson.ko.mdx", /lacks ### heading \("A detail"\) \(lesson\.mdx line 14\), which lesson\.mdx has before ## heading \("세부 사항"\)/],
    ["a missing snippet reference", { "01-first-steps/lesson.ko.mdx": drop(RICH_KO, '<Playground snippet="hello" variant="main" />') }, "lesson.ko.mdx", /lacks <Playground snippet="hello" variant="main">/],
    ["another variant", { "01-first-steps/lesson.ko.mdx": RICH_KO.replace('variant="main"', "") }, "lesson.ko.mdx", /<Playground snippet="hello"> .*where lesson\.mdx has <Playground snippet="hello" variant="main">/],
    ["a checklist item fewer", { "01-first-steps/lesson.ko.mdx": RICH_KO.replace('["하나", "둘"]', '["하나"]') }, "lesson.ko.mdx", /has <Checklist id="check" items \(1 items\)>.* where lesson\.mdx has <Checklist id="check" items \(2 items\)>/],
    ["another checklist id", { "01-first-steps/lesson.ko.mdx": RICH_KO.replace('id="check"', 'id="other"') }, "lesson.ko.mdx", /Checklist id="other"/],
    ["a missing component", { "01-first-steps/lesson.ko.mdx": drop(RICH_KO, '<Pitfall title="함정">본문입니다.</Pitfall>') }, "lesson.ko.mdx", /lacks <Pitfall>/],
    ["an extra component", { "01-first-steps/lesson.ko.mdx": RICH_KO + "\n<Note>덧붙임</Note>\n" }, "lesson.ko.mdx", /has an extra <Note>/],
    ["a missing code block", { "01-first-steps/lesson.ko.mdx": drop(RICH_KO, "```ts\nconst a = 1;\n```") }, "lesson.ko.mdx", /lacks a ```ts block/],
    ["another link target", { "01-first-steps/lesson.ko.mdx": RICH_KO.replace("(#a-detail)", "(#hello-world)") }, "lesson.ko.mdx", /a link to #hello-world/],
    ["no title in its front matter", { "01-first-steps/lesson.ko.mdx": RICH_KO.replace("title: 첫걸음\n", "") }, "lesson.ko.mdx", /"title"/],
    ["a lesson.ko.mdx without snippet.ko.json", { "01-first-steps/snippets/hello/snippet.ko.json": undefined }, "01-first-steps/snippets/hello", /no snippet\.ko\.json/],
    ["a snippet.ko.json without lesson.ko.mdx", { "01-first-steps/lesson.ko.mdx": undefined }, "snippets/hello/snippet.ko.json", /no lesson\.ko\.mdx/],
    ["a snippet.ko.json lacking a label", { "01-first-steps/snippets/hello/snippet.ko.json": JSON.stringify({ title: "헬로", variants: { main: {} } }) }, "snippet.ko.json", /lacks "variants\.main\.label"/],
    ["a snippet.ko.json with an extra string", { "01-first-steps/snippets/hello/snippet.ko.json": JSON.stringify({ title: "헬로", onBlocked: "막혔습니다", variants: { main: { label: "실행" } } }) }, "snippet.ko.json", /has "onBlocked", which snippet\.json does not have/],
    ["a snippet.ko.json with code", { "01-first-steps/snippets/hello/snippet.ko.json": JSON.stringify({ title: "헬로", timeoutMs: 3000, variants: { main: { label: "실행" } } }) }, "snippet.ko.json", /"timeoutMs" belong in snippet\.json/],
    ["an empty translated string", { "01-first-steps/snippets/hello/snippet.ko.json": JSON.stringify({ title: " ", variants: { main: { label: "실행" } } }) }, "snippet.ko.json", /"title" must be a translated sentence/],
  ])("refuses %s, naming the file and what differs", (_what, changes, file, message) => {
    const files: Record<string, string> = { ...translated };
    for (const [path, text] of Object.entries(changes)) {
      if (text === undefined) delete files[path];
      else files[path] = text;
    }
    const error = loadError(files);
    expect(error.file).toContain(file);
    expect(error.message).toMatch(message);
  });

  it("keeps a note's placeholders and translates check wording", () => {
    const english = {
      title: "Exercise",
      check: { title: "It works", expect: { status: "ok", explain: { status: "It must end." }, lastLine: { main: "^done (\\d+)$" } } },
      variants: {
        starter: { label: "Starter", expect: { status: "ok", lastLine: { main: "^done (\\d+)$" }, note: "It printed {main.1}." } },
        solution: { label: "Solution" },
      },
    };
    const files: Record<string, string> = {
      ...translated,
      "01-first-steps/lesson.mdx": RICH.replace('<Playground snippet="hello" variant="main" />', '<Playground snippet="hello" variant="starter" />'),
      "01-first-steps/lesson.ko.mdx": RICH_KO.replace('<Playground snippet="hello" variant="main" />', '<Playground snippet="hello" variant="starter" />'),
      "01-first-steps/snippets/hello/snippet.json": JSON.stringify(english),
      "01-first-steps/snippets/hello/main/main.ts": undefined as unknown as string,
      "01-first-steps/snippets/hello/starter/main.ts": "",
      "01-first-steps/snippets/hello/solution/main.ts": "",
    };
    delete files["01-first-steps/snippets/hello/main/main.ts"];
    const ko = {
      title: "연습",
      check: { title: "동작합니다", expect: { explain: { status: "끝나야 합니다." } } },
      variants: { starter: { label: "시작 코드", expect: { note: "{main.1}을 출력했습니다." } }, solution: { label: "풀이" } },
    };
    const lesson = loadLessons(tree({ ...files, "01-first-steps/snippets/hello/snippet.ko.json": JSON.stringify(ko) }))[0]!;
    const snippet = lesson.translations!.ko!.snippetDetails[0]!;
    expect(snippet.check).toMatchObject({ title: "동작합니다", expect: { status: "ok", explain: { status: "끝나야 합니다." } } });
    expect(snippet.variants.find((v) => v.id === "starter")!.expect).toMatchObject({ status: "ok", note: "{main.1}을 출력했습니다." });
    expect(lesson.snippetDetails[0]!.check!.title).toBe("It works");

    ko.variants.starter.expect.note = "출력했습니다.";
    const error = loadError({ ...files, "01-first-steps/snippets/hello/snippet.ko.json": JSON.stringify(ko) });
    expect(error.message).toMatch(/"variants\.starter\.expect\.note" must keep the placeholders \{main\.1\} exactly/);
  });
});
