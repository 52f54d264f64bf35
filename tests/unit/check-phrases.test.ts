/**
 * Check sentences in the page's language (issue 19): the same rules as the
 * runner's (runner/checks.ts), another phrase set. English stays the runner's
 * word for word (tests/unit/checks.test.ts); Korean pages say it in Korean.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ENGLISH_CHECK_PHRASES, evaluateCheck, noteFor, unmetExpectations, type Check, type Expectation } from "../../runner/checks";
import { CHECK_PHRASES, checkDetails, noteText } from "../../app/components/playground/checkPhrases";
import type { RunEnd } from "../../app/components/run/model";

const HANGUL = /[\uac00-\ud7a3]/;
/** The English phrase set's own words, which a Korean sentence must not contain. */
const ENGLISH_WORDS = /This time|last line|should|printed|finished normally|time limit/;

type Json = { check?: Check; variants: Record<string, { expect?: Expectation }> };
const read = (lesson: string, id: string, file: string): Json => JSON.parse(readFileSync(`lessons/${lesson}/snippets/${id}/${file}`, "utf8"));

/** A snippet's check and variant expectations from its snippet.json, in Korean with snippet.ko.json's sentences (as the loader merges them). */
function snippetOf(lang: "en" | "ko", lesson: string, id: string) {
  const english = read(lesson, id, "snippet.json");
  if (lang === "en") return english;
  const korean = read(lesson, id, "snippet.ko.json");
  const merge = (e: Expectation | undefined, k: Expectation | undefined): Expectation | undefined =>
    e && { ...e, ...(k?.explain ? { explain: k.explain } : {}), ...(k?.note ? { note: k.note } : {}) };
  return {
    check: english.check && { title: korean.check!.title, expect: merge(english.check.expect, korean.check!.expect)! },
    variants: Object.fromEntries(Object.entries(english.variants).map(([v, x]) => [v, { expect: merge(x.expect, korean.variants[v]?.expect) }])),
  };
}

/** What the starter of lesson 1's "three requests" exercise shows: one request, then both sides wait until the time limit. */
const starterRun = { status: "timeout", blocked: true, stdout: { server: "received request 1\n", client: "received World 1\n" } };

const end = (over: Partial<RunEnd>): RunEnd => ({
  status: "ok",
  message: null,
  durationMs: 1,
  errors: [],
  note: null,
  limit: null,
  stdout: {},
  ...over,
});

