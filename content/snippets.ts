/**
 * A lesson's runnable snippets, read from `snippets/<id>/` (snippet.json and
 * one folder of files per variant). No MDX here: the standalone runner reads
 * exercise checks through this module without the site's Markdown toolchain.
 * What a run may be is the run spec's rule (runner/protocol/run-spec.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { wordingProblem } from "../runner/checks";
import { ApiError } from "../runner/errors";
import { checkProcessList, checkRunSpec, FILE_NAME, FILE_NAME_RULE, RUN_LIMITS } from "../runner/protocol";
import { LessonError, type PathName } from "./folders";
import type { Expectation, MessagesExpectation, ProcessDef, Snippet, Variant, VariantId } from "./types";
import { VARIANT_ORDER } from "./types";

const SNIPPET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Shortest time limit a snippet may set: less would not start Node and zeromq reliably. */
const MIN_TIMEOUT_MS = 1000;

/** Every snippet of the lesson in `lessonDir`, in folder-name order (none without a snippets/ folder). */
export function loadSnippets(lessonDir: string, name: PathName): Snippet[] {
  const snippetsDir = join(lessonDir, "snippets");
  if (!existsSync(snippetsDir)) return [];
  return readdirSync(snippetsDir)
    .sort()
    .filter((id) => statSync(join(snippetsDir, id)).isDirectory())
    .map((id) => loadSnippet(join(snippetsDir, id), id, name));
}

interface SnippetJson {
  title?: unknown;
  onBlocked?: unknown;
  trace?: unknown;
  check?: unknown;
  processes?: unknown;
  timeoutMs?: unknown;
  variants?: unknown;
}

