import { describe, expect, it } from "vitest";
import { answer } from "./api-error";
import { DEFAULTS } from "../../runner/config";
import { validateRunRequest } from "../../runner/validate";
import { defaultProcesses, type Catalog } from "../../workshop/catalog";
import { validateActivity, validateBroadcast, validateCreate, validateHand, validateHint, validateName } from "../../workshop/validate";

const catalog: Catalog = {
  lessons: () => [
    {
      slug: "01-intro",
      title: "Intro",
      anchors: ["why"],
      snippets: [
        { id: "pair", title: "A pair", variants: [{ id: "main", files: { "server.ts": "", "client.ts": "" }, processes: [{ name: "server", entry: "server.ts" }, { name: "client", entry: "client.ts", delayMs: 300 }] }] },
        { id: "solo", title: "Solo", variants: [{ id: "main", files: { "main.ts": "" } }] },
      ],
    },
  ],
};

const code = answer;

describe("names", () => {
  it("are trimmed, NFC-normalised and 1–40 characters without control characters", () => {
    expect(validateName({ name: "  Ze\u0301 " })).toBe("Zé");
    expect(validateName({ name: "😀".repeat(40) })).toHaveLength(80); // 40 code points
    expect(code(() => validateName({ name: "😀".repeat(41) }))).toBe("400 invalid-name");
    expect(code(() => validateName({ name: "a\nb" }))).toBe("400 invalid-name");
    expect(code(() => validateName({ name: "\u2066x" }))).toBe("400 invalid-name");
    expect(code(() => validateName({}))).toBe("400 invalid-name");
  });
});

describe("workshop creation", () => {
  it("checks items against the catalog and keeps the end within a week", () => {
    const now = Date.parse("2030-01-01T00:00:00Z");
    expect(validateCreate({ title: " T ", items: [{ lesson: "01-intro", snippet: "pair" }, { lesson: "01-intro" }] }, catalog, now)).toEqual({
      title: "T",
      items: [{ lesson: "01-intro", snippet: "pair" }, { lesson: "01-intro" }],
      endsAt: null,
    });
    expect(validateCreate({ title: "T", items: [{ lesson: "01-intro" }], endsAt: "2030-01-07T23:00:00Z" }, catalog, now).endsAt?.toISOString()).toBe("2030-01-07T23:00:00.000Z");
    expect(code(() => validateCreate({ title: "T", items: [{ lesson: "01-intro" }], endsAt: "2030-01-08T00:00:01Z" }, catalog, now))).toBe("400 invalid-ends-at");
    expect(code(() => validateCreate({ title: "T", items: [{ lesson: "01-intro" }], endsAt: 1893456000000 }, catalog, now))).toBe("400 invalid-ends-at");
    expect(code(() => validateCreate({ title: "T", items: [{ lesson: "01-intro", snippet: "nope" }] }, catalog, now))).toBe("400 unknown-snippet");
    expect(code(() => validateCreate({ title: "T", items: [{ lesson: "01-INTRO" }] }, catalog, now))).toBe("400 invalid-lesson");
  });
});

describe("activity", () => {
  it("accepts the four kinds and nothing else", () => {
    expect(validateActivity({ type: "location", lesson: "01-intro", anchor: "why" }, catalog)).toEqual({ type: "location", lesson: "01-intro", anchor: "why" });
    expect(validateActivity({ type: "run", runId: "abc_DEF-1" }, catalog)).toEqual({ type: "run", runId: "abc_DEF-1" });
    expect(validateActivity({ type: "run-start", runId: "abc_DEF-1" }, catalog)).toEqual({ type: "run-start", runId: "abc_DEF-1" });
    expect(code(() => validateActivity({ type: "run-start", runId: ["abc"] }, catalog))).toBe("400 invalid-run-id");
    expect(code(() => validateActivity({ type: "run-start", runId: "x".repeat(65) }, catalog))).toBe("400 invalid-run-id");
    expect(validateActivity({ type: "code", lesson: "01-intro", snippet: "solo", variant: "main", files: [{ name: "main.ts", content: "x" }] }, catalog).type).toBe("code");
    expect(code(() => validateActivity({ type: "code", lesson: "01-intro", snippet: "solo", variant: "main", files: Array.from({ length: 9 }, (_, i) => ({ name: `f${i}.ts`, content: "" })) }, catalog))).toBe("400 invalid-files");
    expect(code(() => validateActivity({ type: "__proto__" }, catalog))).toBe("400 invalid-type");
  });
});

