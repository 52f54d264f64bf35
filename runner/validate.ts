/**
 * The runner's request bodies. What a run may be (files, processes, limits)
 * is the run spec's rule (runner/protocol/run-spec.ts), checked here with this
 * runner's configured limits; this file adds the JSON body and stdin writes.
 */
import type { RunnerConfig } from "./config";
import { ApiError } from "./errors";
import { checkRunSpec, formatBytes, utf8Bytes, type RunRequest, type StdinRequest } from "./protocol";

export { FILE_NAME } from "./protocol";
export type { StdinRequest } from "./protocol";

function bad(code: string, message: string): never {
  throw new ApiError(400, code, message);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deeper than any body of the API (they nest 3 levels): deeper JSON is refused unparsed. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether JSON text nests arrays/objects deeper than `max`: one pass, no allocation, so a
 * deeply nested body costs the event loop a scan instead of a slow JSON.parse.
 */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip the string: brackets inside it do not nest.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

/** Parses a request body that must be one JSON object. */
export function parseJsonObject(text: string): Record<string, unknown> {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) bad("json-too-deep", `The request body nests deeper than ${MAX_JSON_DEPTH} levels of arrays and objects.`);
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
  return checkRunSpec(body, config);
}

/** Checks a `POST /api/runs/<id>/stdin` body. */
export function validateStdinRequest(body: Record<string, unknown>, config: RunnerConfig): StdinRequest {
  const { process, data, eof } = body;
  if (typeof process !== "string" || process === "") bad("invalid-process", `"process" must name a process of the run.`);
  if (eof === true) {
    if (data !== undefined && data !== "") bad("invalid-stdin", `Send either "data" or "eof": true, not both.`);
    return { process, data: "", eof: true };
  }
  if (eof !== undefined && eof !== false) bad("invalid-stdin", `"eof" must be true or absent.`);
  if (typeof data !== "string") bad("invalid-stdin", `"data" must be a string (or send "eof": true).`);
  if (utf8Bytes(data) > config.stdinBytes) {
    throw new ApiError(413, "stdin-too-large", `One stdin write may carry at most ${formatBytes(config.stdinBytes)}.`);
  }
  return { process, data, eof: false };
}
