import "server-only";
import { evaluate } from "@mdx-js/mdx";
import rehypeShiki from "@shikijs/rehype";
import type { Code, Root } from "mdast";
import type { MDXComponents } from "mdx/types";
import * as runtime from "react/jsx-runtime";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";
import type { Lesson } from "../../content/types";

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

/**
 * Compiles a lesson's MDX on the server (at build time for static pages):
 * GitHub-flavoured Markdown, #anchors on headings, and code highlighted by
 * Shiki in a light and a dark theme, so no highlighter ships to the browser.
 */
export async function renderLesson(lesson: Lesson, components: MDXComponents) {
  const { default: Content } = await evaluate(lesson.body, {
    ...runtime,
    remarkPlugins: [remarkGfm, remarkMermaid],
    rehypePlugins: [
      rehypeSlug,
      [rehypeShiki, { themes: { light: "github-light", dark: "github-dark" }, defaultColor: false }],
    ],
  });
  return <Content components={components} />;
}
