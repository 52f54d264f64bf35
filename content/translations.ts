/**
 * A lesson's translations (the Korean edition, issue 19): `lesson.ko.mdx` and
 * `snippets/<id>/snippet.ko.json` beside the English files, in the format of
 * lessons/README.md "Translations". English is the source of structure: the
 * translation is paired with it by position (the n-th Korean h2 is the n-th
 * English h2 and takes its anchor and step slug), so a translation that lacks a
 * section, snippet, checklist, exercise or component the English has — or has
 * one more — is a LessonError naming the file and what differs. A lesson with
 * no translated files at all is allowed: it is shown in English on the Korean
 * pages, with a note that it is not translated yet.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { LessonError, type PathName } from "./folders";
import { localePath, type Lang } from "./lang";
import type { Expectation, Heading, Lesson, Snippet, Step } from "./types";

/** The languages a lesson may be translated into (English is the lesson itself). */
export const TRANSLATIONS = ["ko"] as const satisfies readonly Lang[];

/** One element of a lesson's structure, as compared between the English and a translation. */
interface Part {
  /** What must be equal in both files. */
  key: string;
  /** How a message names it. */
  label: string;
  line?: number;
}

/** JSX attributes whose text is prose (translated); every other string attribute must be the same. */
const TRANSLATED_ATTRIBUTES = new Set(["title", "label"]);
/** Keys inside an expression attribute (items={…}, tree={…}) whose strings are identifiers, not prose. */
const KEPT_KEYS = new Set(["link", "id", "href", "snippet", "variant"]);

type EstreeNode = { type: string; [key: string]: unknown };

/** The shape of an expression attribute's value: arrays and objects kept, prose strings as "…". */
function shape(node: EstreeNode | null | undefined, key?: string): unknown {
  if (!node) return null;
  switch (node.type) {
    case "Program":
      return shape((node.body as EstreeNode[])[0]);
    case "ExpressionStatement":
      return shape(node.expression as EstreeNode);
    case "ArrayExpression":
      return (node.elements as EstreeNode[]).map((element) => shape(element));
    case "ObjectExpression":
      return Object.fromEntries(
        (node.properties as EstreeNode[]).map((property) => {
          const k = property.key as EstreeNode;
          const name = String(k.type === "Identifier" ? k.name : k.value);
          return [name, shape(property.value as EstreeNode, name)];
        }),
      );
    case "Literal":
      return typeof node.value === "string" && !(key && KEPT_KEYS.has(key)) ? "…" : node.value;
    case "TemplateLiteral":
      return "…";
    default:
      return node.type;
  }
}

function describeElement(node: { name: string | null; attributes: unknown[] }): { key: string; label: string } {
  const keyParts: string[] = [];
  const labelParts: string[] = [];
  for (const a of node.attributes as { type: string; name?: string; value?: unknown }[]) {
    if (a.type !== "mdxJsxAttribute" || !a.name) continue;
    if (typeof a.value === "string") {
      if (TRANSLATED_ATTRIBUTES.has(a.name)) continue;
      keyParts.push(`${a.name}="${a.value}"`);
      labelParts.push(`${a.name}="${a.value}"`);
    } else if (a.value && typeof a.value === "object") {
      const estree = (a.value as { data?: { estree?: EstreeNode } }).data?.estree;
      const value = shape(estree);
      keyParts.push(`${a.name}=${JSON.stringify(value)}`);
      if (Array.isArray(value)) labelParts.push(`${a.name} (${value.length} items)`);
      else labelParts.push(`${a.name}={…}`);
    } else {
      keyParts.push(a.name);
      labelParts.push(a.name);
    }
  }
  return { key: `<${node.name} ${keyParts.join(" ")}>`, label: `<${[node.name, ...labelParts].join(" ")}>` };
}

/**
 * The structure of a lesson body in document order: headings (by depth), the
 * lesson's components with their props (prose props left out), code blocks (by
 * language) and link targets.
 */
export function lessonStructure(tree: Root, lineOffset = 0): Part[] {
  const parts: Part[] = [];
  visit(tree, (node) => {
    const line = node.position ? node.position.start.line + lineOffset : undefined;
    if (node.type === "heading") {
      const text = (node.children.map((c) => ("value" in c ? c.value : "")).join("") || "…").slice(0, 60);
      parts.push({ key: `h${node.depth}`, label: `${"#".repeat(node.depth)} heading ("${text}")`, line });
    } else if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name && /^[A-Z]/.test(node.name)) {
      parts.push({ ...describeElement(node), line });
    } else if (node.type === "code") {
      const lang = node.lang ?? "";
      parts.push({ key: `code:${lang}`, label: lang ? `a \`\`\`${lang} block` : "a code block", line });
    } else if (node.type === "link") {
      parts.push({ key: `link:${node.url}`, label: `a link to ${node.url}`, line });
    }
  });
  return parts;
}

