import { describe, expect, it } from "vitest";
import { RUN_LIMITS } from "../../runner/protocol";
import {
  checkProgram,
  fileNameProblem,
  formatArgs,
  parseArgs,
  parseSaved,
  processNameProblem,
  runProblem,
  scratchReducer,
  type ScratchProgram,
} from "../../app/components/playground/scratch/state";

const start: ScratchProgram = { files: { "main.ts": "console.log(1)" }, processes: [{ name: "main", entry: "main.ts" }] };
const many = (n: number): ScratchProgram => ({
  files: Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}.ts`, ""])),
  processes: [{ name: "main", entry: "f0.ts" }],
});

describe("scratch files", () => {
  it("adds a file whose name the run API allows, and only then", () => {
    const added = scratchReducer(start, { type: "add-file", name: "server.ts" });
    expect(Object.keys(added.files)).toEqual(["main.ts", "server.ts"]);
    expect(added.files["server.ts"]).toMatch(/zeromq/);
    for (const bad of ["../x.ts", "x.py", "", "main.ts"]) expect(scratchReducer(start, { type: "add-file", name: bad })).toBe(start);
    expect(fileNameProblem("x.py", start.files)).toMatch(/\.ts, \.mts/);
    expect(fileNameProblem("main.ts", start.files)).toMatch(/already/);
  });

  it("stops at the run API's file limit", () => {
    const full = many(RUN_LIMITS.maxFiles);
    expect(fileNameProblem("more.ts", full.files)).toMatch(`at most ${RUN_LIMITS.maxFiles} files`);
    expect(scratchReducer(full, { type: "add-file", name: "more.ts" })).toBe(full);
    expect(fileNameProblem("renamed.ts", full.files, "f0.ts")).toBeNull();
  });

  it("renames a file in place, and its processes follow it", () => {
    const two: ScratchProgram = { files: { "a.ts": "A", "b.ts": "B" }, processes: [{ name: "one", entry: "a.ts", delayMs: 5 }, { name: "two", entry: "b.ts" }] };
    const renamed = scratchReducer(two, { type: "rename-file", from: "a.ts", to: "c.ts" });
    expect(Object.entries(renamed.files)).toEqual([["c.ts", "A"], ["b.ts", "B"]]);
    expect(renamed.processes).toEqual([{ name: "one", entry: "c.ts", delayMs: 5 }, { name: "two", entry: "b.ts" }]);
    expect(scratchReducer(two, { type: "rename-file", from: "a.ts", to: "b.ts" })).toBe(two);
    expect(scratchReducer(two, { type: "rename-file", from: "a.ts", to: "a b.ts" })).toBe(two);
  });

  it("deletes a file but never the last one; its processes start the first file left", () => {
    const two: ScratchProgram = { files: { "a.ts": "A", "b.ts": "B" }, processes: [{ name: "one", entry: "a.ts" }, { name: "two", entry: "b.ts" }] };
    const deleted = scratchReducer(two, { type: "delete-file", name: "b.ts" });
    expect(deleted.files).toEqual({ "a.ts": "A" });
    expect(deleted.processes).toEqual([{ name: "one", entry: "a.ts" }, { name: "two", entry: "a.ts" }]);
    expect(scratchReducer(deleted, { type: "delete-file", name: "a.ts" })).toBe(deleted);
  });

  it("edits only files it has", () => {
    expect(scratchReducer(start, { type: "edit", name: "main.ts", code: "x" }).files["main.ts"]).toBe("x");
    expect(scratchReducer(start, { type: "edit", name: "other.ts", code: "x" })).toBe(start);
  });
});

describe("scratch processes", () => {
  it("adds processes with free names, starting a file no process starts yet, up to the run API's limit", () => {
    let p = scratchReducer(start, { type: "add-file", name: "worker.ts" });
    p = scratchReducer(p, { type: "add-process" });
    expect(p.processes[1]).toEqual({ name: "worker", entry: "worker.ts", delayMs: 100 });
    p = scratchReducer(p, { type: "add-process" });
    expect(p.processes[2]!.name).toBe("main-2");
    while (p.processes.length < RUN_LIMITS.maxProcesses) p = scratchReducer(p, { type: "add-process" });
    expect(scratchReducer(p, { type: "add-process" })).toBe(p);
    expect(runProblem(p)).toBeNull();
  });

  it("removes any process but the last", () => {
    const two = scratchReducer(start, { type: "add-process" });
    const one = scratchReducer(two, { type: "remove-process", index: 0 });
    expect(one.processes.map((x) => x.name)).toEqual(["main-2"]);
    expect(scratchReducer(one, { type: "remove-process", index: 0 })).toBe(one);
  });

  it("changes name, entry and delay; an entry must be one of the files; no delay is no field", () => {
    const p = scratchReducer(start, { type: "set-process", index: 0, patch: { name: "server", delayMs: 300 } });
    expect(p.processes).toEqual([{ name: "server", entry: "main.ts", delayMs: 300 }]);
    expect(scratchReducer(p, { type: "set-process", index: 0, patch: { entry: "nope.ts" } })).toBe(p);
    expect(scratchReducer(p, { type: "set-process", index: 0, patch: { delayMs: undefined } }).processes[0]).toEqual({ name: "server", entry: "main.ts" });
  });

  it("sets a process's arguments; none is no field; the run API's limits say why too many cannot run", () => {
    const p = scratchReducer(start, { type: "set-process", index: 0, patch: { args: ["--port", "5555"] } });
    expect(p.processes).toEqual([{ name: "main", entry: "main.ts", args: ["--port", "5555"] }]);
    expect(runProblem(p)).toBeNull();
    expect(scratchReducer(p, { type: "set-process", index: 0, patch: { args: [] } }).processes[0]).toEqual({ name: "main", entry: "main.ts" });
    const many = scratchReducer(start, { type: "set-process", index: 0, patch: { args: Array.from({ length: 17 }, (_, i) => String(i)) } });
    expect(runProblem(many)).toMatch(/at most 16 strings/);
    // A saved or shared program keeps them.
    expect(checkProgram({ files: p.files, processes: p.processes })).toEqual(p);
    expect(parseSaved(JSON.stringify({ program: p, backup: null }))?.program).toEqual(p);
  });

  it("reads arguments as a shell splits them, and writes them back the same", () => {
    expect(parseArgs("")).toEqual([]);
    expect(parseArgs("  --port   5555 ")).toEqual(["--port", "5555"]);
    expect(parseArgs(String.raw`'two words' "say \"hi\"" a\ b '' x"y z"`)).toEqual(["two words", 'say "hi"', "a b", "", "xy z"]);
    expect(parseArgs("'unclosed quote")).toEqual(["unclosed quote"]);
    for (const args of [[], ["plain", "--flag=1", "tcp://127.0.0.1:5555"], ["two words", "", "it's", 'say "hi" \\ back', "tab\there", "ünï"]]) {
      expect(parseArgs(formatArgs(args))).toEqual(args);
    }
    expect(formatArgs(["--count", "3", "two words"])).toBe("--count 3 'two words'");
  });

  it("keeps a name as typed, and says in the run API's words why it cannot run", () => {
    const two = scratchReducer(start, { type: "add-process" });
    const same = scratchReducer(two, { type: "set-process", index: 1, patch: { name: "main" } });
    expect(processNameProblem("main", 1, same.processes)).toMatch(/Another process/);
    expect(runProblem(same)).toMatch(/Two processes are named "main"/);
    const spaced = scratchReducer(start, { type: "set-process", index: 0, patch: { name: "a b" } });
    expect(processNameProblem("a b", 0, spaced.processes)).toMatch(/letters, digits/);
    expect(runProblem(spaced)).toMatch(/needs a "name"/);
  });
});

describe("a program from outside", () => {
  it("is checked by the run API's validators; no processes means the run's default", () => {
    expect(checkProgram({ files: { "main.ts": "" } }).processes).toEqual([{ name: "main", entry: "main.ts" }]);
    expect(checkProgram({ files: { "a.ts": "", "main.ts": "" } }).processes).toEqual([{ name: "main", entry: "main.ts" }]);
    expect(() => checkProgram({ files: { "a.ts": "" }, processes: [{ name: "x", entry: "b.ts" }] })).toThrow(/names one of the files/);
    expect(() => checkProgram({ files: many(RUN_LIMITS.maxFiles + 1).files })).toThrow(/at most 8 files/);
  });

  it("reads back what was saved, and nothing from garbage", () => {
    const saved = { program: start, backup: null };
    expect(parseSaved(JSON.stringify(saved))).toEqual(saved);
    expect(parseSaved(JSON.stringify({ program: start, backup: { files: { "../x": "" } } }))).toEqual(saved);
    // Saved mid-edit: a name being typed, or taken twice, is kept for the learner to finish.
    const typing = { files: start.files, processes: [{ name: "main", entry: "main.ts" }, { name: "main", entry: "main.ts" }, { name: "", entry: "main.ts" }] };
    expect(parseSaved(JSON.stringify({ program: typing, backup: null }))?.program).toEqual(typing);
    expect(parseSaved(JSON.stringify({ program: { files: start.files, processes: [{ name: "x", entry: "gone.ts" }] }, backup: null }))?.program).toEqual(start);
    for (const raw of [null, "", "{", "[]", JSON.stringify({ program: { files: {} } }), JSON.stringify({ program: { files: { "a.ts": 1 } } })]) {
      expect(parseSaved(raw)).toBeNull();
    }
  });
});
