import { describe, expect, it } from "vitest";
import { configFromEnv } from "../../runner/config";
import { Run, type RunDependencies } from "../../runner/run";
import { reportRun } from "../../workshop/runs";

const deps = { config: configFromEnv({}), host: undefined, onEnd: () => {} } as unknown as RunDependencies;
const request = (files: Record<string, string>) => ({
  files,
  processes: [{ name: "main", entry: "main.ts", delayMs: 0 }],
  timeoutMs: 1000,
  lesson: "01-what-is-zeromq",
  snippet: "exercise-ipc",
  variant: "starter",
});

describe("reportRun", () => {
  it("reads a finished run: status, attribution, files, and the output with its end message", () => {
    const run = Run.failedToCompile("r1", request({ "main.ts": "let x: number = 'no'" }), [{ file: "main.ts", line: 1, column: 5, message: "Type 'string' is not assignable to type 'number'." }], "learner:abc", deps);
    const report = reportRun(run);
    expect(report).not.toBe("running");
    if (report === "running") return;
    expect(report).toMatchObject({ runId: "r1", status: "failed", blocked: false, lesson: "01-what-is-zeromq", snippet: "exercise-ipc", variant: "starter", passed: null });
    expect(report.files).toEqual([{ name: "main.ts", content: "let x: number = 'no'" }]);
    expect(report.output).toMatch(/^main\.ts:1:5: error: Type 'string'/);
    expect(report.output).toMatch(/\n\[failed\] The code does not compile: .*$/);
  });

  it("keeps only the last 8 KiB of a process's output, cut at a character boundary", () => {
    const errors = Array.from({ length: 400 }, (_, i) => ({ file: "main.ts", line: i + 1, column: 1, message: `é ${"x".repeat(30)} ${i}` }));
    const run = Run.failedToCompile("r2", request({ "main.ts": "" }), errors, "learner:abc", deps);
    const report = reportRun(run);
    if (report === "running") throw new Error("ended runs report");
    const body = report.output.slice(0, report.output.lastIndexOf("\n["));
    expect(body.startsWith("…")).toBe(true);
    expect(Buffer.byteLength(body.slice(1))).toBeLessThanOrEqual(8 * 1024);
    expect(body).not.toContain("\uFFFD");
    expect(body).toContain(": error: é");
    expect(body.endsWith(" 399")).toBe(true);
  });

  it("says a run that has not ended is still running", () => {
    const run = new Run("r3", request({ "main.ts": "" }), { outputs: {}, entries: {} }, "learner:abc", deps);
    expect(reportRun(run)).toBe("running");
  });
});