/** The first difference between two structures, in words; undefined when they are the same. */
export function structureDifference(english: Part[], translated: Part[], englishFile: string): string | undefined {
  const at = (part: Part, file?: string) => (part.line ? ` (${file ? `${file} ` : ""}line ${part.line})` : "");
  for (let i = 0; i < Math.max(english.length, translated.length); i++) {
    const en = english[i];
    const tr = translated[i];
    if (en && tr && en.key === tr.key) continue;
    if (!tr) return `lacks ${en!.label}${at(en!, englishFile)}, which ${englishFile} has`;
    if (!en) return `has an extra ${tr.label}${at(tr)}, which ${englishFile} does not have`;
    const laterInTranslation = translated.slice(i + 1).some((p) => p.key === en.key);
    const laterInEnglish = english.slice(i + 1).some((p) => p.key === tr.key);
    if (laterInTranslation && !laterInEnglish) return `has an extra ${tr.label}${at(tr)}, which ${englishFile} does not have there`;
    if (laterInEnglish && !laterInTranslation) return `lacks ${en.label}${at(en, englishFile)}, which ${englishFile} has before ${tr.label}`;
    return `has ${tr.label}${at(tr)} where ${englishFile} has ${en.label}${at(en, englishFile)}`;
  }
  return undefined;
}

// ---- snippet.<lang>.json -------------------------------------------------------------------------

/** Placeholders a note fills in (`{process}`, `{process.1}`): a translation keeps them exactly. */
const PLACEHOLDERS = /\{[^{}\s]+\}/g;

/**
 * The learner-visible strings of a snippet.json, by path (`title`, `variants.fixed.label`,
 * `check.expect.explain.status`, …): what its translation must hold, every one and nothing else.
 */
export function visibleStrings(json: unknown): Map<string, string> {
  const found = new Map<string, string>();
  const record = (value: unknown): Record<string, unknown> | undefined =>
    typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const text = (path: string, value: unknown) => {
    if (value !== undefined) found.set(path, value as string);
  };
  const strings = (path: string, value: unknown) => {
    const map = record(value);
    if (!map) return text(path, value);
    for (const [key, inner] of Object.entries(map)) strings(`${path}.${key}`, inner);
  };
  const expectation = (path: string, value: unknown) => {
    const e = record(value);
    if (!e) return;
    text(`${path}.note`, e.note);
    if (e.explain !== undefined) strings(`${path}.explain`, e.explain);
  };
  const root = record(json) ?? {};
  text("title", root.title);
  text("onBlocked", root.onBlocked);
  for (const [id, variant] of Object.entries(record(root.variants) ?? {})) {
    text(`variants.${id}.label`, record(variant)?.label);
    expectation(`variants.${id}.expect`, record(variant)?.expect);
  }
  const check = record(root.check);
  if (check) {
    text("check.title", check.title);
    expectation("check.expect", check.expect);
  }
  return found;
}

/** Reads `snippet.<lang>.json` of a snippet folder (undefined when there is none) and checks it against snippet.json. */
function loadSnippetText(dir: string, lang: Lang, name: PathName): Map<string, string> | undefined {
  const file = join(dir, `snippet.${lang}.json`);
  if (!existsSync(file)) return undefined;
  const parse = (path: string) => {
    try {
      return JSON.parse(readFileSync(path, "utf8")) as unknown;
    } catch (error) {
      throw new LessonError(name(path), `is not valid JSON: ${(error as Error).message}`);
    }
  };
  const english = visibleStrings(parse(join(dir, "snippet.json")));
  const raw = parse(file);
  const translated = visibleStrings(raw);
  const missing = [...english.keys()].filter((path) => !translated.has(path));
  if (missing.length > 0) throw new LessonError(name(file), `lacks ${missing.map((p) => `"${p}"`).join(", ")}, which snippet.json has`);
  const extra = [...translated.keys()].filter((path) => !english.has(path));
  if (extra.length > 0) throw new LessonError(name(file), `has ${extra.map((p) => `"${p}"`).join(", ")}, which snippet.json does not have`);
  // Only the visible strings: code, processes and patterns are shared, never translated.
  const allowed = new Set(["title", "onBlocked", "variants", "check"]);
  const other = Object.keys((raw ?? {}) as object).filter((key) => !allowed.has(key));
  if (other.length > 0) throw new LessonError(name(file), `holds only the learner-visible strings; ${other.map((k) => `"${k}"`).join(", ")} belong in snippet.json`);
  for (const [path, value] of translated) {
    if (typeof value !== "string" || !value.trim()) throw new LessonError(name(file), `"${path}" must be a translated sentence`);
    const want = (english.get(path)!.match(PLACEHOLDERS) ?? []).sort().join(" ");
    const have = (value.match(PLACEHOLDERS) ?? []).sort().join(" ");
    if (want !== have) throw new LessonError(name(file), `"${path}" must keep the placeholders ${want || "(none)"} exactly (has ${have || "none"})`);
  }
  return new Map([...translated].map(([path, value]) => [path, value.trim()]));
}

