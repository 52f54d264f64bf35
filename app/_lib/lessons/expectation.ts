import type { Expectation } from "./types";

/** The parts of a run's events an expectation looks at. */
export interface RunRecord {
  status: string;
  blocked: boolean;
  /** Process name → everything it printed on stdout. */
  stdout: Record<string, string>;
}

/** What did not hold, in words a lesson author understands; empty when the run showed what was expected. */
export function unmetExpectations(expectation: Expectation, run: RunRecord): string[] {
  const problems: string[] = [];
  if (expectation.status !== undefined) {
    const allowed = Array.isArray(expectation.status) ? expectation.status : [expectation.status];
    if (!allowed.includes(run.status)) problems.push(`ended "${run.status}", expected ${allowed.map((s) => `"${s}"`).join(" or ")}`);
  }
  if (expectation.blocked !== undefined && expectation.blocked !== run.blocked) {
    problems.push(expectation.blocked ? "no blocked event, expected one" : "a blocked event, expected none");
  }
  for (const [process, patterns] of Object.entries(expectation.stdout ?? {})) {
    const text = run.stdout[process] ?? "";
    for (const pattern of Array.isArray(patterns) ? patterns : [patterns]) {
      if (!new RegExp(pattern, "m").test(text)) problems.push(`${process}'s stdout does not match /${pattern}/ (it was ${JSON.stringify(text.slice(-300))})`);
    }
  }
  for (const [process, pattern] of Object.entries(expectation.lastLine ?? {})) {
    const lines = (run.stdout[process] ?? "").split("\n").filter((line) => line.trim() !== "");
    const last = lines.at(-1) ?? "";
    if (!new RegExp(pattern).test(last)) problems.push(`${process}'s last line ${JSON.stringify(last)} does not match /${pattern}/`);
  }
  return problems;
}
