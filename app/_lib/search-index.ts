import "server-only";
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { anchorHref } from "../../content/steps";
import type { Lesson } from "../../content/types";

/** A stretch of a lesson under one heading (or before the first one). */
export interface SearchSection {
  /** The heading's anchor (`#slug`), or null for the lesson's opening. */
  anchor: string | null;
  heading: string | null;
  text: string;
  /** Where the section is: its step's path and anchor (lessons are in steps, content/steps.ts). */
  href?: string;
  /** A translation's section: its English heading, so the English technical terms readers type find it too. */
  terms?: string;
}

export interface SearchEntry {
  slug: string;
  part: number;
  title: string;
  summary: string;
  sections: SearchSection[];
  /** The lesson's page in the index's language (`/lessons/<slug>` when not given). */
  href?: string;
  /** A translation's entry: the English title. */
  terms?: string;
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The search index of the lessons: titles, summaries, and the prose split at
 * each h2/h3 with its anchor (the same slugs as the page's headings). Code
 * blocks and diagrams are left out.
 */
export function buildSearchIndex(lessons: Lesson[], english: Lesson[] = lessons): SearchEntry[] {
  return lessons.map((lesson, lessonIndex) => {
    // A translation is found by its own words and by the English headings it stands for.
    const source = lesson.lang && lesson.lang !== "en" && !lesson.untranslated ? english[lessonIndex] : undefined;
    const tree = unified().use(remarkParse).use(remarkMdx).parse(lesson.body) as Root;
    const sections: SearchSection[] = [{ anchor: null, heading: null, text: "", href: anchorHref(lesson) }];
    const parts: string[][] = [[]];
    let headingIndex = 0;
    visit(tree, (node) => {
      switch (node.type) {
        case "heading": {
          const text = squash(toString(node));
          if (node.depth === 2 || node.depth === 3) {
            const known = lesson.headings[headingIndex++];
            const terms = source?.headings[headingIndex - 1]?.text;
            sections.push({ anchor: known?.slug ?? null, heading: text, text: "", href: anchorHref(lesson, known?.slug), ...(terms ? { terms } : {}) });
            parts.push([]);
          } else {
            parts.at(-1)!.push(text);
          }
          return SKIP;
        }
        case "paragraph":
        case "tableCell":
          parts.at(-1)!.push(squash(toString(node)));
          return SKIP;
        case "code":
        case "mdxFlowExpression":
        case "mdxTextExpression":
        case "mdxjsEsm":
          return SKIP;
        case "mdxJsxFlowElement":
        case "mdxJsxTextElement":
          // Callout titles are prose too.
          for (const attribute of node.attributes) {
            if (attribute.type === "mdxJsxAttribute" && attribute.name === "title" && typeof attribute.value === "string") {
              parts.at(-1)!.push(squash(attribute.value));
            }
          }
          return undefined;
        default:
          return undefined;
      }
    });
    sections.forEach((section, index) => {
      section.text = parts[index]!.filter(Boolean).join(" ");
    });
    return {
      slug: lesson.slug,
      part: lesson.part,
      title: lesson.title,
      summary: lesson.summary,
      sections: sections.filter((section) => section.heading !== null || section.text !== ""),
      ...(lesson.lang && lesson.lang !== "en" ? { href: anchorHref(lesson) } : {}),
      ...(source ? { terms: source.title } : {}),
    };
  });
}
