import { describe, expect, it } from "vitest";
import { applyRunInputs, IDLE, isBusy, reduceRun, type RunInput, type RunState } from "../../app/components/run/model";
import { MAX_OUTPUT_CHARS, transcriptOf } from "../../app/components/run/transcript";

const event = (type: string, data: Record<string, unknown>, at = 0): RunInput => ({ type: "event", event: type, data, at });
const run = (...inputs: RunInput[]) => applyRunInputs(IDLE, inputs);
const text = (state: RunState) => state.lines.map((l) => `${l.process}/${l.stream}: ${l.text}`);

describe("the run model", () => {
  it("follows a run from Run to end", () => {
    const steps: RunInput[] = [
      { type: "begin", processes: ["server", "client"] },
      event("queued", { position: 2 }),
      event("start", { process: "server" }, 100),
      event("start", { process: "client" }, 150),
      event("stdout", { process: "server", data: "ready\n" }),
      event("exit", { process: "client", code: 0, signal: null, durationMs: 812 }),
      event("end", { status: "ok", durationMs: 900, message: "Every process exited with code 0." }),
    ];
    const phases = steps.reduce<{ state: RunState; phases: string[] }>(
      (acc, input) => {
        const state = reduceRun(acc.state, input);
        return { state, phases: [...acc.phases, state.phase] };
      },
      { state: IDLE, phases: [] },
    );
    expect(phases.phases).toEqual(["starting", "queued", "running", "running", "running", "running", "ended"]);
    const state = phases.state;
    expect(state.startedAt).toBe(100);
    expect(state.processes).toEqual(["server", "client"]);
    expect(state.process.client).toEqual({ name: "client", startedAt: 150, exit: { code: 0, signal: null, durationMs: 812 } });
    expect(state.end).toEqual({
      status: "ok",
      durationMs: 900,
      message: "Every process exited with code 0.",
      errors: [],
      note: null,
      limit: null,
      // What each process printed, for saying the check and note in the page's language.
      stdout: { server: "ready\n" },
    });
    expect(text(state)).toEqual(["server/stdout: ready", "client/note: exited with code 0 after 812 ms"]);
    expect(state.chunks.at(-1)).toMatchObject({ process: "client", stream: "exit", data: "exit code 0 after 812 ms" });
    expect(isBusy(state.phase)).toBe(false);
  });

  it("joins lines split across chunks, per process and stream, and strips ANSI from the transcript only", () => {
    const state = run(
      { type: "begin", processes: [] },
      event("stdout", { process: "a", data: "hel" }),
      event("stderr", { process: "a", data: "oops\n" }),
      event("stdout", { process: "b", data: "other\r\n" }),
      event("stdout", { process: "a", data: "\u001b[32mlo\u001b[0m\nnext" }),
    );
    expect(text(state)).toEqual(["a/stdout: hello", "a/stderr: oops", "b/stdout: other", "a/stdout: next"]);
    expect(state.chunks.map((c) => c.data)).toContain("\u001b[32mlo\u001b[0m\nnext");
    // Processes not declared are added as they speak.
    expect(state.processes).toEqual(["a", "b"]);
  });

  it("gives every line and chunk a new, growing id, across runs and clears", () => {
    let state = run({ type: "begin", processes: [] }, event("stdout", { process: "a", data: "1\n2\n" }));
    const before = Math.max(...state.chunks.map((c) => c.id), ...state.lines.map((l) => l.id));
    state = reduceRun(state, { type: "clear" });
    expect(state.lines).toEqual([]);
    expect(state.epoch).toBe(2);
    state = reduceRun(state, { type: "begin", processes: [] });
    state = reduceRun(state, event("stdout", { process: "a", data: "3\n" }));
    expect(state.epoch).toBe(3);
    expect(state.chunks[0]!.id).toBeGreaterThan(before);
  });

  it("keeps the page responsive: output past the limit is cut once, and said so", () => {
    const state = run(
      { type: "begin", processes: [] },
      event("stdout", { process: "a", data: "x".repeat(MAX_OUTPUT_CHARS - 5) }),
      event("stdout", { process: "a", data: "y".repeat(10) }),
      event("stdout", { process: "a", data: "z".repeat(10) }),
    );
    expect(state.truncated).toBe(true);
    expect(state.size).toBe(MAX_OUTPUT_CHARS);
    expect(state.lines.filter((l) => l.stream === "note")).toHaveLength(1);
    expect(state.chunks.filter((c) => c.stream === "exit")).toHaveLength(1);
  });

  it("reads untrusted event data field by field", () => {
    const state = run(
      { type: "begin", processes: [] },
      event("start", { process: 42 }, 7),
      event("stdout", { process: "a", data: { not: "text" } }),
      event("blocked", { processes: ["a", 1], message: "  " }),
      event("check", { passed: "yes", details: ["d", null] }),
      event("trace", { anything: true }),
      event("end", {}),
    );
    expect(state.startedAt).toBe(7);
    expect(state.lines).toEqual([]);
    expect(state.blocked).toEqual({ message: "Every process is waiting and none is making progress.", processes: ["a"] });
    expect(state.check).toEqual({ passed: false, title: "Exercise check", details: ["d"] });
    expect(state.end).toEqual({ status: "error", message: null, durationMs: null, errors: [], note: null, limit: null, stdout: {} });
  });

  it("keeps where the code went wrong and what the lesson wants noticed, dropping malformed entries", () => {
    const errors = [
      { file: "server.ts", line: 13, column: 7, message: "TypeError: job.run is not a function" },
      { file: "main.ts", line: 2, message: "SyntaxError: Unexpected token" },
      { file: "", line: 1, column: 1, message: "no file" },
      { file: "a.ts", line: -1, column: 1, message: "bad line" },
      { file: "a.ts", line: 1.5, column: 1, message: "fractional line" },
      { file: "a.ts", line: 1, column: 1 },
      "text",
      null,
      ...Array.from({ length: 30 }, (_, i) => ({ file: "many.ts", line: i + 1, column: 1, message: `error ${i}` })),
    ];
    const state = run({ type: "begin", processes: [] }, event("end", { status: "failed", errors, note: " Messages were lost: the subscriber joined late. " }));
    expect(state.end!.errors.slice(0, 3)).toEqual([
      { file: "server.ts", line: 13, column: 7, message: "TypeError: job.run is not a function" },
      { file: "main.ts", line: 2, column: 0, message: "SyntaxError: Unexpected token" },
      { file: "many.ts", line: 1, column: 1, message: "error 0" },
    ]);
    expect(state.end!.errors).toHaveLength(20);
    expect(state.end!.note).toBe("Messages were lost: the subscriber joined late.");
    expect(run({ type: "begin", processes: [] }, event("end", { errors: "nope", note: 5, limit: "10 s" })).end).toMatchObject({ errors: [], note: null, limit: null });
    expect(run({ type: "begin", processes: [] }, event("end", { status: "timeout", limit: 10_000 })).end).toMatchObject({ limit: 10_000 });
  });

  it("stops: refused, it says why and runs on; the run that could not start ends in error", () => {
    let state = run({ type: "begin", processes: [] }, event("start", { process: "main" }), { type: "stopping" });
    expect(state.phase).toBe("stopping");
    // A late queued/start does not undo Stop.
    expect(reduceRun(state, event("start", { process: "other" })).phase).toBe("stopping");
    state = reduceRun(state, { type: "stop-failed", problem: "the server did not answer." });
    expect(state.phase).toBe("running");
    expect(text(state).at(-1)).toBe("/note: Could not stop the run: the server did not answer.");
    const failed = run({ type: "begin", processes: [] }, { type: "connection", reconnecting: true }, { type: "failed", message: "Too many runs. Try again in 5 s." });
    expect(failed).toMatchObject({ phase: "ended", error: "Too many runs. Try again in 5 s.", reconnecting: false, end: { status: "error" } });
    const coded = run({ type: "begin", processes: [], variant: "starter" }, { type: "failed", message: "Busy.", problem: { code: "queue-full", retryAfter: 3 } });
    expect(coded).toMatchObject({ variant: "starter", problem: { code: "queue-full", retryAfter: 3 } });
  });

  it("never changes the state it is given", () => {
    const start = run({ type: "begin", processes: ["a"] }, event("stdout", { process: "a", data: "half" }));
    const frozen = JSON.stringify(start);
    applyRunInputs(start, [event("stdout", { process: "a", data: " line\n" }), event("exit", { process: "a", code: 1 }), { type: "clear" }]);
    expect(JSON.stringify(start)).toBe(frozen);
  });
});

describe("transcriptOf", () => {
  it("is one process's output as the terminal and transcript show it (no empty last line)", () => {
    const t = transcriptOf("── server ──\nready\n[ok] done\n", "output");
    expect(t.lines.map((l) => l.text)).toEqual(["── server ──", "ready", "[ok] done"]);
    expect(t.chunks).toEqual([{ id: 1, process: "output", stream: "stdout", data: "── server ──\nready\n[ok] done\n" }]);
  });
});
