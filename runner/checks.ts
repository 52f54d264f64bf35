/**
 * Exercise checks: what a run must show, judged on what really happened (the
 * end status, a blocked spell, what each process printed), never on the code.
 * Lesson data supplies them; the runner evaluates them and emits a `check`
 * event before `end` for runs started for an exercise. A variant's own
 * expectation may carry a note: said in `end.note` when a run shows it.
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
  /**
   * The lesson's own sentence for a part that does not hold, in place of the
   * default one (what the run showed is added after it): `status`, `blocked`,
   * and per process `stdout` (one sentence for all its patterns) and `lastLine`.
   */
  explain?: Explanations;
  /**
   * Said when a run shows this expectation (`end.note`): what the lesson wants
   * noticed, e.g. that messages were lost on purpose. `{process}` stands for that
   * process's last line, `{process.1}` for the first group its `lastLine` pattern captured.
   */
  note?: string;
}

export interface Explanations {
  status?: string;
  blocked?: string;
  stdout?: Record<string, string>;
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

/** What a lesson expects of a run of one of its variants. */
export interface RunExpectations {
  /** The exercise's check (starter and solution variants of an exercise): the `check` event. */
  check?: Check;
  /** The variant's own expectation, when it has a note to say (`end.note`). */
  variant?: Expectation;
}

/** Finds what the lesson expects of a run, or undefined when it expects nothing. */
export type CheckProvider = (attribution: Attribution) => RunExpectations | undefined;

/** The parts of a run an expectation looks at. */
export interface RunRecord {
  status: string;
  blocked: boolean;
  /** Process name → everything it printed on stdout. */
  stdout: Record<string, string>;
}

function lines(text: string): string[] {
  return text.split("\n").filter((line) => line.trim() !== "");
}

function lastLine(text: string): string {
  return lines(text).at(-1) ?? "";
}

function quote(text: string, max = 120): string {
  return `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;
}

/** An end status in words: what a run should do, and what it did. */
const STATUS_WORDS: Record<string, { should: string; did: string }> = {
  ok: { should: "finish normally", did: "finished normally" },
  failed: { should: "end with an error", did: "ended with an error (a process exited with an error or crashed)" },
  timeout: {
    should: "run until its time limit",
    did: "ran until its time limit and was stopped: something kept it waiting (a receive() nobody answers, or a socket left open)",
  },
  stopped: { should: "be stopped", did: "was stopped before it finished" },
  "memory-limit": { should: "hit its memory limit", did: "used more memory than a run may and was stopped" },
  "cpu-limit": { should: "hit its CPU-time limit", did: "used more CPU time than a run may and was stopped" },
  "output-limit": { should: "hit its output limit", did: "printed more than a run may and was stopped" },
  "process-limit": { should: "hit its process limit", did: "started more processes or threads than a run may and was stopped" },
  error: { should: "fail to start", did: "could not start: a problem on the server, not in the code" },
};

function statusWords(status: string): { should: string; did: string } {
  return STATUS_WORDS[status] ?? { should: `end "${status}"`, did: `ended "${status}"` };
}

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/**
 * A pattern read as a learner would say it: the literal text, and whether the
 * line must be it, start with it or contain it; undefined when it is a real pattern.
 */
export function literalPattern(pattern: string): { text: string; anchored: "whole" | "start" | "end" | "none" } | undefined {
  const start = pattern.startsWith("^");
  const end = pattern.endsWith("$") && !pattern.endsWith("\\$");
  const body = pattern.slice(start ? 1 : 0, end ? -1 : undefined);
  // Only escaped punctuation and plain characters: no classes, groups, repeats or alternatives.
  if (!/^(?:\\[^A-Za-z0-9]|[^\\^$.*+?()[\]{}|])*$/.test(body)) return undefined;
  const text = body.replace(/\\(.)/g, "$1");
  if (text === "") return undefined;
  return { text, anchored: start && end ? "whole" : start ? "start" : end ? "end" : "none" };
}

/** "print a line …" / "… should be …", in words where the pattern is plain text. */
function linePhrase(pattern: string): string {
  const literal = literalPattern(pattern);
  if (!literal) return `a line like /${pattern}/`;
  switch (literal.anchored) {
    case "whole":
      return `the line ${quote(literal.text)}`;
    case "start":
      return `a line starting with ${quote(literal.text)}`;
    case "end":
      return `a line ending with ${quote(literal.text)}`;
    default:
      return `a line with ${quote(literal.text)} in it`;
  }
}

function lastLinePhrase(pattern: string): string {
  const literal = literalPattern(pattern);
  if (!literal) return `look like /${pattern}/`;
  switch (literal.anchored) {
    case "whole":
      return `be ${quote(literal.text)}`;
    case "start":
      return `start with ${quote(literal.text)}`;
    case "end":
      return `end with ${quote(literal.text)}`;
    default:
      return `contain ${quote(literal.text)}`;
  }
}

/** What a process printed, in a few words: its last line, or that it printed nothing. */
function seenOutput(process: string, text: string): string {
  const last = lastLine(text);
  return last === "" ? `${process} printed nothing.` : `Its last line was ${quote(last)}.`;
}

/** What did not hold, one sentence each in words for a learner; empty when the run showed what was expected. */
export function unmetExpectations(expectation: Expectation, run: RunRecord): string[] {
  const problems: string[] = [];
  const explain = expectation.explain ?? {};
  if (expectation.status !== undefined) {
    const allowed = Array.isArray(expectation.status) ? expectation.status : [expectation.status];
    if (!allowed.includes(run.status)) {
      const did = `it ${statusWords(run.status).did}.`;
      problems.push(
        explain.status
          ? `${explain.status} This time ${did}`
          : `The run should ${orList(allowed.map((s) => statusWords(s).should))}, but ${did}`,
      );
    }
  }
  if (expectation.blocked !== undefined && expectation.blocked !== run.blocked) {
    const did = run.blocked
      ? "The processes got stuck: for a while none of them printed anything or used the CPU, each waiting for a message that never came."
      : "The processes never got stuck waiting for each other.";
    problems.push(
      explain.blocked
        ? `${explain.blocked} ${did}`
        : expectation.blocked
          ? `The processes should get stuck waiting for each other here (the deadlock this shows), but they kept going.`
          : did,
    );
  }
  for (const [process, patterns] of Object.entries(expectation.stdout ?? {})) {
    const text = run.stdout[process] ?? "";
    const missing = (Array.isArray(patterns) ? patterns : [patterns]).filter((pattern) => !new RegExp(pattern, "m").test(text));
    if (missing.length === 0) continue;
    const own = explain.stdout?.[process];
    if (own) problems.push(`${own} ${seenOutput(process, text)}`);
    else for (const pattern of missing) problems.push(`${process} should print ${linePhrase(pattern)}, but it did not. ${seenOutput(process, text)}`);
  }
  for (const [process, pattern] of Object.entries(expectation.lastLine ?? {})) {
    const last = lastLine(run.stdout[process] ?? "");
    if (new RegExp(pattern).test(last)) continue;
    const seen = last === "" ? `${process} printed nothing.` : `It was ${quote(last)}.`;
    const own = explain.lastLine?.[process];
    problems.push(own ? `${own} ${seen}` : `${process}'s last line should ${lastLinePhrase(pattern)}. ${seen}`);
  }
  return problems;
}

