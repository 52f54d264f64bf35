import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import GithubSlugger from "github-slugger";
import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { parse as parseYaml } from "yaml";
import { wordingProblem } from "../../../runner/checks";
import { FILE_NAME } from "../../../runner/validate";
import type { Expectation, Heading, Lesson, ProcessDef, Snippet, Variant, VariantId } from "./types";
import { VARIANT_ORDER } from "./types";

/** A problem in a lesson's files: the message names the file, and the build stops on it. */
export class LessonError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

const LESSON_FOLDER = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SNIPPET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function lessonsRoot(): string {
  return process.env.LESSONS_DIR ?? join(process.cwd(), "lessons");
}

let cache: { root: string; lessons: Lesson[] } | undefined;

/** Every lesson, ordered by part; read once per process (lessons change only with a deploy). */
export function getLessons(root: string = lessonsRoot()): Lesson[] {
  if (cache?.root === root && process.env.NODE_ENV === "production") return cache.lessons;
  const lessons = loadLessons(root);
  cache = { root, lessons };
  return lessons;
}

export function getLesson(slug: string, root?: string): Lesson | undefined {
  return getLessons(root).find((lesson) => lesson.slug === slug);
}

/** Reads and checks every lesson folder under `root`; throws LessonError on the first problem. */
export function loadLessons(root: string): Lesson[] {
  const project = join(root, "..");
  const name = (path: string) => relative(project, path) || path;
  const lessons: Lesson[] = [];
  for (const folder of readdirSync(root).sort()) {
    const dir = join(root, folder);
    if (!statSync(dir).isDirectory()) continue;
    const match = LESSON_FOLDER.exec(folder);
    if (!match) throw new LessonError(name(dir), `a lesson folder is named NN-words-with-dashes (e.g. 05-performance-and-security)`);
    lessons.push(loadLesson(dir, folder, Number(match[1]), name));
  }
  const parts = new Map<number, string>();
  for (const lesson of lessons) {
    const other = parts.get(lesson.part);
    if (other) throw new LessonError(name(join(root, lesson.slug)), `part ${lesson.part} is also ${other}`);
    parts.set(lesson.part, lesson.slug);
  }
  checkLinks(lessons, root, name);
  return lessons;
}

interface FrontMatter {
  title: string;
  summary: string;
}

