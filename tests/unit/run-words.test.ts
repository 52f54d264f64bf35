/**
 * How a run's end and a refused run read in the page's language (issue 19): the
 * runner's English message on English pages; elsewhere a sentence chosen by the
 * status (with `end.limit` or the failing process) or by the API's error code.
 */
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import ko from "../../messages/ko.json";
import { applyRunInputs, IDLE, type RunInput, type RunState } from "../../app/components/run/model";
import { endDetail, exitWords, problemWords, type RunWords } from "../../app/components/terminal/words";

const words = (lang: "en" | "ko"): RunWords => {
  const t = createTranslator({ locale: lang, messages: lang === "en" ? en : ko, namespace: "run" });
  return (key, values) => t(key as never, values as never);
};

const event = (type: string, data: Record<string, unknown>): RunInput => ({ type: "event", event: type, data, at: 1 });
const ended = (...inputs: RunInput[]): RunState => applyRunInputs(IDLE, [{ type: "begin", processes: ["server", "client"] }, ...inputs]);

describe("endDetail", () => {
  const timeout = ended(event("end", { status: "timeout", durationMs: 10_050, message: "The run took longer than its time limit of 10 s and was stopped.", limit: 10_000 }));

  it("is the runner's message on English pages", () => {
    expect(endDetail(timeout, words("en"), "en")).toEqual({ text: "The run took longer than its time limit of 10 s and was stopped.", english: null });
  });

  it("says a limit in Korean with its value", () => {
    expect(endDetail(timeout, words("ko"), "ko")).toEqual({ text: "실행이 시간 제한(10초)을 넘겨 중지되었습니다.", english: null });
    const memory = ended(event("end", { status: "memory-limit", message: "…", limit: 256 * 1024 * 1024 }));
    expect(endDetail(memory, words("ko"), "ko")!.text).toBe("실행이 메모리 제한(256 MiB)을 넘겨 중지되었습니다.");
    // Without the number (an older runner) the status's own sentence.
    const bare = ended(event("end", { status: "output-limit", message: "…" }));
    expect(endDetail(bare, words("ko"), "ko")!.text).toBe(ko.run.end["output-limit"].detail);
  });

  it("names the failing process, its exit or its error, keeping the runner's message as a hint", () => {
    const exit = (process: string, code: number | null, signal: string | null = null) => event("exit", { process, code, signal, durationMs: 5 });
    const code = ended(exit("server", 0), exit("client", 3), event("end", { status: "failed", message: '"client" exited with code 3.' }));
    expect(endDetail(code, words("ko"), "ko")).toEqual({ text: "“client” 프로세스가 오류로 끝났습니다(종료 코드 3).", english: '"client" exited with code 3.' });
    const signal = ended(exit("server", null, "SIGSEGV"), event("end", { status: "failed", message: "…" }));
    expect(endDetail(signal, words("ko"), "ko")!.text).toBe("“server” 프로세스가 SIGSEGV 시그널로 종료되었습니다.");
    const error = ended(
      exit("server", 1),
      event("end", { status: "failed", message: '"server" failed: TypeError: x is not a function (server.ts:22:5).', errors: [{ file: "server.ts", line: 22, column: 5, message: "TypeError: x is not a function" }] }),
    );
    expect(endDetail(error, words("ko"), "ko")!.text).toBe("“server” 프로세스가 실패했습니다: TypeError: x is not a function (server.ts:22:5)");
  });
});

describe("problemWords", () => {
  const failed = (code: string, retryAfter: number | null, message = "The runner is busy (12 runs waiting); try again in 3 s. Try again in 3 s.") =>
    applyRunInputs(IDLE, [{ type: "begin", processes: [] }, { type: "failed", message, problem: { code, retryAfter } }]);

  it("is the server's message on English pages", () => {
    expect(problemWords(failed("queue-full", 3), words("en"), "en")).toEqual({ text: failed("queue-full", 3).error, english: null });
  });

  it("says the code in Korean, with when to try again, and the English where it names more", () => {
    expect(problemWords(failed("queue-full", 3), words("ko"), "ko")).toEqual({ text: "실행 서버가 바쁩니다. 대기열이 가득 찼습니다. 3초 뒤에 다시 시도하세요.", english: null });
    expect(problemWords(failed("too-many-runs", 2), words("ko"), "ko")!.text).toMatch(/^이미 실행 중이거나/);
    const invalid = problemWords(failed("invalid-timeout", null, '"timeoutMs" must be a whole number.'), words("ko"), "ko");
    expect(invalid).toEqual({ text: "서버가 실행 요청을 받아들이지 않았습니다(invalid-timeout).", english: '"timeoutMs" must be a whole number.' });
    expect(problemWords(failed("http-502", null, "The server answered 502."), words("ko"), "ko")!.text).toBe("서버가 실행을 시작하지 못했습니다(http-502).");
  });
});

describe("exitWords", () => {
  it("says a process's exit at the end of its terminal and in the transcript in the page's language; English by default", () => {
    const inputs: RunInput[] = [{ type: "begin", processes: ["server"] }, event("exit", { process: "server", code: 0, signal: null, durationMs: 812 })];
    const remark = (state: RunState) => state.chunks.filter((c) => c.stream === "exit").map((c) => c.data);
    const note = (state: RunState) => state.lines.filter((l) => l.stream === "note").map((l) => l.text);
    const english = applyRunInputs(IDLE, inputs);
    expect(remark(english)).toEqual(["exit code 0 after 812 ms"]);
    expect(note(english)).toEqual(["exited with code 0 after 812 ms"]);
    const korean = applyRunInputs(IDLE, inputs, exitWords(words("ko")));
    expect(remark(korean)).toEqual(["종료 코드 0 · 812 ms"]);
    expect(note(korean)).toEqual(["종료 코드 0 · 812 ms"]);
    const killed = applyRunInputs(IDLE, [{ type: "begin", processes: ["a"] }, event("exit", { process: "a", code: null, signal: "SIGKILL", durationMs: null })], exitWords(words("ko")));
    expect(remark(killed)).toEqual(["SIGKILL로 종료"]);
  });
});