/** The snippet with its learner-visible strings in the translation's words. */
function translateSnippet(snippet: Snippet, strings: Map<string, string>): Snippet {
  const get = (path: string, fallback: string) => strings.get(path) ?? fallback;
  const translateExpect = (path: string, e: Expectation): Expectation => {
    const explain = e.explain
      ? Object.fromEntries(
          Object.entries(e.explain as Record<string, unknown>).map(([part, value]) => [
            part,
            typeof value === "string"
              ? get(`${path}.explain.${part}`, value)
              : Object.fromEntries(Object.entries(value as Record<string, string>).map(([p, v]) => [p, get(`${path}.explain.${part}.${p}`, v)])),
          ]),
        )
      : undefined;
    return { ...e, ...(e.note ? { note: get(`${path}.note`, e.note) } : {}), ...(explain ? { explain } : {}) };
  };
  return {
    ...snippet,
    title: get("title", snippet.title),
    ...(snippet.onBlocked ? { onBlocked: get("onBlocked", snippet.onBlocked) } : {}),
    variants: snippet.variants.map((v) => ({
      ...v,
      label: get(`variants.${v.id}.label`, v.label),
      ...(v.expect ? { expect: translateExpect(`variants.${v.id}.expect`, v.expect) } : {}),
    })),
    ...(snippet.check ? { check: { title: get("check.title", snippet.check.title), expect: translateExpect("check.expect", snippet.check.expect) } } : {}),
  };
}

// ---- the translated lesson -----------------------------------------------------------------------

/** What the loader reads of a lesson.<lang>.mdx: front matter, body and its parsed tree. */
export interface TranslatedSource {
  file: string;
  title: string;
  summary: string;
  body: string;
  tree: Root;
  /** Lines of front matter above the body (messages give the line in the file). */
  lineOffset: number;
}

/**
 * The lesson in `lang`: its own text when `source` (lesson.<lang>.mdx) is given —
 * checked against the English, element by element — or the English text on the
 * language's paths, marked `untranslated`. Paths, step slugs and anchors are the
 * English ones under `/<lang>`.
 */
export function translatedLesson(
  english: Lesson,
  lang: Lang,
  dir: string,
  name: PathName,
  source: TranslatedSource | undefined,
  englishSource: Pick<TranslatedSource, "tree" | "lineOffset">,
  split: (tree: Root, body: string, file: string) => Step[],
  headingsOf: (tree: Root) => Heading[],
  textOf: (tree: Root) => string,
): Lesson {
  const snippetTexts = english.snippetDetails.map((s) => loadSnippetText(join(dir, "snippets", s.id), lang, name));
  const onPath = (step: Step): Step => ({ ...step, path: localePath(lang, step.path) });
  if (!source) {
    const stray = english.snippetDetails.find((_, i) => snippetTexts[i]);
    if (stray) throw new LessonError(name(join(dir, "snippets", stray.id, `snippet.${lang}.json`)), `is a translation of a lesson that has no lesson.${lang}.mdx`);
    return { ...english, lang, untranslated: true, steps: english.steps.map(onPath), translations: undefined };
  }
  const untranslatedSnippet = english.snippetDetails.find((_, i) => !snippetTexts[i]);
  if (untranslatedSnippet) {
    throw new LessonError(name(join(dir, "snippets", untranslatedSnippet.id)), `has no snippet.${lang}.json, though the lesson has lesson.${lang}.mdx`);
  }
  const difference = structureDifference(
    lessonStructure(englishSource.tree, englishSource.lineOffset),
    lessonStructure(source.tree, source.lineOffset),
    "lesson.mdx",
  );
  if (difference) throw new LessonError(source.file, `does not match lesson.mdx: it ${difference}`);

  // Paired by position: the n-th heading and step take the English anchor, slug and blocks.
  const headings = headingsOf(source.tree).map((h, i) => ({ ...h, slug: english.headings[i]!.slug }));
  const steps = split(source.tree, source.body, source.file).map((step, i): Step => {
    const en = english.steps[i]!;
    return {
      ...step,
      slug: en.slug,
      path: localePath(lang, en.path),
      headings: step.headings.map((h, j) => ({ ...h, slug: en.headings[j]!.slug })),
      headingIds: en.headingIds,
      blocks: en.blocks,
      snippets: en.snippets,
    };
  });
  return {
    ...english,
    lang,
    title: source.title,
    summary: source.summary,
    file: source.file,
    body: source.body,
    headings,
    text: textOf(source.tree),
    steps,
    snippetDetails: english.snippetDetails.map((s, i) => translateSnippet(s, snippetTexts[i]!)),
    translations: undefined,
  };
}
