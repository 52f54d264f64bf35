import { describe, expect, it } from "vitest";
import { evaluateCheck, literalPattern, noteFor, unmetExpectations, wordingProblem } from "../../runner/checks";

const run = { status: "ok", blocked: false, stdout: { server: "got 1\ngot 2\n", client: "sent 1\nreceived 10/10\n\n" } };

describe("unmetExpectations", () => {
  it("is empty when everything holds", () => {
    expect(
      unmetExpectations(
        { status: ["ok", "timeout"], blocked: false, stdout: { server: ["^got 2$"] }, lastLine: { client: "^received 10/10$" } },
        run,
      ),
    ).toEqual([]);
  });

  it("says what did not hold in words for a learner, with what the run showed", () => {
    const problems = unmetExpectations(
      {
        status: "timeout",
        blocked: true,
        stdout: { server: ["got 3", "^got \\d+ of \\d+$"], nobody: ["x"] },
        lastLine: { client: "^received 9/10$", server: "^done" },
      },
      run,
    );
    expect(problems).toEqual([
      "The run should run until its time limit, but it finished normally.",
      "The processes should get stuck waiting for each other here (the deadlock this shows), but they kept going.",
      `server should print a line with “got 3” in it, but it did not. Its last line was “got 2”.`,
      `server should print a line like /^got \\d+ of \\d+$/, but it did not. Its last line was “got 2”.`,
      "nobody should print a line with “x” in it, but it did not. nobody printed nothing.",
      `client's last line should be “received 9/10”. It was “received 10/10”.`,
      `server's last line should start with “done”. It was “got 2”.`,
    ]);
  });

  it("names a timeout as something still waiting, and a blocked spell as processes stuck", () => {
    expect(unmetExpectations({ status: "ok", blocked: false }, { ...run, status: "timeout", blocked: true })).toEqual([
      "The run should finish normally, but it ran until its time limit and was stopped: something kept it waiting (a receive() nobody answers, or a socket left open).",
      "The processes got stuck: for a while none of them printed anything or used the CPU, each waiting for a message that never came.",
    ]);
  });

  it("uses the lesson's own sentence for a part that does not hold, followed by what was seen", () => {
    const problems = unmetExpectations(
      {
        status: "ok",
        stdout: { server: ["got 3", "got 4"] },
        lastLine: { client: "^received 9/10$" },
        explain: {
          status: "The server should stop by itself after three requests.",
          stdout: { server: "The server should count all its requests." },
          lastLine: { client: "All nine should arrive." },
        },
      },
      { ...run, status: "timeout" },
    );
    expect(problems).toEqual([
      "The server should stop by itself after three requests. This time it ran until its time limit and was stopped: something kept it waiting (a receive() nobody answers, or a socket left open).",
      "The server should count all its requests. Its last line was “got 2”.",
      "All nine should arrive. It was “received 10/10”.",
    ]);
  });
});

describe("literalPattern", () => {
  it.each([
    ["^received 10/10$", { text: "received 10/10", anchored: "whole" }],
    ["^printing report\\.pdf$", { text: "printing report.pdf", anchored: "whole" }],
    ["^broker is gone", { text: "broker is gone", anchored: "start" }],
    ["giving up", { text: "giving up", anchored: "none" }],
    ["costs \\$5$", { text: "costs $5", anchored: "end" }],
    ["^received \\d+/10$", undefined],
    ["a|b", undefined],
    ["^$", undefined],
  ])("%s", (pattern, expected) => {
    expect(literalPattern(pattern)).toEqual(expected);
  });
});

describe("evaluateCheck", () => {
  it("passes with what the run showed, fails with what did not hold", () => {
    const check = { title: "Ten arrive", expect: { status: "ok", stdout: { server: ["^got \\d$"] }, lastLine: { client: "^received 10/10$" } } };
    expect(evaluateCheck(check, run)).toEqual({
      passed: true,
      title: "Ten arrive",
      details: ["The run finished normally.", "server printed “got 1”.", "client's last line was “received 10/10”."],
    });
    expect(evaluateCheck(check, { ...run, status: "timeout" })).toMatchObject({
      passed: false,
      details: [expect.stringMatching(/^The run should finish normally, but it ran until its time limit/)],
    });
  });
});

describe("noteFor", () => {
  const expectation = {
    status: "ok",
    lastLine: { client: "^received ([0-9]+)/10$" },
    note: "Messages were lost: {client.1} of 10 arrived (“{client}”) — that is the point of this demo.",
  };

  it("fills in what the run printed when the run shows the expectation", () => {
    expect(noteFor(expectation, { ...run, stdout: { client: "received 3/10\n" } })).toBe(
      "Messages were lost: 3 of 10 arrived (“received 3/10”) — that is the point of this demo.",
    );
  });

  it("says nothing when the run did not show it, or there is no note", () => {
    expect(noteFor(expectation, { ...run, stdout: { client: "all gone\n" } })).toBeUndefined();
    expect(noteFor({ ...expectation, status: "timeout" }, run)).toBeUndefined();
    expect(noteFor({ status: "ok" }, run)).toBeUndefined();
  });
});

describe("wordingProblem", () => {
  it("accepts sentences for the parts the expectation has", () => {
    expect(
      wordingProblem({
        status: "ok",
        lastLine: { client: "^received (\\d+)/10$" },
        explain: { status: "It should end.", lastLine: { client: "All ten." } },
        note: "{client.1} of 10 arrived ({client}).",
      }),
    ).toBeUndefined();
  });

  it.each([
    [{ status: "ok", explain: "no" }, `"expect.explain" must be an object`],
    [{ status: "ok", explain: { blocked: "x" } }, `"expect.explain.blocked" explains a part the expectation does not have`],
    [{ status: "ok", explain: { status: " " } }, `"expect.explain.status" must be a sentence`],
    [{ stdout: { a: ["x"] }, explain: { stdout: { b: "x" } } }, `"expect.explain.stdout.b": the expectation has no stdout for b`],
    [{ note: "" }, `"expect.note" must be a sentence`],
    [{ note: "saw {client}" }, `"expect.note" uses {client}, but the expectation checks no last line of client`],
    [{ lastLine: { client: "^x$" }, note: "saw {client.1}" }, `"expect.note" uses {client.1}, but the lastLine pattern of client captures nothing`],
  ])("refuses %j", (expectation, problem) => {
    expect(wordingProblem(expectation as Record<string, unknown>)).toBe(problem);
  });
});
