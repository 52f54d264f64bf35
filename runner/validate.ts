import type { RunnerConfig } from "./config";
import { formatBytes } from "./config";
import { ApiError } from "./errors";
import type { ProcessSpec, RunRequest } from "./types";

export const FILE_NAME = /^[A-Za-z0-9_-]{1,40}\.(ts|mts|cts|js|mjs|cjs)$/;
const PROCESS_NAME = /^[A-Za-z0-9_-]{1,32}$/;
const ATTRIBUTION = /^[A-Za-z0-9._-]{1,100}$/;
/** A process's command-line arguments (`process.argv.slice(2)`): at most this many, each at most this long. */
export const MAX_ARGS = 16;
export const MAX_ARG_CHARS = 256;

function bad(code: string, message: string): never {
  throw new ApiError(400, code, message);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses a request body that must be one JSON object. */
export function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    bad("invalid-json", "The request body is not valid JSON.");
  }
  if (!isPlainObject(value)) bad("invalid-body", "The request body must be a JSON object.");
  return value;
}

/** Turns an untrusted `POST /api/runs` body into a RunRequest, or throws ApiError. */
export function validateRunRequest(body: Record<string, unknown>, config: RunnerConfig): RunRequest {
  const files = validateFiles(body.files, config);
  const processes = validateProcesses(body.processes, files, config);
  const timeoutMs = validateTimeout(body.timeoutMs, config);
  const request: RunRequest = { files, processes, timeoutMs };
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

function validateFiles(value: unknown, config: RunnerConfig): Record<string, string> {
  if (value === undefined) bad("missing-files", `"files" is required: an object of file name → source.`);
  if (!isPlainObject(value)) bad("invalid-files", `"files" must be an object of file name → source.`);
  const names = Object.keys(value);
  if (names.length === 0) bad("invalid-files", `"files" must contain at least one file.`);
  if (names.length > config.maxFiles) {
    bad("too-many-files", `A run may have at most ${config.maxFiles} files; this one has ${names.length}.`);
  }
  const files: Record<string, string> = {};
  let total = 0;
  for (const name of names) {
    if (!FILE_NAME.test(name)) {
      bad(
        "invalid-file-name",
        `File name "${name.slice(0, 60)}" is not allowed: use 1–40 letters, digits, "_" or "-" and end in .ts, .mts, .cts, .js, .mjs or .cjs.`,
      );
    }
    const source = value[name];
    if (typeof source !== "string") bad("invalid-files", `The source of "${name}" must be a string.`);
    total += Buffer.byteLength(source, "utf8");
    files[name] = source;
  }
  if (total > config.codeBytes) {
    throw new ApiError(
      413,
      "code-too-large",
      `The code is ${formatBytes(total)}; the limit is ${formatBytes(config.codeBytes)} for all files together.`,
    );
  }
  return files;
}

function defaultEntry(files: Record<string, string>): string {
  const names = Object.keys(files);
  if (names.length === 1) return names[0]!;
  const main = ["main.ts", "main.mts", "main.js", "main.mjs"].find((name) => Object.hasOwn(files, name));
  if (!main) {
    bad("missing-processes", `With several files and no "processes", one of them must be main.ts.`);
  }
  return main;
}

function validateProcesses(
  value: unknown,
  files: Record<string, string>,
  config: RunnerConfig,
): ProcessSpec[] {
  if (value === undefined || value === null) {
    return [{ name: "main", entry: defaultEntry(files), delayMs: 0 }];
  }
  if (!Array.isArray(value) || value.length === 0) {
    bad("invalid-processes", `"processes" must be a non-empty array of {name, entry, delayMs?, args?}.`);
  }
  if (value.length > config.maxProcesses) {
    bad("too-many-processes", `A run may start at most ${config.maxProcesses} processes; this one asks for ${value.length}.`);
  }
  const seen = new Set<string>();
  return value.map((item: unknown, index): ProcessSpec => {
    const where = `Process ${index + 1}`;
    if (!isPlainObject(item)) bad("invalid-processes", `${where} in "processes" must be an object {name, entry, delayMs?, args?}.`);
    const { name, entry, delayMs, args } = item;
    if (typeof name !== "string" || !PROCESS_NAME.test(name)) {
      bad("invalid-process-name", `${where} needs a "name" of 1–32 letters, digits, "_" or "-".`);
    }
    if (seen.has(name)) bad("duplicate-process-name", `Two processes are named "${name}"; names must differ.`);
    seen.add(name);
    if (typeof entry !== "string" || !Object.hasOwn(files, entry)) {
      bad("unknown-entry", `${where} needs an "entry" that names one of the files (${Object.keys(files).join(", ")}).`);
    }
    let delay = 0;
    if (delayMs !== undefined && delayMs !== null) {
      if (typeof delayMs !== "number" || !Number.isInteger(delayMs) || delayMs < 0 || delayMs > config.maxDelayMs) {
        bad("invalid-delay", `${where} has a "delayMs" that is not a whole number from 0 to ${config.maxDelayMs}.`);
      }
      delay = delayMs;
    }
    const spec: ProcessSpec = { name, entry, delayMs: delay };
    if (args !== undefined && args !== null) spec.args = validateArgs(args, where);
    return spec;
  });
}

/** `args`: what the process finds in `process.argv` after its file, as a shell would pass them. */
function validateArgs(value: unknown, where: string): string[] {
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

function validateTimeout(value: unknown, config: RunnerConfig): number {
  if (value === undefined || value === null) return config.defaultTimeoutMs;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    bad("invalid-timeout", `"timeoutMs" must be a positive number of milliseconds (at most ${config.maxTimeoutMs}).`);
  }
  // The contract says the server caps it: a larger request is honoured up to the cap.
  return Math.min(Math.round(value), config.maxTimeoutMs);
}

/** `POST /api/runs/<id>/stdin` body. */
export type StdinRequest = { process: string; data: string; eof: false } | { process: string; data: ""; eof: true };

export function validateStdinRequest(body: Record<string, unknown>, config: RunnerConfig): StdinRequest {
  const { process, data, eof } = body;
  if (typeof process !== "string" || process === "") bad("invalid-process", `"process" must name a process of the run.`);
  if (eof === true) {
    if (data !== undefined && data !== "") bad("invalid-stdin", `Send either "data" or "eof": true, not both.`);
    return { process, data: "", eof: true };
  }
  if (eof !== undefined && eof !== false) bad("invalid-stdin", `"eof" must be true or absent.`);
  if (typeof data !== "string") bad("invalid-stdin", `"data" must be a string (or send "eof": true).`);
  if (Buffer.byteLength(data) > config.stdinBytes) {
    throw new ApiError(413, "stdin-too-large", `One stdin write may carry at most ${formatBytes(config.stdinBytes)}.`);
  }
  return { process, data, eof: false };
}
