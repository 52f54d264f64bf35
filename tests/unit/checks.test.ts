import { describe, expect, it } from "vitest";
import { evaluateCheck, unmetExpectations } from "../../runner/checks";

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

  it("says what did not hold, in sentences", () => {
    const problems = unmetExpectations(
      { status: "timeout", blocked: true, stdout: { server: ["got 3"], nobody: ["x"] }, lastLine: { client: "^received 9/10$" } },
      run,
    );
    expect(problems).toEqual([
      `The run ended "ok"; expected "timeout".`,
      "Expected the processes to get stuck waiting (a blocked event); they did not.",
      `Expected server to print a line matching /got 3/; it printed "got 1\\ngot 2\\n".`,
      `Expected nobody to print a line matching /x/; it printed "".`,
      `Expected client's last line to match /^received 9/10$/; it was "received 10/10".`,
    ]);
  });
});

describe("evaluateCheck", () => {
  it("passes with a description of what held, fails with what did not", () => {
    const check = { title: "Ten arrive", expect: { status: "ok", lastLine: { client: "^received 10/10$" } } };
    expect(evaluateCheck(check, run)).toEqual({
      passed: true,
      title: "Ten arrive",
      details: [`The run ends "ok".`, "client's last line matches /^received 10/10$/."],
    });
    expect(evaluateCheck(check, { ...run, status: "timeout" })).toMatchObject({ passed: false, details: [`The run ended "timeout"; expected "ok".`] });
  });
});
