/**
 * A lesson in steps: every h2 of lesson.mdx starts a step (one idea, one page),
 * and what comes before the first h2 opens step 1. Steps are cut from the one
 * file, so anchors, snippet blocks and links keep the ids they had on the
 * single page: a heading's slug and a <Playground> block's id are counted over
 * the whole lesson, and `#anchor` links still land, on the step that holds it.
 */
import GithubSlugger from "github-slugger";
import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { LessonError } from "./folders";
import type { Heading, PlaygroundBlock, Step } from "./types";

/** Most prose a step may have (words, code and diagrams not counted). */
export const MAX_STEP_WORDS = 2500;

/** Most prose before a lesson's first <Playground>: the learner meets a runnable snippet on the first screen. */
export const MAX_WORDS_BEFORE_FIRST_PLAYGROUND = 180;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Words of prose in these nodes: paragraphs, headings, list items and tables; no code. */
export function proseWords(nodes: RootContent[]): number {
  let count = 0;
  for (const node of nodes) {
    visit(node, (child) => {
      if (child.type === "code" || child.type === "mdxFlowExpression" || child.type === "mdxjsEsm") return "skip";
      if (child.type === "text" || child.type === "inlineCode") count += words(child.value);
      return undefined;
    });
  }
  return count;
}

function attribute(node: { attributes: unknown[] }, name: string): string | undefined {
  for (const a of node.attributes as { type: string; name?: string; value?: unknown }[]) {
    if (a.type === "mdxJsxAttribute" && a.name === name && typeof a.value === "string") return a.value;
  }
  return undefined;
}

/**
 * Every <Playground> of the lesson in document order with the element id it
 * gets: the snippet id for its first block (so #snippet links land on it), then
 * `<snippet>-<variant>` or `<snippet>-<n>`; never a heading's anchor.
 */
