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
export interface StatusWords {
  should: string;
  did: string;
}

/** How a pattern reads: a regular expression, or literal text the line is, starts with, ends with or contains. */
export interface PatternWords {
  pattern(pattern: string): string;
  whole(quoted: string): string;
  start(quoted: string): string;
  end(quoted: string): string;
  none(quoted: string): string;
}

/**
 * The words checks speak in: one set per language, the rules (what is said
 * when) stay in this file. English is the runner's (the `check` event); a page
 * in another language passes its own set to say the same thing in its words.
 */
export interface CheckPhrases {
  /** End statuses by name; unknown ones through `unknownStatus`. */
  status: Record<string, StatusWords>;
  unknownStatus(status: string): StatusWords;
  /** "a, b or c". */
  or(items: string[]): string;
  /** The lesson's sentence for a wrong status, then what it did. */
  statusOwn(explain: string, did: string): string;
  /** The default sentence for a wrong status. */
  statusDefault(should: string, did: string): string;
  blockedDid: string;
  notBlockedDid: string;
  blockedExpected: string;
  printedNothing(process: string): string;
  /** What a process's output ended with, after a sentence about its output. */
  lastLineWas(quoted: string): string;
  /** What its last line was, after a sentence about its last line. */
  itWas(quoted: string): string;
  /** `line`: from `line` below. */
  shouldPrint(process: string, line: string): string;
  line: PatternWords;
  /** `should`: from `lastLine` below. */
  lastLineShould(process: string, should: string): string;
  lastLine: PatternWords;
  /** Passed check details. */
  ranMet(did: string): string;
  notStuck: string;
  stuckAsExpected: string;
  /** A line it printed (quoted), or, for a pattern over several lines, the pattern in words (from `line`). */
  printedLine(process: string, quoted: string): string;
  printedPattern(process: string, line: string): string;
  lastLineMet(process: string, quoted: string): string;
}

/** The runner's words (the `check` event is English). */
export const ENGLISH_CHECK_PHRASES: CheckPhrases = {
  status: {
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
  },
  unknownStatus: (status) => ({ should: `end "${status}"`, did: `ended "${status}"` }),
  or: (items) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`),
  statusOwn: (explain, did) => `${explain} This time it ${did}.`,
  statusDefault: (should, did) => `The run should ${should}, but it ${did}.`,
  blockedDid: "The processes got stuck: for a while none of them printed anything or used the CPU, each waiting for a message that never came.",
  notBlockedDid: "The processes never got stuck waiting for each other.",
  blockedExpected: "The processes should get stuck waiting for each other here (the deadlock this shows), but they kept going.",
  printedNothing: (process) => `${process} printed nothing.`,
  lastLineWas: (quoted) => `Its last line was ${quoted}.`,
  itWas: (quoted) => `It was ${quoted}.`,
  shouldPrint: (process, line) => `${process} should print ${line}, but it did not.`,
  line: {
    pattern: (pattern) => `a line like /${pattern}/`,
    whole: (quoted) => `the line ${quoted}`,
    start: (quoted) => `a line starting with ${quoted}`,
    end: (quoted) => `a line ending with ${quoted}`,
    none: (quoted) => `a line with ${quoted} in it`,
  },
  lastLineShould: (process, should) => `${process}'s last line should ${should}.`,
  lastLine: {
    pattern: (pattern) => `look like /${pattern}/`,
    whole: (quoted) => `be ${quoted}`,
    start: (quoted) => `start with ${quoted}`,
    end: (quoted) => `end with ${quoted}`,
    none: (quoted) => `contain ${quoted}`,
  },
  ranMet: (did) => `The run ${did}.`,
  notStuck: "Nothing got stuck waiting.",
  stuckAsExpected: "The processes got stuck waiting for each other, as they should here.",
  printedLine: (process, quoted) => `${process} printed ${quoted}.`,
  printedPattern: (process, line) => `${process} printed ${line}.`,
  lastLineMet: (process, quoted) => `${process}'s last line was ${quoted}.`,
};

