import "server-only";
import { evaluate } from "@mdx-js/mdx";
import rehypeShiki from "@shikijs/rehype";
import type { Element, Root as HastRoot } from "hast";
import type { Code, Link, Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import type { MDXComponents } from "mdx/types";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";
import { DEFAULT_LANG, localePath, splitLocalePath } from "../../content/lang";
import { anchorHref, parseLessonLink } from "../../content/steps";
import type { Lesson, Step } from "../../content/types";

/** ```mermaid blocks become <Mermaid chart="…" />, drawn in the browser when scrolled into view. */
function remarkMermaid() {
  return (tree: Root) => {
    visit(tree, "code", (node: Code, index, parent) => {
      if (node.lang !== "mermaid" || !parent || index === undefined) return;
      parent.children[index] = {
        type: "mdxJsxFlowElement",
        name: "Mermaid",
        attributes: [{ type: "mdxJsxAttribute", name: "chart", value: node.value }],
        children: [],
      } as unknown as Code;
    });
  };
}

/** Each <Playground> gets the element id the loader gave its block (content/steps.ts), in document order. */
function remarkBlockIds(step: Step) {
  return () => (tree: Root) => {
    let next = 0;
    visit(tree, (node) => {
      if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return;
      const element = node as MdxJsxFlowElement | MdxJsxTextElement;
      if (element.name !== "Playground") return;
      const block = step.blocks[next++];
      if (block) element.attributes.push({ type: "mdxJsxAttribute", name: "blockId", value: block.id });
    });
  };
}

/**
 * Links to `#anchor` or `/lessons/<slug>#anchor` go to the step that now holds the anchor (in
 * the page's language: the lessons given are in it); other links within the site go to their
 * page in that language.
 */
function remarkStepLinks(lesson: Lesson, lessons: Lesson[]) {
  return () => (tree: Root) => {
    visit(tree, "link", (node: Link) => {
      const link = parseLessonLink(node.url);
      const lang = lesson.lang ?? DEFAULT_LANG;
      if (!link) {
        const target = node.url.startsWith("/") && !node.url.startsWith("//") ? splitLocalePath(node.url) : undefined;
        if (target?.lang === DEFAULT_LANG) node.url = localePath(lang, target.path);
        return;
      }
      const target = link.lesson ? lessons.find((l) => l.slug === link.lesson) : lesson;
      if (target) node.url = anchorHref(target, link.anchor);
    });
  };
}

/** Headings get the ids they had on the single page (slugs counted over the whole lesson), not per step. */
function rehypeHeadingIds(step: Step) {
  return () => (tree: HastRoot) => {
    let next = 0;
    visit(tree, "element", (node: Element) => {
      if (!/^h[1-6]$/.test(node.tagName)) return;
      const id = step.headingIds[next++];
      if (id) node.properties = { ...node.properties, id };
    });
  };
}

/**
 * Compiles one step of a lesson's MDX on the server (at build time for static
 * pages): GitHub-flavoured Markdown, #anchors on headings, and code highlighted
 * by Shiki in a light and a dark theme, so no highlighter ships to the browser.
 */
export async function renderLesson(lesson: Lesson, step: Step, lessons: Lesson[], components: MDXComponents) {
  const { default: Content } = await evaluate(step.body, {
    ...runtime,
    remarkPlugins: [remarkGfm, remarkMermaid, remarkBlockIds(step), remarkStepLinks(lesson, lessons)],
    rehypePlugins: [
      rehypeHeadingIds(step),
      [rehypeShiki, { themes: { light: "github-light", dark: "github-dark" }, defaultColor: false }],
    ],
  });
  return <Content components={components} />;
}