export function loadSnippet(dir: string, id: string, name: PathName): Snippet {
  if (!SNIPPET_ID.test(id)) throw new LessonError(name(dir), `a snippet id is lowercase words with dashes`);
  const file = join(dir, "snippet.json");
  if (!existsSync(file)) throw new LessonError(name(dir), `has no snippet.json`);
  let json: SnippetJson;
  try {
    json = JSON.parse(readFileSync(file, "utf8")) as SnippetJson;
  } catch (error) {
    throw new LessonError(name(file), `is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json.title !== "string" || !json.title.trim()) throw new LessonError(name(file), `needs a "title"`);
  if (typeof json.variants !== "object" || json.variants === null || Array.isArray(json.variants)) {
    throw new LessonError(name(file), `needs "variants": an object of variant id → { "label": … }`);
  }
  const variantsJson = json.variants as Record<string, unknown>;
  const folders = readdirSync(dir).filter((entry) => statSync(join(dir, entry)).isDirectory());
  for (const folder of folders) {
    if (!(folder in variantsJson)) throw new LessonError(name(join(dir, folder)), `is a variant folder missing from snippet.json "variants"`);
  }
  const shared = { processes: parseProcesses(json.processes, name(file)), timeoutMs: parseTimeout(json.timeoutMs, name(file)) };
  const variants = Object.entries(variantsJson)
    .map(([variantId, raw]) => loadVariant(dir, variantId, raw, shared, name))
    .sort((a, b) => VARIANT_ORDER.indexOf(a.id) - VARIANT_ORDER.indexOf(b.id));
  if (variants.length === 0) throw new LessonError(name(file), `lists no variants`);
  const snippet: Snippet = { id, title: json.title.trim(), variants };
  if (json.onBlocked !== undefined) {
    if (typeof json.onBlocked !== "string" || !json.onBlocked.trim()) throw new LessonError(name(file), `"onBlocked" must be a sentence`);
    snippet.onBlocked = json.onBlocked.trim();
  }
  if (json.trace !== undefined) {
    if (typeof json.trace !== "boolean") throw new LessonError(name(file), `"trace" must be true or false`);
    if (json.trace) snippet.trace = true;
  }
  const claimed = variants.find((v) => v.messages);
  if (claimed && !snippet.trace) throw new LessonError(name(file), `variant "${claimed.id}" says what its Messages view shows: the snippet needs "trace": true`);
  if (json.check !== undefined) {
    const check = json.check as Record<string, unknown> | null;
    if (typeof check !== "object" || check === null || typeof check.title !== "string" || !check.title.trim() || check.expect === undefined) {
      throw new LessonError(name(file), `"check" must be { "title": "…", "expect": { … } }`);
    }
    if (!variants.some((v) => v.id === "starter") || !variants.some((v) => v.id === "solution")) {
      throw new LessonError(name(file), `has a "check", so it is an exercise: it needs "starter" and "solution" variants`);
    }
    snippet.check = { title: check.title.trim(), expect: parseExpectation(check.expect, `${name(file)} check`) };
  }
  return snippet;
}

function loadVariant(
  snippetDir: string,
  id: string,
  raw: unknown,
  shared: { processes?: ProcessDef[]; timeoutMs?: number },
  name: PathName,
): Variant {
  const where = `${name(join(snippetDir, "snippet.json"))} variants.${id}`;
  if (!VARIANT_ORDER.includes(id as VariantId)) {
    throw new LessonError(where, `is not a variant id (use ${VARIANT_ORDER.join(", ")})`);
  }
  if (typeof raw !== "object" || raw === null) throw new LessonError(where, `must be an object with a "label"`);
  const spec = raw as Record<string, unknown>;
  if (typeof spec.label !== "string" || !spec.label.trim()) throw new LessonError(where, `needs a "label"`);
  const dir = join(snippetDir, id);
  if (!existsSync(dir)) throw new LessonError(name(dir), `is missing: snippet.json lists variant "${id}"`);
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir).sort()) {
    if (!FILE_NAME.test(entry)) throw new LessonError(name(join(dir, entry)), `is not a runnable file name (${FILE_NAME_RULE})`);
    files[entry] = readFileSync(join(dir, entry), "utf8");
  }
  if (Object.keys(files).length === 0) throw new LessonError(name(dir), `has no files`);
  const processes = parseProcesses(spec.processes, where) ?? shared.processes;
  for (const process of processes ?? []) {
    if (!(process.entry in files)) throw new LessonError(name(dir), `has no ${process.entry}, which process "${process.name}" starts`);
  }
  const timeoutMs = parseTimeout(spec.timeoutMs, where) ?? shared.timeoutMs;
  // Whatever else the run API would refuse (too many files, too much code, nothing to start) stops the build.
  asLessonError(name(dir), () => checkRunSpec({ files, processes, timeoutMs }));
  const variant: Variant = { id: id as VariantId, label: spec.label.trim(), files };
  if (processes) variant.processes = processes;
  if (timeoutMs) variant.timeoutMs = timeoutMs;
  if (spec.expect !== undefined) variant.expect = parseExpectation(spec.expect, where);
  if (spec.messages !== undefined) variant.messages = parseMessages(spec.messages, `${where}.messages`);
  return variant;
}

function parseMessages(value: unknown, where: string): MessagesExpectation {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new LessonError(where, `must be an object of claims (lost, arrivesAs, waiting)`);
  const claims: MessagesExpectation = {};
  for (const [key, claim] of Object.entries(value)) {
    if ((key === "lost" || key === "arrivesAs") && typeof claim === "boolean") claims[key] = claim;
    else if (key === "waiting" && Array.isArray(claim) && claim.length > 0 && claim.every((p) => typeof p === "string" && p !== "")) claims.waiting = claim as string[];
    else throw new LessonError(where, `has "${key}": use "lost" or "arrivesAs" (true or false), or "waiting" (process names)`);
  }
  return claims;
}

/** The run API's verdict as a LessonError naming `where`. */
function asLessonError<T>(where: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ApiError) throw new LessonError(where, error.message);
    throw error;
  }
}

/** `processes` as the run API takes them (checked by its own rule), or undefined when not given. */
function parseProcesses(value: unknown, where: string): ProcessDef[] | undefined {
  return value === undefined ? undefined : asLessonError(where, () => checkProcessList(value));
}

function parseTimeout(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  const max = RUN_LIMITS.maxTimeoutMs;
  if (typeof value !== "number" || !Number.isInteger(value) || value < MIN_TIMEOUT_MS || value > max) {
    throw new LessonError(where, `"timeoutMs" must be a whole number from ${MIN_TIMEOUT_MS} to ${max}`);
  }
  return value;
}

function parseExpectation(value: unknown, where: string): Expectation {
  if (typeof value !== "object" || value === null) throw new LessonError(where, `"expect" must be an object`);
  const e = value as Record<string, unknown>;
  const known = ["status", "blocked", "stdout", "lastLine", "explain", "note"];
  for (const key of Object.keys(e)) if (!known.includes(key)) throw new LessonError(where, `"expect.${key}" is unknown (use ${known.join(", ")})`);
  const regexes = (record: unknown, key: string) => {
    if (record === undefined) return;
    if (typeof record !== "object" || record === null) throw new LessonError(where, `"expect.${key}" must map process names to patterns`);
    for (const [process, patterns] of Object.entries(record)) {
      for (const pattern of Array.isArray(patterns) ? patterns : [patterns]) {
        try {
          new RegExp(String(pattern));
        } catch {
          throw new LessonError(where, `"expect.${key}.${process}": ${String(pattern)} is not a regular expression`);
        }
      }
    }
  };
  regexes(e.stdout, "stdout");
  regexes(e.lastLine, "lastLine");
  const wording = wordingProblem(e);
  if (wording) throw new LessonError(where, wording);
  return e as Expectation;
}