/** What held, in words, with what the run showed: a passed check's details. */
export function describeMet(expectation: Expectation, run: RunRecord): string[] {
  const details: string[] = [];
  if (expectation.status !== undefined) details.push(`The run ${statusWords(run.status).did}.`);
  if (expectation.blocked === false) details.push("Nothing got stuck waiting.");
  if (expectation.blocked === true) details.push("The processes got stuck waiting for each other, as they should here.");
  for (const [process, patterns] of Object.entries(expectation.stdout ?? {})) {
    const printed = lines(run.stdout[process] ?? "");
    for (const pattern of Array.isArray(patterns) ? patterns : [patterns]) {
      const regex = new RegExp(pattern);
      const line = printed.find((l) => regex.test(l));
      // A pattern may span lines ("m" flag on the whole output): then say it in words.
      details.push(line === undefined ? `${process} printed ${linePhrase(pattern)}.` : `${process} printed ${quote(line)}.`);
    }
  }
  for (const [process, pattern] of Object.entries(expectation.lastLine ?? {})) {
    details.push(`${process}'s last line was ${quote(lastLine(run.stdout[process] ?? ""))}.`);
  }
  return details;
}

/** The `check` event's data. */
export function evaluateCheck(check: Check, run: RunRecord): { passed: boolean; title: string; details: string[] } {
  const problems = unmetExpectations(check.expect, run);
  return problems.length === 0
    ? { passed: true, title: check.title, details: describeMet(check.expect, run) }
    : { passed: false, title: check.title, details: problems };
}