export function parseFrontMatter(source: string, file: string): { data: FrontMatter; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) throw new LessonError(file, `starts with front matter between --- lines (title and summary)`);
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch (error) {
    throw new LessonError(file, `its front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new LessonError(file, `its front matter must be a map with title and summary`);
  }
  const { title, summary } = data as Record<string, unknown>;
  for (const [key, value] of Object.entries({ title, summary })) {
    if (typeof value !== "string" || value.trim() === "") throw new LessonError(file, `its front matter needs a "${key}" (text)`);
  }
  return { data: { title: (title as string).trim(), summary: (summary as string).trim() }, body: source.slice(match[0].length) };
}

function loadLesson(dir: string, slug: string, part: number, name: (path: string) => string): Lesson {
  const file = join(dir, "lesson.mdx");
  if (!existsSync(file)) throw new LessonError(name(dir), `has no lesson.mdx`);
  const { data, body } = parseFrontMatter(readFileSync(file, "utf8"), name(file));
  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).parse(body) as Root;
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message: string };
    // The front matter's lines come first in the file: report lines as the author sees them.
    const offset = readFileSync(file, "utf8").slice(0, readFileSync(file, "utf8").length - body.length).split("\n").length - 1;
    const where = e.line ? `:${e.line + offset}:${e.column ?? 0}` : "";
    throw new LessonError(`${name(file)}${where}`, `is not valid MDX: ${e.reason ?? e.message}`);
  }

  const snippetsDir = join(dir, "snippets");
  const snippetDetails: Snippet[] = existsSync(snippetsDir)
    ? readdirSync(snippetsDir)
        .sort()
        .filter((id) => statSync(join(snippetsDir, id)).isDirectory())
        .map((id) => loadSnippet(join(snippetsDir, id), id, name))
    : [];
  const known = new Set(snippetDetails.map((s) => s.id));
  const referenced = new Set<string>();
  visit(tree, (node) => {
    if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return;
    if (node.name !== "Playground") return;
    const attribute = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "snippet");
    const id = typeof attribute?.value === "string" ? attribute.value : undefined;
    const line = node.position?.start.line;
    if (!id) throw new LessonError(`${name(file)}`, `a <Playground> needs snippet="id" (line ${line} of the body)`);
    if (!known.has(id)) {
      throw new LessonError(name(file), `<Playground snippet="${id}"> names no folder in snippets/ (have: ${[...known].join(", ") || "none"})`);
    }
    const variant = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "variant");
    if (typeof variant?.value === "string") {
      const snippet = snippetDetails.find((s) => s.id === id)!;
      if (!snippet.variants.some((v) => v.id === variant.value)) {
        throw new LessonError(name(file), `<Playground snippet="${id}" variant="${variant.value}">: no such variant`);
      }
    }
    referenced.add(id);
  });
  for (const id of known) {
    if (!referenced.has(id)) throw new LessonError(name(join(snippetsDir, id)), `is not used by any <Playground> in lesson.mdx`);
  }

  return {
    slug,
    part,
    title: data.title,
    summary: data.summary,
    snippets: snippetDetails.map((s) => s.id),
    file: name(file),
    body,
    headings: extractHeadings(tree),
    snippetDetails,
    text: extractText(tree),
  };
}

/** h2/h3 with the slugs rehype-slug gives them (same slugger, same text). */
export function extractHeadings(tree: Root): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  visit(tree, "heading", (node) => {
    const text = toString(node);
    const slug = slugger.slug(text);
    if (node.depth === 2 || node.depth === 3) headings.push({ depth: node.depth, text, slug });
  });
  return headings;
}

function extractText(tree: Root): string {
  const parts: string[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === "paragraph" || node.type === "heading") parts.push(toString(node));
      else if ("children" in node) walk(node.children as RootContent[]);
    }
  };
  walk(tree.children);
  return parts.join(" ").replace(/\s+/g, " ").trim();
}

interface SnippetJson {
  title?: unknown;
  onBlocked?: unknown;
  check?: unknown;
  processes?: unknown;
  timeoutMs?: unknown;
  variants?: unknown;
}

function loadSnippet(dir: string, id: string, name: (path: string) => string): Snippet {
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
  name: (path: string) => string,
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
    if (!FILE_NAME.test(entry)) throw new LessonError(name(join(dir, entry)), `is not a runnable file name (letters, digits, _ or -, then .ts/.mts/.js/.mjs)`);
    files[entry] = readFileSync(join(dir, entry), "utf8");
  }
  if (Object.keys(files).length === 0) throw new LessonError(name(dir), `has no files`);
  const processes = parseProcesses(spec.processes, where) ?? shared.processes;
  for (const process of processes ?? []) {
    if (!(process.entry in files)) throw new LessonError(name(dir), `has no ${process.entry}, which process "${process.name}" starts`);
  }
  if (!processes && Object.keys(files).length > 1 && !("main.ts" in files)) {
    throw new LessonError(name(dir), `has several files but no main.ts and no "processes" to say what to start`);
  }
  const timeoutMs = parseTimeout(spec.timeoutMs, where) ?? shared.timeoutMs;
  const variant: Variant = { id: id as VariantId, label: spec.label.trim(), files };
  if (processes) variant.processes = processes;
  if (timeoutMs) variant.timeoutMs = timeoutMs;
  if (spec.expect !== undefined) variant.expect = parseExpectation(spec.expect, where);
  return variant;
}

function parseProcesses(value: unknown, where: string): ProcessDef[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || value.length > 4) {
    throw new LessonError(where, `"processes" must be a list of 1 to 4 { "name", "entry", "delayMs"? }`);
  }
  return value.map((item: unknown) => {
    const p = item as Record<string, unknown>;
    if (typeof p?.name !== "string" || typeof p.entry !== "string") throw new LessonError(where, `each process needs "name" and "entry"`);
    if (p.delayMs !== undefined && (typeof p.delayMs !== "number" || p.delayMs < 0 || p.delayMs > 5000)) {
      throw new LessonError(where, `"delayMs" of ${p.name} must be 0–5000`);
    }
    return p.delayMs === undefined ? { name: p.name, entry: p.entry } : { name: p.name, entry: p.entry, delayMs: p.delayMs as number };
  });
}

function parseTimeout(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1000 || value > 60_000) {
    throw new LessonError(where, `"timeoutMs" must be a whole number from 1000 to 60000`);
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

/** Links to /lessons/<slug>#anchor must name a lesson and one of its headings. */
function checkLinks(lessons: Lesson[], root: string, name: (path: string) => string) {
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));
  for (const lesson of lessons) {
    const tree = unified().use(remarkParse).use(remarkMdx).parse(lesson.body) as Root;
    visit(tree, "link", (node) => {
      const match = /^\/lessons\/([^#?/]+)\/?(?:#(.+))?$/.exec(node.url);
      const anchorOnly = /^#(.+)$/.exec(node.url);
      if (!match && !anchorOnly && !node.url.startsWith("/lessons")) return;
      const target = match ? bySlug.get(match[1]!) : lesson;
      const anchor = match ? match[2] : anchorOnly?.[1];
      if (!target) throw new LessonError(name(join(root, lesson.slug, "lesson.mdx")), `links to ${node.url}, but there is no lesson "${match?.[1]}"`);
      if (anchor && !target.headings.some((h) => h.slug === anchor) && !target.snippets.includes(anchor)) {
        throw new LessonError(name(join(root, lesson.slug, "lesson.mdx")), `links to ${node.url}, but "${target.slug}" has no heading #${anchor}`);
      }
    });
  }
}
