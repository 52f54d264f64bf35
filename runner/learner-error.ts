/**
 * A learner process that dies of an uncaught exception: what it was and where,
 * in the learner's own file and line, read from the report Node prints on stderr.
 *
 * Node's report (with --enable-source-maps and the sources in the map, see
 * transpile.ts) is: the learner's `path:line`, that line and a caret under the
 * column, a blank line, the error's stack (its first line is `Name: message`,
 * then `    at …` frames, already mapped to the learner's files), and last a
 * `Node.js vX.Y.Z` line. The report is read, not produced here: Node's own
 * output stays what the learner sees, and this only names the cause in the
 * run's end message and in `end.errors`.
 */

export interface LearnerError {
  /** The error's first line as Node printed it: `TypeError: x is not a function`. */
  message: string;
  /** The first place in the learner's files: the throw, or the call into a library that threw. */
  location?: { file: string; line: number; column: number };
}

/** Enough of the end of a process's stderr to hold Node's report of one exception. */
export const REPORT_TAIL_CHARS = 16 * 1024;
const MAX_MESSAGE_CHARS = 300;

/** The last line of Node's report of a fatal exception. */
const TRAILER = /(?:^|\n)Node\.js v\d+\.\d+\.\d+\s*$/;
/** A caret line under a code frame: only blanks, then one or more `^`. */
const CARET = /^[\t ]*\^+\s*$/;
/** A frame's header: `/code/server.ts:22` (or a URL, or node:internal/…). */
const FRAME_HEADER = /^(.*):(\d+)$/;
/** A stack frame in the sandbox's code folder: `    at f (/code/server.ts:22:5)` or `    at /code/server.ts:22:5`. */
const STACK_FRAME = /^\s+at (?:.*?\()?(?:file:\/\/)?\/code\/([^/:()\s]+):(\d+):(\d+)\)?\s*$/;

/**
 * Reads the report of an uncaught exception at the end of `stderr`; undefined when
 * the process did not die of one (it called process.exit(1), say). `files` are the
 * run's source files: only those count as the learner's location.
 */
export function parseUncaughtError(stderr: string, files: readonly string[]): LearnerError | undefined {
  const trailer = TRAILER.exec(stderr);
  if (!trailer) return undefined;
  const lines = stderr.slice(0, trailer.index).split(/\r?\n/);
  const known = new Set(files);

  let header: { file: string; line: number; column: number } | undefined;
  let first = -1;
  for (let i = lines.length - 1; i >= 2; i--) {
    const where = FRAME_HEADER.exec(lines[i - 2]!);
    if (CARET.test(lines[i]!) && where) {
      const file = where[1]!.replace(/^(?:file:\/\/)?\/code\//, "");
      if (known.has(file)) header = { file, line: Number(where[2]), column: lines[i]!.indexOf("^") + 1 };
      first = i + 1;
      break;
    }
  }
  if (first < 0) {
    // No code frame (an error from native code, say): the line before the stack's frames.
    const at = lines.findIndex((line) => /^\s+at /.test(line));
    first = at > 0 ? at - 1 : lines.findIndex((line) => line.trim() !== "");
    if (first < 0) return undefined;
  }
  while (first < lines.length && lines[first]!.trim() === "") first++;
  const messageLine = lines[first];
  if (messageLine === undefined) return undefined;

  let location = header;
  for (const line of lines.slice(first + 1)) {
    const frame = STACK_FRAME.exec(line);
    if (frame && known.has(frame[1]!)) {
      location = { file: frame[1]!, line: Number(frame[2]), column: Number(frame[3]) };
      break;
    }
  }
  const message = messageLine.trim();
  const error: LearnerError = { message: message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message };
  if (location) error.location = location;
  return error;
}

/** The end message for a process that died of `error`: `"server" failed: TypeError: … (server.ts:22:5)`. */
export function describeLearnerError(process: string, error: LearnerError): string {
  const where = error.location ? ` (${error.location.file}:${error.location.line}:${error.location.column})` : "";
  const hint = hintFor(error);
  return `"${process}" failed: ${error.message}${where}.${hint ? ` ${hint.sentence}` : ""}`;
}

/** The zeromq 5 API (`zmq.socket("req")`), called on zeromq 6, which has classes (`new zmq.Request()`). */
const ZEROMQ_5_API =
  /\.(?:socket|createSocket)\)? is not a function|export named '(?:socket|createSocket)'|Named export '(?:socket|createSocket)' not found/;

/**
 * What to tell a learner whose error has a well-known cause: a sentence for the
 * end message, and the lines for their terminal, below Node's report.
 */
export function hintFor(error: LearnerError): { sentence: string; stderr: string } | undefined {
  if (!ZEROMQ_5_API.test(error.message)) return undefined;
  return {
    sentence:
      `This is the zeromq 5 API (zmq.socket("req")); the sandbox has zeromq 6. ` +
      `To run it unchanged, load the compatibility layer: require("zeromq/v5-compat") or import * as zmq from "zeromq/v5-compat".`,
    stderr:
      `\nhint: zmq.socket("…") is the zeromq 5 API, and the sandbox has zeromq 6 (new zmq.Request(), …).\n` +
      `hint: to run zeromq 5 code unchanged, change one line to load the compatibility layer:\n` +
      `hint:     const zmq = require("zeromq/v5-compat");      (CommonJS)\n` +
      `hint:     import * as zmq from "zeromq/v5-compat";      (ES module, TypeScript)\n`,
  };
}