const PLACEHOLDER = /\{([A-Za-z0-9_-]+)(?:\.(\d))?\}/g;

/** `end.note`: the expectation's note with what the run printed filled in, when the run shows the expectation. */
export function noteFor(expectation: Expectation, run: RunRecord): string | undefined {
  if (!expectation.note || unmetExpectations(expectation, run).length > 0) return undefined;
  return expectation.note.replace(PLACEHOLDER, (_, process: string, group: string | undefined) => {
    const last = lastLine(run.stdout[process] ?? "");
    if (group === undefined) return last;
    return new RegExp(expectation.lastLine?.[process] ?? "").exec(last)?.[Number(group)] ?? "";
  });
}

/**
 * What is wrong with an expectation's `explain` and `note` (lesson data, read at
 * build time), or undefined: sentences are non-empty text, name parts the
 * expectation has, and a note's `{process}` names a process whose last line it checks.
 */
export function wordingProblem(expectation: Record<string, unknown>): string | undefined {
  const { explain, note } = expectation;
  const sentence = (value: unknown) => typeof value === "string" && value.trim() !== "";
  if (explain !== undefined) {
    if (typeof explain !== "object" || explain === null || Array.isArray(explain)) return `"expect.explain" must be an object`;
    for (const [part, value] of Object.entries(explain)) {
      if (!(part in expectation)) return `"expect.explain.${part}" explains a part the expectation does not have`;
      if (part === "status" || part === "blocked") {
        if (!sentence(value)) return `"expect.explain.${part}" must be a sentence`;
      } else if (part === "stdout" || part === "lastLine") {
        if (typeof value !== "object" || value === null) return `"expect.explain.${part}" must map process names to sentences`;
        for (const [process, text] of Object.entries(value)) {
          if (!(process in (expectation[part] as object))) return `"expect.explain.${part}.${process}": the expectation has no ${part} for ${process}`;
          if (!sentence(text)) return `"expect.explain.${part}.${process}" must be a sentence`;
        }
      } else {
        return `"expect.explain.${part}" is unknown (use status, blocked, stdout, lastLine)`;
      }
    }
  }
  if (note !== undefined) {
    if (!sentence(note)) return `"expect.note" must be a sentence`;
    const checked = (expectation.lastLine ?? {}) as Record<string, string>;
    for (const [, process, group] of (note as string).matchAll(PLACEHOLDER)) {
      if (!(process! in checked)) return `"expect.note" uses {${process}}, but the expectation checks no last line of ${process}`;
      if (group !== undefined && !new RegExp(checked[process!]!).source.includes("(")) {
        return `"expect.note" uses {${process}.${group}}, but the lastLine pattern of ${process} captures nothing`;
      }
    }
  }
  return undefined;
}
