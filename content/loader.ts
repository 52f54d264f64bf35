/**
 * Lessons as the site shows them: each lesson folder's front matter, MDX
 * body (parsed to find headings, prose, <Playground> blocks and links) and
 * snippets (content/snippets.ts). Reading only the snippets, as the runner's
 * exercise checks do, needs none of the Markdown toolchain imported here.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import GithubSlugger from "github-slugger";
import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { parse as parseYaml } from "yaml";
import { LessonError, lessonFolders, pathName, readOnce, type LessonFolder, type PathName } from "./folders";
import { loadSnippets } from "./snippets";
import { DEFAULT_LANG, type Lang } from "./lang";
import { parseLessonLink, splitSteps } from "./steps";
import { TRANSLATIONS, translatedLesson, type TranslatedSource } from "./translations";
import type { Heading, Lesson } from "./types";

export { LessonError, lessonsRoot } from "./folders";

const readLessons: (root?: string) => Lesson[] = readOnce(loadLessons);

/** Every lesson, ordered by part, in `lang` (English by default); read once per process in production (lessons change only with a deploy). */
export function getLessons(root?: string, lang: Lang = DEFAULT_LANG): Lesson[] {
  const lessons = readLessons(root);
  return lang === DEFAULT_LANG ? lessons : lessons.map((lesson) => lesson.translations?.[lang] ?? lesson);
}

export function getLesson(slug: string, root?: string, lang: Lang = DEFAULT_LANG): Lesson | undefined {
  return getLessons(root, lang).find((lesson) => lesson.slug === slug);
}

/** Reads and checks every lesson folder under `root`; throws LessonError on the first problem. */
export function loadLessons(root: string): Lesson[] {
  const name = pathName(root);
  const lessons = lessonFolders(root, name).map((folder) => loadLesson(folder, name));
  checkLinks(lessons, root, name);
  return lessons;
}

/** Lines of the file above its body. */
const frontMatterLines = (source: string, body: string) => source.slice(0, source.length - body.length).split("\n").length - 1;

/** The body of a lesson file parsed as MDX; a LessonError with the author's line numbers when it is not valid. */
function parseBody(source: string, body: string, file: string): Root {
  try {
    return unified().use(remarkParse).use(remarkMdx).parse(body) as Root;
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message: string };
    // The front matter's lines come first in the file: report lines as the author sees them.
    const where = e.line ? `:${e.line + frontMatterLines(source, body)}:${e.column ?? 0}` : "";
    throw new LessonError(`${file}${where}`, `is not valid MDX: ${e.reason ?? e.message}`);
  }
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

function loadLesson({ dir, slug, part }: LessonFolder, name: PathName): Lesson {
  const file = join(dir, "lesson.mdx");
  if (!existsSync(file)) throw new LessonError(name(dir), `has no lesson.mdx`);
  const source = readFileSync(file, "utf8");
  const { data, body } = parseFrontMatter(source, name(file));
  const tree = parseBody(source, body, name(file));

  const snippetsDir = join(dir, "snippets");
  const snippetDetails = loadSnippets(dir, name);
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

  const lesson: Lesson = {
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
    steps: splitSteps(tree, body, slug, name(file)),
  };
  lesson.translations = Object.fromEntries(TRANSLATIONS.map((lang) => [lang, loadTranslation(lesson, lang, dir, { tree, lineOffset: frontMatterLines(source, body) }, name)]));
  return lesson;
}

/** The lesson in `lang` from lesson.<lang>.mdx (and its snippets' snippet.<lang>.json), or the English marked untranslated. */
function loadTranslation(lesson: Lesson, lang: Lang, dir: string, english: Pick<TranslatedSource, "tree" | "lineOffset">, name: PathName): Lesson {
  const file = join(dir, `lesson.${lang}.mdx`);
  let translated: TranslatedSource | undefined;
  if (existsSync(file)) {
    const source = readFileSync(file, "utf8");
    const { data, body } = parseFrontMatter(source, name(file));
    translated = { file: name(file), ...data, body, tree: parseBody(source, body, name(file)), lineOffset: frontMatterLines(source, body) };
  }
  return translatedLesson(
    lesson,
    lang,
    dir,
    name,
    translated,
    english,
    (tree, body, file) => splitSteps(tree, body, lesson.slug, file),
    extractHeadings,
    extractText,
  );
}

/** h2/h3 with their anchors (github-slugger over the whole lesson, as content/steps.ts numbers them). */
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

/** Links to /lessons/<slug>#anchor must name a lesson and one of its headings. */
function checkLinks(lessons: Lesson[], root: string, name: PathName) {
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));
  for (const lesson of lessons) {
    const tree = unified().use(remarkParse).use(remarkMdx).parse(lesson.body) as Root;
    visit(tree, "link", (node) => {
      const link = parseLessonLink(node.url);
      if (!link && !node.url.startsWith("/lessons")) return;
      const target = link?.lesson ? bySlug.get(link.lesson) : lesson;
      const anchor = link?.anchor;
      if (!target) throw new LessonError(name(join(root, lesson.slug, "lesson.mdx")), `links to ${node.url}, but there is no lesson "${link?.lesson}"`);
      if (anchor && !target.headings.some((h) => h.slug === anchor) && !target.snippets.includes(anchor)) {
        throw new LessonError(name(join(root, lesson.slug, "lesson.mdx")), `links to ${node.url}, but "${target.slug}" has no heading #${anchor}`);
      }
    });
  }
}