describe("broadcasts", () => {
  it("default their title to the snippet's and their processes to the snippet's own", () => {
    const input = validateBroadcast({ lesson: "01-intro", snippet: "pair", files: [{ name: "server.ts", content: "" }, { name: "client.ts", content: "" }] }, catalog);
    expect(input.title).toBe("A pair");
    expect(input.processes).toBeNull();
    const snippet = catalog.lessons()[0]!.snippets[0]!;
    expect(defaultProcesses(snippet, ["server.ts", "client.ts"])).toEqual([{ name: "server", entry: "server.ts" }, { name: "client", entry: "client.ts", delayMs: 300 }]);
    // Files that do not fit the snippet's processes run as a run of them would: one main process.
    expect(defaultProcesses(snippet, ["main.ts"])).toEqual([{ name: "main", entry: "main.ts" }]);
    expect(defaultProcesses(snippet, ["util.ts", "main.mjs"])).toEqual([{ name: "main", entry: "main.mjs" }]);
    expect(defaultProcesses(snippet, ["other.ts"])).toEqual([{ name: "main", entry: "other.ts" }]);
    // …and files a run could not start are refused, not sent to every learner to fail.
    expect(code(() => defaultProcesses(snippet, ["a.ts", "b.ts"]))).toBe("400 missing-processes");
  });

  it("accept exactly the processes and files the runner runs", () => {
    const files = [{ name: "server.ts", content: "" }, { name: "client.ts", content: "" }];
    const cases: unknown[] = [
      [{ name: "server", entry: "server.ts" }, { name: "client", entry: "client.ts", delayMs: 5000 }],
      [{ name: "server", entry: "server.ts", delayMs: 7000 }],
      [{ name: "server", entry: "server.ts", delayMs: 5001 }],
      [{ name: "server", entry: "server.ts", delayMs: 1.5 }],
      [{ name: "s", entry: "server.ts" }, { name: "s", entry: "client.ts" }],
      [{ name: "bad name", entry: "server.ts" }],
      [{ name: "s", entry: "missing.ts" }],
      Array.from({ length: 5 }, (_, i) => ({ name: `p${i}`, entry: "server.ts" })),
      [],
    ];
    for (const processes of cases) {
      const workshop = code(() => validateBroadcast({ lesson: "01-intro", snippet: "pair", files, processes }, catalog));
      const runner = code(() => validateRunRequest({ files: Object.fromEntries(files.map((f) => [f.name, f.content])), processes }, DEFAULTS));
      expect(workshop, JSON.stringify(processes)).toBe(runner);
    }
    const big = [{ name: "main.ts", content: "가".repeat(22_000) }];
    expect(code(() => validateBroadcast({ lesson: "01-intro", snippet: "solo", files: big }, catalog))).toBe("413 code-too-large");
  });
});

describe("hands and hints", () => {
  it("keep a hand message optional and short, and hints multi-line", () => {
    expect(validateHand({ raised: true })).toEqual({ raised: true, message: "" });
    expect(validateHand({ raised: false, message: "ignored" })).toEqual({ raised: false, message: "" });
    expect(code(() => validateHand({ raised: "yes" }))).toBe("400 invalid-raised");
    expect(validateHint({ text: "a\nb\tc" })).toBe("a\nb\tc");
    expect(code(() => validateHint({ text: "a\u0000b" }))).toBe("400 invalid-text");
  });
});