function playgroundBlocks(nodes: RootContent[], headingSlugs: Set<string>): PlaygroundBlock[][] {
  const used = new Set(headingSlugs);
  return nodes.map((top) => {
    const blocks: PlaygroundBlock[] = [];
    visit(top, (node) => {
      if ((node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") || node.name !== "Playground") return;
      const snippet = attribute(node, "snippet");
      if (!snippet) return;
      const variant = attribute(node, "variant");
      let id = snippet;
      for (let n = 2; used.has(id); n++) id = variant && n === 2 ? `${snippet}-${variant}` : `${snippet}-${n}`;
      used.add(id);
      blocks.push({ snippet, ...(variant ? { variant } : {}), id });
    });
    return blocks;
  });
}

/** Slugs of every heading (all depths, as rehype-slug numbers them), and the h2/h3 ones for tables of contents. */
function headingSlugs(nodes: RootContent[]): { all: string[]; listed: Heading[] }[] {
  const slugger = new GithubSlugger();
  return nodes.map((top) => {
    const all: string[] = [];
    const listed: Heading[] = [];
    visit(top, "heading", (node) => {
      const text = toString(node);
      const slug = slugger.slug(text);
      all.push(slug);
      if (node.depth === 2 || node.depth === 3) listed.push({ depth: node.depth, text, slug });
    });
    return { all, listed };
  });
}

/** The URL path of a step: step 1 is the lesson's own URL, the others add the slug of their h2. */
export function stepPath(lesson: string, step: Pick<Step, "index" | "slug">): string {
  return step.index === 0 ? `/lessons/${lesson}` : `/lessons/${lesson}/${step.slug}`;
}

/**
 * Cuts a lesson body into steps. `file` names lesson.mdx in messages; a step
 * with too much prose, or a lesson whose first runnable snippet is far down,
 * is a LessonError.
 */
export function splitSteps(tree: Root, body: string, lesson: string, file: string): Step[] {
  const nodes = tree.children;
  const headings = headingSlugs(nodes);
  const listedSlugs = new Set(headings.flatMap((h) => h.listed.map((l) => l.slug)));
  const blocks = playgroundBlocks(nodes, listedSlugs);

  // Indexes of the top-level nodes that open a step: the first node, then every h2 after the
  // first one (what comes before the first h2 is the opening of step 1).
  const isH2 = (node: RootContent) => node.type === "heading" && node.depth === 2;
  const firstH2 = nodes.findIndex(isH2);
  const starts = nodes.flatMap((node, i) => (i === 0 || (isH2(node) && i > firstH2) ? [i] : []));
  const usedSlugs = new Set<string>();
  const steps = starts.map((start, index): Step => {
    const end = starts[index + 1] ?? nodes.length;
    const range = nodes.slice(start, end);
    const h2 = range.findIndex(isH2);
    const title = h2 >= 0 ? toString(range[h2]!) : "Introduction";
    let slug = h2 >= 0 ? headings[start + h2]!.all[0]! : "introduction";
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${slug}-${n}`;
    usedSlugs.add(slug);
    const from = index === 0 ? 0 : (nodes[start]!.position?.start.offset ?? 0);
    const to = end < nodes.length ? (nodes[end]!.position?.start.offset ?? body.length) : body.length;
    const stepBlocks = blocks.slice(start, end).flat();
    const stepHeadings = headings.slice(start, end);
    return {
      index,
      slug,
      title,
      path: stepPath(lesson, { index, slug }),
      body: body.slice(from, to),
      headings: stepHeadings.flatMap((h) => h.listed),
      headingIds: stepHeadings.flatMap((h) => h.all),
      blocks: stepBlocks,
      snippets: [...new Set(stepBlocks.map((b) => b.snippet))],
      words: proseWords(range),
    };
  });

  for (const step of steps) {
    if (step.words > MAX_STEP_WORDS) {
      throw new LessonError(file, `the step "${step.title}" has ${step.words} words of prose; a step has at most ${MAX_STEP_WORDS} (start another with an h2)`);
    }
  }
  const firstBlock = nodes.findIndex((_, i) => blocks[i]!.length > 0);
  if (firstBlock >= 0) {
    const before = proseWords(nodes.slice(0, firstBlock));
    if (before > MAX_WORDS_BEFORE_FIRST_PLAYGROUND) {
      throw new LessonError(file, `has ${before} words of prose before its first <Playground>; at most ${MAX_WORDS_BEFORE_FIRST_PLAYGROUND}, so a runnable snippet is on the first screen`);
    }
  }
  return steps;
}

/** A link within the lessons: `/lessons/<slug>[#anchor]` or `#anchor` (this lesson); null for any other URL. */
export function parseLessonLink(url: string): { lesson?: string; anchor?: string } | null {
  const match = /^(?:\/lessons\/([^#?/]+)\/?)?(?:#(.+))?$/.exec(url);
  if (!match || (!match[1] && !match[2])) return null;
  return { ...(match[1] ? { lesson: match[1] } : {}), ...(match[2] ? { anchor: match[2] } : {}) };
}

/** The step that holds `anchor` (a heading's slug or a playground block's id), if any. */
export function stepOfAnchor(steps: Step[], anchor: string): Step | undefined {
  return steps.find((step) => step.headingIds.includes(anchor) || step.blocks.some((block) => block.id === anchor));
}

/** Where `#anchor` of a lesson is now: the path of its step with the anchor, or the lesson's own URL. */
export function anchorHref(lesson: { slug: string; steps: Step[] }, anchor?: string | null): string {
  // The first step's path: the lesson's own URL (in the lesson's language: a translation's paths are under /<lang>).
  if (!anchor) return lesson.steps[0]?.path ?? stepPath(lesson.slug, { index: 0, slug: "" });
  const step = stepOfAnchor(lesson.steps, anchor) ?? lesson.steps[0];
  return `${step ? step.path : `/lessons/${lesson.slug}`}#${anchor}`;
}

/** anchor → step path, for the browser to send an old `/lessons/<slug>#anchor` link to its step. */
export function anchorMap(steps: Step[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const step of steps) {
    for (const id of step.headingIds) map[id] ??= step.path;
    for (const block of step.blocks) map[block.id] ??= step.path;
  }
  return map;
}
