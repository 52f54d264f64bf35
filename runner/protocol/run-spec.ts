/**
 * What a run is, as `POST /api/runs` takes it (shared/runner-api.md): its
 * files, the processes to start, a time limit. The limits' public values,
 * the file-name rule, which process starts when none is named, and the one
 * validator live here, so that what the runner accepts is what the workshop,
 * the lesson loader and the browser accept. Browser-safe: no Node built-ins.
 */
import { ApiError } from "../errors";

/** A file a run may have: 1–40 letters, digits, `_` or `-`, and a script extension. */
export const FILE_NAME = /^[A-Za-z0-9_-]{1,40}\.(ts|mts|cts|js|mjs|cjs)$/;
export const FILE_NAME_RULE = `use 1–40 letters, digits, "_" or "-" and end in .ts, .mts, .cts, .js, .mjs or .cjs`;
/** A process's command-line arguments (`process.argv.slice(2)`): at most this many, each at most this long. */
export const MAX_ARGS = 16;
export const MAX_ARG_CHARS = 256;
export const PROCESS_NAME = /^[A-Za-z0-9_-]{1,32}$/;
/** `lesson`, `snippet` and `variant` sent with a run. */
export const ATTRIBUTION = /^[A-Za-z0-9._-]{1,100}$/;

/** With several files and no `processes`, a run starts the first of these it has. */
export const DEFAULT_ENTRIES = ["main.ts", "main.mts", "main.js", "main.mjs"] as const;
/** The one process a run starts when it names none. */
export const DEFAULT_PROCESS_NAME = "main";

/** What a request may ask for. The runner's own can be changed (runner/config.ts); these are the defaults everyone else checks against. */
export interface RunLimits {
  /** Files per run. */
  maxFiles: number;
  /** Source bytes (UTF-8) of all files together. */
  codeBytes: number;
  /** Processes per run (the sandbox wires pipes for this many: runner/sandbox/sandbox.ts). */
  maxProcesses: number;
  /** Longest start delay of a process. */
  maxDelayMs: number;
  /** Wall time of a run that asks for none. */
  defaultTimeoutMs: number;
  /** Longest wall time a run may ask for; more is capped to it. */
  maxTimeoutMs: number;
}

export const RUN_LIMITS: Readonly<RunLimits> = Object.freeze({
  maxFiles: 8,
  codeBytes: 64 * 1024,
  maxProcesses: 4,
  maxDelayMs: 5_000,
  defaultTimeoutMs: 10_000,
  maxTimeoutMs: 60_000,
});

/** A process as a request, a snippet.json or a broadcast writes it. */
export interface ProcessDef {
  name: string;
  entry: string;
  delayMs?: number;
  /** Command-line arguments: `process.argv.slice(2)` (absent: none). */
  args?: string[];
}

/** A process as the runner starts it: the delay filled in. */
export interface ProcessSpec {
  name: string;
  entry: string;
  delayMs: number;
  /** Command-line arguments: `process.argv.slice(2)` (absent: none). */
  args?: string[];
}

/** Which lesson, snippet and variant a run comes from (lets the runner check an exercise). */
export interface RunAttribution {
  lesson?: string;
  snippet?: string;
  variant?: string;
  /** Which playground on the client's page started it: a new run of it replaces the client's previous one. */
  playground?: string;
}

/** A `POST /api/runs` body as a client sends it. */
export interface RunSpec extends RunAttribution {
  files: Record<string, string>;
  processes?: ProcessDef[];
  timeoutMs?: number;
  /** Report every zeromq socket's activity as `trace` events. */
  trace?: boolean;
}

/** A validated `POST /api/runs` body: what the runner runs. */
export interface RunRequest extends RunAttribution {
  files: Record<string, string>;
  processes: ProcessSpec[];
  timeoutMs: number;
  /** Set (true) only for a traced run. */
  trace?: true;
}

