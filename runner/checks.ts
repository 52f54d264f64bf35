/**
 * Exercise checks: what a run must show, judged on what really happened (the
 * end status, a blocked spell, what each process printed), never on the code.
 * Lesson data supplies them; the runner evaluates them and emits a `check`
 * event before `end` for runs started for an exercise.
 */

/** What running some code must show. */
export interface Expectation {
  /** Allowed end statuses (one or several). */
  status?: string | string[];
  /** Whether a `blocked` event must (true) or must not (false) appear. */
  blocked?: boolean;
  /** Process name → regular expressions that must each match somewhere in its stdout. */
  stdout?: Record<string, string[]>;
  /** Process name → regular expression its last stdout line must match. */
  lastLine?: Record<string, string>;
}

export interface Check {
  title: string;
  expect: Expectation;
}

/** Where a run comes from, as sent with it (`lesson`, `snippet`, `variant`). */
export interface Attribution {
  lesson: string;
  snippet: string;
  variant: string;
}

/** Finds the check for a run, or undefined when it is not an exercise. */
export type CheckProvider = (attribution: Attribution) => Check | undefined;

/** The parts of a run an expectation looks at. */
export interface RunRecord {
  status: string;
  blocked: boolean;
  /** Process name → everything it printed on stdout. */
  stdout: Record<string, string>;
}

function lastLine(text: string): string {
  return text.split("\n").filter((line) => line.trim() !== "").at(-1) ?? "";
}

function quote(text: string, max = 120): string {
  return JSON.stringify(text.length > max ? `…${text.slice(-max)}` : text);
}

/** What did not hold, one sentence each; empty when the run showed what was expected. */
export function unmetExpectations(expectation: Expectation, run: RunRecord): string[] {
  const problems: string[] = [];
  if (expectation.status !== undefined) {
    const allowed = Array.isArray(expectation.status) ? expectation.status : [expectation.status];
    if (!allowed.includes(run.status)) problems.push(`The run ended "${run.status}"; expected ${allowed.map((s) => `"${s}"`).join(" or ")}.`);
  }
  if (expectation.blocked !== undefined && expectation.blocked !== run.blocked) {
    problems.push(expectation.blocked ? "Expected the processes to get stuck waiting (a blocked event); they did not." : "The processes got stuck waiting (a blocked event); expected them not to.");
  }
  for (const [process, patterns] of Object.entries(expectation.stdout ?? {})) {
    const text = run.stdout[process] ?? "";
    for (const pattern of Array.isArray(patterns) ? patterns : [patterns]) {
      if (!new RegExp(pattern, "m").test(text)) problems.push(`Expected ${process} to print a line matching /${pattern}/; it printed ${quote(text)}.`);
    }
  }
  for (const [process, pattern] of Object.entries(expectation.lastLine ?? {})) {
    const last = lastLine(run.stdout[process] ?? "");
    if (!new RegExp(pattern).test(last)) problems.push(`Expected ${process}'s last line to match /${pattern}/; it was ${quote(last)}.`);
  }
  return problems;
}

/** Plain-words summary of an expectation, for a passed check's details. */
export function describeExpectation(expectation: Expectation): string[] {
  const lines: string[] = [];
  if (expectation.status !== undefined) {
    const allowed = Array.isArray(expectation.status) ? expectation.status : [expectation.status];
    lines.push(`The run ends ${allowed.map((s) => `"${s}"`).join(" or ")}.`);
  }
  if (expectation.blocked === false) lines.push("Nothing gets stuck waiting.");
  if (expectation.blocked === true) lines.push("The processes get stuck waiting.");
  for (const [process, patterns] of Object.entries(expectation.stdout ?? {})) {
    for (const pattern of Array.isArray(patterns) ? patterns : [patterns]) lines.push(`${process} prints a line matching /${pattern}/.`);
  }
  for (const [process, pattern] of Object.entries(expectation.lastLine ?? {})) lines.push(`${process}'s last line matches /${pattern}/.`);
  return lines;
}

/** The `check` event's data. */
export function evaluateCheck(check: Check, run: RunRecord): { passed: boolean; title: string; details: string[] } {
  const problems = unmetExpectations(check.expect, run);
  return problems.length === 0
    ? { passed: true, title: check.title, details: describeExpectation(check.expect) }
    : { passed: false, title: check.title, details: problems };
}
