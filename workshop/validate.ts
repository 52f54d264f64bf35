/**
 * Turns untrusted request bodies into typed values, or throws a 400 ApiError
 * that says what is wrong. Code and processes become learners' runs: they are
 * checked by the run spec's own rule (runner/protocol/run-spec.ts), so the
 * workshop accepts exactly what the runner will run.
 */
import { ApiError } from "../runner/errors";
import { checkFiles, checkProcessList, RUN_LIMITS, type ProcessDef } from "../runner/protocol";
import { findLesson, type Catalog, type CatalogLesson } from "./catalog";
import type { CodeFile, WorkshopItem } from "./types";

const MAX_ITEMS = 50;
/** As much code as the runner takes: code that runs can be shown and broadcast. */
export const MAX_CODE_BYTES = RUN_LIMITS.codeBytes;
const MAX_WORKSHOP_DAYS = 7;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ANCHOR = /^[A-Za-z0-9_-]{1,100}$/;
const VARIANT = /^[A-Za-z0-9._-]{1,100}$/;
// C0/C1 controls, plus line/paragraph separators and bidi overrides that would garble a board.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function bad(code: string, message: string): never {
  throw new ApiError(400, code, message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Text the database can store: PostgreSQL text and jsonb hold neither NUL nor half of a
 * UTF-16 surrogate pair, so those become U+FFFD. For what a learner did, which is kept
 * rather than refused (their code, their run's output).
 */
export function storableText(value: string): string {
  return value.toWellFormed().replaceAll("\u0000", "\uFFFD");
}

/** What the database cannot store (see storableText), in text that is refused rather than altered. */
function unstorable(value: string): boolean {
  return !value.isWellFormed() || value.includes("\u0000");
}

/**
 * Trimmed, NFC, lengths counted in code points; `allowNewlines` for multi-line text.
 * Typed by a person, so half a surrogate pair (which no keyboard makes) is refused.
 */
function text(value: unknown, field: string, min: number, max: number, allowNewlines = false): string {
  if (typeof value !== "string") bad(`invalid-${field}`, `"${field}" must be a string of ${min}–${max} characters.`);
  if (!value.isWellFormed()) bad(`invalid-${field}`, `"${field}" must be well-formed Unicode text (it holds half of a surrogate pair).`);
  const clean = value.normalize("NFC").trim();
  const length = [...clean].length;
  if (length < min || length > max) {
    bad(`invalid-${field}`, min > 0 && length === 0 ? `"${field}" must not be empty.` : `"${field}" must be ${min}–${max} characters long; it is ${length}.`);
  }
  const checked = allowNewlines ? clean.replace(/\r?\n|\t/g, " ") : clean;
  if (CONTROL.test(checked)) bad(`invalid-${field}`, `"${field}" must not contain control characters${allowNewlines ? " (other than line breaks)" : ""}.`);
  return clean;
}

function lessonOf(catalog: Catalog, value: unknown, field = "lesson"): CatalogLesson {
  if (typeof value !== "string" || !SLUG.test(value)) bad(`invalid-${field}`, `"${field}" must be a lesson's slug, like "01-what-is-zeromq".`);
  const lesson = findLesson(catalog, value);
  if (!lesson) bad("unknown-lesson", `There is no lesson "${value}".`);
  return lesson;
}

function snippetOf(lesson: CatalogLesson, value: unknown) {
  if (typeof value !== "string" || !SLUG.test(value)) bad("invalid-snippet", `"snippet" must be a snippet id, like "hello-req-rep".`);
  const snippet = lesson.snippets.find((s) => s.id === value);
  if (!snippet) bad("unknown-snippet", `Lesson "${lesson.slug}" has no snippet "${value}".`);
  return snippet;
}

export interface CreateWorkshop {
  title: string;
  items: WorkshopItem[];
  endsAt: Date | null;
}

export function validateCreate(body: Record<string, unknown>, catalog: Catalog, now = Date.now()): CreateWorkshop {
  const title = text(body.title, "title", 1, 100);
  if (!Array.isArray(body.items) || body.items.length < 1 || body.items.length > MAX_ITEMS) {
    bad("invalid-items", `"items" must be a list of 1–${MAX_ITEMS} lessons or snippets, each {lesson, snippet?}.`);
  }
  const items = body.items.map((item: unknown, index): WorkshopItem => {
    if (!isObject(item)) bad("invalid-items", `Item ${index + 1} must be an object {lesson, snippet?}.`);
    const lesson = lessonOf(catalog, item.lesson);
    if (item.snippet === undefined || item.snippet === null) return { lesson: lesson.slug };
    return { lesson: lesson.slug, snippet: snippetOf(lesson, item.snippet).id };
  });
  let endsAt: Date | null = null;
  if (body.endsAt !== undefined && body.endsAt !== null) {
    const parsed = typeof body.endsAt === "string" && /^\d{4}-\d\d-\d\dT/.test(body.endsAt) ? new Date(body.endsAt) : null;
    if (!parsed || Number.isNaN(parsed.getTime())) bad("invalid-ends-at", `"endsAt" must be an ISO date and time, like "2030-01-31T17:00:00Z".`);
    if (parsed.getTime() <= now) bad("invalid-ends-at", `"endsAt" must be in the future.`);
    if (parsed.getTime() > now + MAX_WORKSHOP_DAYS * 86_400_000) bad("invalid-ends-at", `A workshop may last at most ${MAX_WORKSHOP_DAYS} days.`);
    endsAt = parsed;
  }
  return { title, items, endsAt };
}

export function validateName(body: Record<string, unknown>): string {
  return text(body.name, "name", 1, 40);
}

/** What signs an instructor in: the workshop's key, or a one-time `handoff` token from a board already signed in. */
export function validateKey(body: Record<string, unknown>): { key: string } | { handoff: string } {
  if (body.handoff !== undefined) {
    if (body.key !== undefined) bad("invalid-key", `Send "key" or "handoff", not both.`);
    if (typeof body.handoff !== "string" || !/^[A-Za-z0-9_-]{20,100}$/.test(body.handoff)) bad("invalid-handoff", `"handoff" must be the token of a one-time instructor link.`);
    return { handoff: body.handoff };
  }
  if (typeof body.key !== "string" || body.key.length === 0 || body.key.length > 200) bad("invalid-key", `"key" must be the instructor key from the instructor link.`);
  return { key: body.key };
}

export interface Place {
  lesson: string;
  anchor: string | null;
}

export function validatePlace(body: Record<string, unknown>, catalog: Catalog): Place {
  const lesson = lessonOf(catalog, body.lesson);
  if (body.anchor === undefined || body.anchor === null) return { lesson: lesson.slug, anchor: null };
  if (typeof body.anchor !== "string" || !ANCHOR.test(body.anchor)) bad("invalid-anchor", `"anchor" must be a section or snippet id (letters, digits, "-", "_").`);
  return { lesson: lesson.slug, anchor: body.anchor };
}

/**
 * Files as a list of {name, content}: each name once, and together what a run may have.
 * `unstorableCode` says what becomes of NUL and half surrogate pairs in the code:
 * "replace" (a learner's code, kept for the board whatever it holds) or "refuse".
 */
export function validateFiles(value: unknown, unstorableCode: "replace" | "refuse"): CodeFile[] {
  const max = RUN_LIMITS.maxFiles;
  if (!Array.isArray(value) || value.length < 1 || value.length > max) bad("invalid-files", `"files" must be a list of 1–${max} files {name, content}.`);
  const seen = new Set<string>();
  const files = value.map((file: unknown, index): CodeFile => {
    if (!isObject(file) || typeof file.name !== "string" || typeof file.content !== "string") bad("invalid-files", `File ${index + 1} must be {name, content} with two strings.`);
    if (seen.has(file.name)) bad("duplicate-file-name", `Two files are named "${file.name}".`);
    seen.add(file.name);
    if (unstorableCode === "replace") return { name: file.name, content: storableText(file.content) };
    if (unstorable(file.content)) {
      bad("invalid-files", `The code of "${file.name}" holds a NUL character or half of a surrogate pair, which cannot be stored; remove it.`);
    }
    return { name: file.name, content: file.content };
  });
  checkFiles(Object.fromEntries(files.map((f) => [f.name, f.content])));
  return files;
}

export interface BroadcastInput {
  lesson: string;
  snippet: string;
  title: string;
  files: CodeFile[];
  processes: ProcessDef[] | null;
}

export function validateBroadcast(body: Record<string, unknown>, catalog: Catalog): BroadcastInput {
  const lesson = lessonOf(catalog, body.lesson);
  const snippet = snippetOf(lesson, body.snippet);
  const title = body.title === undefined || body.title === null ? snippet.title : text(body.title, "title", 1, 100);
  // Sent to every learner's editor: altered code would run differently from what the instructor wrote.
  const files = validateFiles(body.files, "refuse");
  const processes = body.processes === undefined || body.processes === null ? null : checkProcessList(body.processes, { files: files.map((f) => f.name) });
  return { lesson: lesson.slug, snippet: snippet.id, title, files, processes };
}

export type Activity =
  | { type: "location"; lesson: string; anchor: string | null }
  | { type: "run"; runId: string }
  | { type: "run-start"; runId: string }
  | { type: "code"; lesson: string; snippet: string; variant: string; files: CodeFile[] };

export function validateActivity(body: Record<string, unknown>, catalog: Catalog): Activity {
  switch (body.type) {
    case "location":
      return { type: "location", ...validatePlace(body, catalog) };
    case "run":
    case "run-start":
      if (typeof body.runId !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(body.runId)) bad("invalid-run-id", `"runId" must be the id of a run (from POST /api/runs).`);
      return { type: body.type, runId: body.runId };
    case "code": {
      const lesson = lessonOf(catalog, body.lesson);
      const snippet = snippetOf(lesson, body.snippet);
      if (typeof body.variant !== "string" || !VARIANT.test(body.variant)) bad("invalid-variant", `"variant" must be a variant id, like "starter".`);
      return { type: "code", lesson: lesson.slug, snippet: snippet.id, variant: body.variant, files: validateFiles(body.files, "replace") };
    }
    default:
      bad("invalid-type", `"type" must be "location", "run", "run-start" or "code".`);
  }
}

export function validateHand(body: Record<string, unknown>): { raised: boolean; message: string } {
  if (typeof body.raised !== "boolean") bad("invalid-raised", `"raised" must be true or false.`);
  if (!body.raised || body.message === undefined || body.message === null || body.message === "") return { raised: body.raised, message: "" };
  return { raised: true, message: text(body.message, "message", 0, 280, true) };
}

export function validateLowerHand(body: Record<string, unknown>): void {
  if (body.raised !== false) bad("invalid-raised", `An instructor can only lower a hand: send {"raised": false}.`);
}

export function validateHint(body: Record<string, unknown>): string {
  return text(body.text, "text", 1, 1000, true);
}