describe("the check's phrase sets", () => {
  const english = snippetOf("en", "01-what-is-zeromq", "exercise-three-requests").check!;
  const korean = snippetOf("ko", "01-what-is-zeromq", "exercise-three-requests").check!;

  it("English is the default: passing the English set changes nothing", () => {
    expect(evaluateCheck(english, starterRun, ENGLISH_CHECK_PHRASES)).toEqual(evaluateCheck(english, starterRun));
    expect(CHECK_PHRASES.en).toBe(ENGLISH_CHECK_PHRASES);
  });

  it("says a failing starter in Korean: the lesson's Korean sentences, then what the run showed, in Korean", () => {
    const result = evaluateCheck(korean, starterRun, CHECK_PHRASES.ko);
    expect(result.passed).toBe(false);
    expect(result.passed).toBe(evaluateCheck(english, starterRun).passed);
    expect(result.details).toEqual([
      `${korean.expect.explain!.status} 이번에는 실행이 시간 제한까지 실행되다가 중지되었습니다. 무언가가 계속 기다리게 했습니다(아무도 답하지 않는 receive(), 또는 닫지 않은 소켓).`,
      `${korean.expect.explain!.stdout!.server} 마지막으로 출력한 줄은 “received request 1”입니다.`,
      `${korean.expect.explain!.stdout!.client} 마지막으로 출력한 줄은 “received World 1”입니다.`,
    ]);
    for (const detail of result.details) {
      expect(detail).toMatch(HANGUL);
      expect(detail).not.toMatch(ENGLISH_WORDS);
    }
  });

  it("says the default sentences (no lesson sentence) in Korean by the same rules", () => {
    const problems = unmetExpectations(
      { status: ["ok", "failed"], blocked: true, stdout: { server: ["^got 3$", "got \\d+ of"], nobody: ["x"] }, lastLine: { client: "^done" } },
      { status: "timeout", blocked: false, stdout: { server: "got 1\ngot 2\n", client: "working\n" } },
      CHECK_PHRASES.ko,
    );
    expect(problems).toEqual([
      "이 실행에서 기대한 결과는 정상 종료 또는 오류로 끝나는 것인데, 이번에는 실행이 시간 제한까지 실행되다가 중지되었습니다. 무언가가 계속 기다리게 했습니다(아무도 답하지 않는 receive(), 또는 닫지 않은 소켓).",
      "여기서는 프로세스들이 서로를 기다리며 멈춰야 하는데(이 예제가 보여 주는 교착 상태), 멈추지 않고 계속 진행되었습니다.",
      "server 프로세스가 정확히 “got 3”인 줄을 출력해야 하는데, 출력하지 않았습니다. 마지막으로 출력한 줄은 “got 2”입니다.",
      "server 프로세스가 정규식 /got \\d+ of/에 맞는 줄을 출력해야 하는데, 출력하지 않았습니다. 마지막으로 출력한 줄은 “got 2”입니다.",
      "nobody 프로세스가 “x” 문자열이 들어 있는 줄을 출력해야 하는데, 출력하지 않았습니다. nobody 프로세스는 아무것도 출력하지 않았습니다.",
      "client 프로세스의 마지막 줄은 “done” 문자열로 시작해야 합니다. 실제 마지막 줄은 “working”입니다.",
    ]);
  });

  it("says a passed check in Korean", () => {
    const solved = { status: "ok", blocked: false, stdout: { server: "received request 1\nreceived request 2\nreceived request 3\n", client: "received World 3\n" } };
    const result = evaluateCheck(korean, solved, CHECK_PHRASES.ko);
    expect(result.passed).toBe(true);
    expect(result.details[0]).toBe("실행이 정상적으로 끝났습니다.");
    expect(result.details).toContain("server 프로세스가 “received request 1” 줄을 출력했습니다.");
  });
});

describe("the check's details and the note on a page", () => {
  const korean = snippetOf("ko", "01-what-is-zeromq", "exercise-three-requests").check!;
  const english = snippetOf("en", "01-what-is-zeromq", "exercise-three-requests").check!;
  const runnerSays = evaluateCheck(english, starterRun);

  it("keeps the runner's details on English pages and without a translated check; waits for the end otherwise", () => {
    const ended = end({ status: "timeout", stdout: starterRun.stdout });
    expect(checkDetails(runnerSays, korean.expect, ended, true, "en")).toBe(runnerSays.details);
    expect(checkDetails(runnerSays, null, ended, true, "ko")).toBe(runnerSays.details);
    expect(checkDetails(runnerSays, korean.expect, null, true, "ko")).toBeNull();
    expect(checkDetails(runnerSays, korean.expect, ended, true, "ko")).toEqual(evaluateCheck(korean, starterRun, CHECK_PHRASES.ko).details);
  });

  it("keeps the runner's details when the page would judge the run otherwise (output it did not keep)", () => {
    const lost = end({ status: "ok", stdout: {} });
    const passed = { ...runnerSays, passed: true, details: ["The run finished normally."] };
    expect(checkDetails(passed, korean.expect, lost, false, "ko")).toBe(passed.details);
  });

  it("fills the Korean note from the same output as the runner's English one", () => {
    const englishVariant = snippetOf("en", "05-performance-and-security", "hwm-overflow").variants.broken!.expect!;
    const koreanVariant = snippetOf("ko", "05-performance-and-security", "hwm-overflow").variants.broken!.expect!;
    const stdout = { sender: "subscriber connected, publishing\npublished 10000 messages in 12 ms\n", receiver: "received 1234/10000\n" };
    const runnerNote = noteFor(englishVariant, { status: "ok", blocked: false, stdout })!;
    expect(runnerNote).toContain("1234 of 10000 arrived");
    const ended = end({ note: runnerNote, stdout });
    expect(noteText(ended, koreanVariant, "en")).toBe(runnerNote);
    const note = noteText(ended, koreanVariant, "ko")!;
    expect(note).toContain("10000개 가운데 1234개가 도착");
    expect(note).not.toContain("{");
    // No note from the runner (the run did not show it): none in Korean either.
    expect(noteText(end({ stdout }), koreanVariant, "ko")).toBeNull();
  });
});
