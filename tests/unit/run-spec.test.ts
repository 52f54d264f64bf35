import { describe, expect, it } from "vitest";
import { answer } from "./api-error";
import { DEFAULTS } from "../../runner/config";
import { checkProcessList, checkRunSpec, defaultEntry, defaultProcesses, RUN_LIMITS, startedProcesses, utf8Bytes } from "../../runner/protocol";
import { MAX_PROCESSES } from "../../runner/sandbox/sandbox";

const code = answer;

describe("which file a run starts when it names no process", () => {
  it("is the only file, else main.ts, .mts, .js or .mjs, else none", () => {
    expect(defaultEntry(["server.ts"])).toBe("server.ts");
    expect(defaultEntry(["lib.ts", "main.ts"])).toBe("main.ts");
    expect(defaultEntry(["lib.ts", "main.mjs"])).toBe("main.mjs");
    expect(defaultEntry(["main.js", "main.ts"])).toBe("main.ts");
    expect(defaultEntry(["a.ts", "b.ts"])).toBeUndefined();
    expect(defaultProcesses(["lib.ts", "main.mts"])).toEqual([{ name: "main", entry: "main.mts" }]);
    expect(code(() => defaultProcesses(["a.ts", "b.ts"]))).toBe("400 missing-processes");
  });

  it("is what the runner starts, for every way of asking", () => {
    for (const files of [["server.js"], ["main.ts", "lib.ts"], ["lib.ts", "main.js"], ["util.ts", "main.mjs", "x.ts"]]) {
      const record = Object.fromEntries(files.map((f) => [f, ""]));
      const started = checkRunSpec({ files: record }).processes.map(({ name, entry }) => ({ name, entry }));
      expect(startedProcesses({ files: record })).toEqual(started);
    }
    expect(startedProcesses({ files: { "a.ts": "", "b.ts": "" } })).toEqual([]);
    expect(startedProcesses({ files: { "a.ts": "" }, processes: [{ name: "x", entry: "a.ts", delayMs: 5 }] })).toEqual([{ name: "x", entry: "a.ts", delayMs: 5 }]);
  });
});

describe("process lists", () => {
  it("are checked with or without the files they start", () => {
    expect(checkProcessList([{ name: "a", entry: "a.ts" }, { name: "b", entry: "b.ts", delayMs: 0 }])).toEqual([{ name: "a", entry: "a.ts" }, { name: "b", entry: "b.ts", delayMs: 0 }]);
    expect(code(() => checkProcessList([{ name: "a", entry: "../a.ts" }]))).toBe("400 unknown-entry");
    expect(code(() => checkProcessList([{ name: "a", entry: "a.ts" }], { files: ["b.ts"] }))).toBe("400 unknown-entry");
    expect(code(() => checkProcessList([{ name: "a", entry: "a.ts", delayMs: 200.5 }]))).toBe("400 invalid-delay");
    expect(code(() => checkProcessList([{ name: "a", entry: "a.ts", delayMs: RUN_LIMITS.maxDelayMs + 1 }]))).toBe("400 invalid-delay");
    expect(code(() => checkProcessList(Array.from({ length: RUN_LIMITS.maxProcesses + 1 }, (_, i) => ({ name: `p${i}`, entry: "a.ts" }))))).toBe("400 too-many-processes");
  });
});

describe("the public limits", () => {
  it("are the runner's defaults, and ask for no more processes than the sandbox has pipes for", () => {
    for (const key of Object.keys(RUN_LIMITS) as (keyof typeof RUN_LIMITS)[]) expect(DEFAULTS[key], key).toBe(RUN_LIMITS[key]);
    expect(RUN_LIMITS.maxProcesses).toBeLessThanOrEqual(MAX_PROCESSES);
  });

  it("count code in UTF-8 bytes exactly as Node does", () => {
    for (const text of ["", "abc", "é", "가", "😀", "a\u{1F600}b", "\ud800", "x\udc00y", "\ud83d", "€".repeat(100)]) {
      expect(utf8Bytes(text), JSON.stringify(text)).toBe(Buffer.byteLength(text, "utf8"));
    }
  });
});