function statusWords(status: string, phrases: CheckPhrases): StatusWords {
  return phrases.status[status] ?? phrases.unknownStatus(status);
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

/** A pattern in words ("print a line …" / "… should be …"), literally where it is plain text. */
function patternPhrase(pattern: string, words: PatternWords): string {
  const literal = literalPattern(pattern);
  return literal ? words[literal.anchored](quote(literal.text)) : words.pattern(pattern);
}

/** What a process printed, in a few words: its last line, or that it printed nothing. */
function seenOutput(process: string, text: string, phrases: CheckPhrases): string {
  const last = lastLine(text);
  return last === "" ? phrases.printedNothing(process) : phrases.lastLineWas(quote(last));
}

/**
 * What did not hold, one sentence each in words for a learner; empty when the
 * run showed what was expected. `phrases`: the language (English, the runner's, by default).
 */
export function unmetExpectations(expectation: Expectation, run: RunRecord, phrases: CheckPhrases = ENGLISH_CHECK_PHRASES): string[] {
  const problems: string[] = [];
  const explain = expectation.explain ?? {};
  if (expectation.status !== undefined) {
    const allowed = Array.isArray(expectation.status) ? expectation.status : [expectation.status];
    if (!allowed.includes(run.status)) {
      const did = statusWords(run.status, phrases).did;
      problems.push(
        explain.status
          ? phrases.statusOwn(explain.status, did)
          : phrases.statusDefault(phrases.or(allowed.map((s) => statusWords(s, phrases).should)), did),
      );
    }
  }
  if (expectation.blocked !== undefined && expectation.blocked !== run.blocked) {
    const did = run.blocked ? phrases.blockedDid : phrases.notBlockedDid;
    problems.push(explain.blocked ? `${explain.blocked} ${did}` : expectation.blocked ? phrases.blockedExpected : did);
  }
  for (const [process, patterns] of Object.entries(expectation.stdout ?? {})) {
    const text = run.stdout[process] ?? "";
    const missing = (Array.isArray(patterns) ? patterns : [patterns]).filter((pattern) => !new RegExp(pattern, "m").test(text));
    if (missing.length === 0) continue;
    const own = explain.stdout?.[process];
    const seen = seenOutput(process, text, phrases);
    if (own) problems.push(`${own} ${seen}`);
    else for (const pattern of missing) problems.push(`${phrases.shouldPrint(process, patternPhrase(pattern, phrases.line))} ${seen}`);
  }
  for (const [process, pattern] of Object.entries(expectation.lastLine ?? {})) {
    const last = lastLine(run.stdout[process] ?? "");
    if (new RegExp(pattern).test(last)) continue;
    const seen = last === "" ? phrases.printedNothing(process) : phrases.itWas(quote(last));
    const own = explain.lastLine?.[process];
    problems.push(own ? `${own} ${seen}` : `${phrases.lastLineShould(process, patternPhrase(pattern, phrases.lastLine))} ${seen}`);
  }
  return problems;
}

/** What held, in words, with what the run showed: a passed check's details. */
export function describeMet(expectation: Expectation, run: RunRecord, phrases: CheckPhrases = ENGLISH_CHECK_PHRASES): string[] {
  const details: string[] = [];
  if (expectation.status !== undefined) details.push(phrases.ranMet(statusWords(run.status, phrases).did));
  if (expectation.blocked === false) details.push(phrases.notStuck);
  if (expectation.blocked === true) details.push(phrases.stuckAsExpected);
  for (const [process, patterns] of Object.entries(expectation.stdout ?? {})) {
    const printed = lines(run.stdout[process] ?? "");
    for (const pattern of Array.isArray(patterns) ? patterns : [patterns]) {
      const regex = new RegExp(pattern);
      const line = printed.find((l) => regex.test(l));
      // A pattern may span lines ("m" flag on the whole output): then say it in words.
      details.push(line === undefined ? phrases.printedPattern(process, patternPhrase(pattern, phrases.line)) : phrases.printedLine(process, quote(line)));
    }
  }
  for (const [process] of Object.entries(expectation.lastLine ?? {})) {
    details.push(phrases.lastLineMet(process, quote(lastLine(run.stdout[process] ?? ""))));
  }
  return details;
}

/** The `check` event's data. */
export function evaluateCheck(
  check: Check,
  run: RunRecord,
  phrases: CheckPhrases = ENGLISH_CHECK_PHRASES,
): { passed: boolean; title: string; details: string[] } {
  const problems = unmetExpectations(check.expect, run, phrases);
  return problems.length === 0
    ? { passed: true, title: check.title, details: describeMet(check.expect, run, phrases) }
    : { passed: false, title: check.title, details: problems };
}

const PLACEHOLDER = /\{([A-Za-z0-9_-]+)(?:\.(\d))?\}/g;

/** `end.note`: the expectation's note with what the run printed filled in, when the run shows the expectation. */
export function noteFor(expectation: Expectation, run: RunRecord): string | undefined {
  if (!expectation.note || unmetExpectations(expectation, run).length > 0) return undefined;
  return fillNote(expectation.note, expectation, run);
}

/** A note (`expectation.note` or its translation) with `{process}` and `{process.1}` filled from what the run printed. */
export function fillNote(note: string, expectation: Expectation, run: Pick<RunRecord, "stdout">): string {
  return note.replace(PLACEHOLDER, (_, process: string, group: string | undefined) => {
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
