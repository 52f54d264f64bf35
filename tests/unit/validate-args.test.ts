import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../../runner/config";
import { ApiError } from "../../runner/errors";
import { MAX_ARG_CHARS, MAX_ARGS } from "../../runner/protocol";
import { validateRunRequest } from "../../runner/validate";

const validate = (body: unknown) => validateRunRequest(body as Record<string, unknown>, DEFAULTS);
const withArgs = (args: unknown) => ({ files: { "main.js": "" }, processes: [{ name: "main", entry: "main.js", args }] });

function rejection(body: unknown): { status: number; code: string; message: string } {
  try {
    validate(body);
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error("accepted");
}

describe("process args", () => {
  it("keeps a process's args, and leaves them out when none are given", () => {
    expect(validate(withArgs(["-v", "tcp://localhost:5555", "", "ünïcode ✓"])).processes[0]).toEqual({
      name: "main",
      entry: "main.js",
      delayMs: 0,
      args: ["-v", "tcp://localhost:5555", "", "ünïcode ✓"],
    });
    expect(validate(withArgs(null)).processes[0]).toEqual({ name: "main", entry: "main.js", delayMs: 0 });
    expect(validate({ files: { "main.js": "" } }).processes[0]).not.toHaveProperty("args");
  });

  it(`takes up to ${MAX_ARGS} args of up to ${MAX_ARG_CHARS} characters`, () => {
    expect(validate(withArgs(Array.from({ length: MAX_ARGS }, () => "x".repeat(MAX_ARG_CHARS)))).processes[0]!.args).toHaveLength(MAX_ARGS);
  });

  it.each([
    ["not a list", "-v"],
    ["too many", Array.from({ length: MAX_ARGS + 1 }, () => "x")],
    ["too long", ["x".repeat(MAX_ARG_CHARS + 1)]],
    ["not strings", [1]],
    ["a NUL", ["a\0b"]],
    ["an object", [{}]],
  ])("refuses args that are %s with a 400 invalid-args", (_, args) => {
    const { status, code, message } = rejection(withArgs(args));
    expect([status, code]).toEqual([400, "invalid-args"]);
    expect(message).toMatch(/^Process 1/);
  });
});

describe("file names", () => {
  it("takes CommonJS files (.cjs, .cts) beside .ts, .mts, .js and .mjs", () => {
    const files = { "a.ts": "", "b.mts": "", "c.cts": "", "d.js": "", "e.mjs": "", "f.cjs": "" };
    expect(Object.keys(validate({ files, processes: [{ name: "f", entry: "f.cjs" }] }).files)).toEqual(Object.keys(files));
  });

  it("refuses other extensions, naming the ones it takes", () => {
    const { code, message } = rejection({ files: { "a.json": "" } });
    expect(code).toBe("invalid-file-name");
    expect(message).toContain(".cjs");
  });
});