function bad(code: string, message: string): never {
  throw new ApiError(400, code, message);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** "256 MiB", "1 MiB", "64 KiB": how limits are named in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** A limit in seconds, as messages say it: "10 s", "2.5 s". */
export function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Bytes of `text` in UTF-8, as Node's Buffer.byteLength counts them (a lone surrogate is 3). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The file a run starts when it names no process: the only file, else main.ts (or .mts, .js, .mjs); undefined when there is none. */
export function defaultEntry(files: readonly string[]): string | undefined {
  if (files.length === 1) return files[0];
  return DEFAULT_ENTRIES.find((name) => files.includes(name));
}

/** The processes a run of these files starts when it names none; a 400 `missing-processes` when it cannot tell. */
export function defaultProcesses(files: readonly string[]): ProcessDef[] {
  const entry = defaultEntry(files);
  if (entry === undefined) bad("missing-processes", `With several files and no "processes", one of them must be main.ts.`);
  return [{ name: DEFAULT_PROCESS_NAME, entry }];
}

/** What a run of `spec` starts: its own processes, else the default one; none when it has neither (the runner would refuse it). */
export function startedProcesses(spec: { files: Record<string, string>; processes?: readonly ProcessDef[] }): ProcessDef[] {
  if (spec.processes && spec.processes.length > 0) return spec.processes.map((p) => ({ ...p }));
  const entry = defaultEntry(Object.keys(spec.files));
  return entry === undefined ? [] : [{ name: DEFAULT_PROCESS_NAME, entry }];
}

/** Checks a run's `files` (names, count, total size); returns them in a fresh object. */
export function checkFiles(value: unknown, limits: RunLimits = RUN_LIMITS): Record<string, string> {
  if (value === undefined) bad("missing-files", `"files" is required: an object of file name → source.`);
  if (!isPlainObject(value)) bad("invalid-files", `"files" must be an object of file name → source.`);
  const names = Object.keys(value);
  if (names.length === 0) bad("invalid-files", `"files" must contain at least one file.`);
  if (names.length > limits.maxFiles) {
    bad("too-many-files", `A run may have at most ${limits.maxFiles} files; this one has ${names.length}.`);
  }
  const files: Record<string, string> = {};
  let total = 0;
  for (const name of names) {
    if (!FILE_NAME.test(name)) bad("invalid-file-name", `File name "${name.slice(0, 60)}" is not allowed: ${FILE_NAME_RULE}.`);
    const source = value[name];
    if (typeof source !== "string") bad("invalid-files", `The source of "${name}" must be a string.`);
    total += utf8Bytes(source);
    files[name] = source;
  }
  if (total > limits.codeBytes) {
    throw new ApiError(413, "code-too-large", `The code is ${formatBytes(total)}; the limit is ${formatBytes(limits.codeBytes)} for all files together.`);
  }
  return files;
}

/**
 * Checks a list of processes: 1 to `maxProcesses`, distinct names, whole
 * delays up to `maxDelayMs`, and — when `files` is given — entries that name
 * one of them. `delayMs` is kept only where it was given.
 */
export function checkProcessList(value: unknown, options: { files?: readonly string[]; limits?: RunLimits } = {}): ProcessDef[] {
  const limits = options.limits ?? RUN_LIMITS;
  const files = options.files;
  if (!Array.isArray(value) || value.length === 0) bad("invalid-processes", `"processes" must be a non-empty array of {name, entry, delayMs?, args?}.`);
  if (value.length > limits.maxProcesses) {
    bad("too-many-processes", `A run may start at most ${limits.maxProcesses} processes; this one asks for ${value.length}.`);
  }
  const seen = new Set<string>();
  return value.map((item: unknown, index): ProcessDef => {
    const where = `Process ${index + 1}`;
    if (!isPlainObject(item)) bad("invalid-processes", `${where} in "processes" must be an object {name, entry, delayMs?, args?}.`);
    const { name, entry, delayMs, args } = item;
    if (typeof name !== "string" || !PROCESS_NAME.test(name)) bad("invalid-process-name", `${where} needs a "name" of 1–32 letters, digits, "_" or "-".`);
    if (seen.has(name)) bad("duplicate-process-name", `Two processes are named "${name}"; names must differ.`);
    seen.add(name);
    if (typeof entry !== "string" || (files ? !files.includes(entry) : !FILE_NAME.test(entry))) {
      bad("unknown-entry", files ? `${where} needs an "entry" that names one of the files (${files.join(", ")}).` : `${where} needs an "entry" that names a file.`);
    }
    const def: ProcessDef = { name, entry };
    if (delayMs !== undefined && delayMs !== null) {
      if (typeof delayMs !== "number" || !Number.isInteger(delayMs) || delayMs < 0 || delayMs > limits.maxDelayMs) {
        bad("invalid-delay", `${where} has a "delayMs" that is not a whole number from 0 to ${limits.maxDelayMs}.`);
      }
      def.delayMs = delayMs;
    }
    if (args !== undefined && args !== null) def.args = checkArgs(args, where);
    return def;
  });
}

/** `args`: what the process finds in `process.argv` after its file, as a shell would pass them. */
function checkArgs(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.length > MAX_ARGS) {
    bad("invalid-args", `${where} has "args" that is not a list of at most ${MAX_ARGS} strings.`);
  }
  return value.map((arg: unknown, index) => {
    if (typeof arg !== "string" || arg.length > MAX_ARG_CHARS || arg.includes("\0")) {
      bad("invalid-args", `${where}: argument ${index + 1} in "args" must be a string of at most ${MAX_ARG_CHARS} characters, without NUL.`);
    }
    return arg;
  });
}

/** A run's processes as the runner starts them: the given ones checked, or the default one. */
export function checkProcesses(value: unknown, files: readonly string[], limits: RunLimits = RUN_LIMITS): ProcessSpec[] {
  const processes = value === undefined || value === null ? defaultProcesses(files) : checkProcessList(value, { files, limits });
  return processes.map((p) => ({ name: p.name, entry: p.entry, delayMs: p.delayMs ?? 0, ...(p.args ? { args: p.args } : {}) }));
}

/** A run's time limit: the default when absent, capped at the maximum (the contract says the server caps it). */
export function checkTimeout(value: unknown, limits: RunLimits = RUN_LIMITS): number {
  if (value === undefined || value === null) return limits.defaultTimeoutMs;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    bad("invalid-timeout", `"timeoutMs" must be a positive number of milliseconds (at most ${limits.maxTimeoutMs}).`);
  }
  return Math.min(Math.round(value), limits.maxTimeoutMs);
}

/** Turns an untrusted `POST /api/runs` body into a RunRequest, or throws a 400/413 ApiError saying what is wrong. */
export function checkRunSpec(body: Record<string, unknown>, limits: RunLimits = RUN_LIMITS): RunRequest {
  const files = checkFiles(body.files, limits);
  const processes = checkProcesses(body.processes, Object.keys(files), limits);
  const timeoutMs = checkTimeout(body.timeoutMs, limits);
  const request: RunRequest = { files, processes, timeoutMs };
  if (body.trace !== undefined && body.trace !== null) {
    if (typeof body.trace !== "boolean") bad("invalid-trace", `"trace" must be true or false.`);
    if (body.trace) request.trace = true;
  }
  for (const key of ["lesson", "snippet", "variant", "playground"] as const) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string" || !ATTRIBUTION.test(value)) {
      bad(`invalid-${key}`, `"${key}" must be a short identifier (letters, digits, ".", "_" or "-").`);
    }
    request[key] = value;
  }
  return request;
}
