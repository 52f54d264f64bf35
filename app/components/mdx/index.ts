import type { MDXComponents } from 'mdx/types';
import { createElement } from 'react';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Lesson } from '../../../content/types';
import Checklist from './Checklist';
import DecisionTree from './DecisionTree';
import DeepDive from './DeepDive';
import Fix from './Fix';
import { H2, H3, H4 } from './Heading';
import Hint from './Hint';
import Link from './Link';
import Mermaid from './Mermaid';
import Note from './Note';
import Pitfall from './Pitfall';
import Playground, { type PlaygroundProps } from './Playground';
import Solution, { type SolutionProps } from './Solution';
import Table from './Table';

/**
 * The components lesson MDX may use (lessons/README.md), and the HTML
 * elements the prose renders through our own components.
 * `Playground` and `Solution` need their lesson: use `lessonComponents`.
 */
export const mdxComponents = {
  Playground,
  Pitfall,
  Fix,
  Note,
  DeepDive,
  Hint,
  Solution,
  Checklist,
  Mermaid,
  DecisionTree,
  h2: H2,
  h3: H3,
  h4: H4,
  a: Link,
  table: Table,
} satisfies MDXComponents;

/** How many <Playground> blocks of the lesson show each snippet. */
function playgroundCounts(lesson: Lesson): Map<string, number> {
  const counts = new Map<string, number>();
  const tree = unified().use(remarkParse).use(remarkMdx).parse(lesson.body);
  visit(tree, (node) => {
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== 'Playground') return;
    const snippet = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'snippet')?.value;
    if (typeof snippet === 'string') counts.set(snippet, (counts.get(snippet) ?? 0) + 1);
  });
  return counts;
}

/**
 * The map for one lesson: `<Playground snippet="id">` and `<Solution snippet="id">`
 * bound to its snippets. The first block of a snippet gets the snippet id as its
 * element id (so #snippet links land on it), later ones `<snippet>-<variant>`.
 * A snippet shown in several blocks (broken here, fixed there; an exercise's
 * starter and its solution) shows one variant per block.
 */
export function lessonComponents(lesson: Lesson): MDXComponents {
  const counts = playgroundCounts(lesson);
  // Ids are unique on the page: headings' anchors come first.
  const used = new Set<string>(lesson.headings.map((h) => h.slug));
  return {
    ...mdxComponents,
    Playground: (props: PlaygroundProps) => {
      let id = props.snippet;
      for (let n = 2; used.has(id); n++) id = props.variant && n === 2 ? `${props.snippet}-${props.variant}` : `${props.snippet}-${n}`;
      used.add(id);
      const single = (counts.get(props.snippet) ?? 1) > 1 && props.variant !== undefined;
      return createElement(Playground, { ...props, lesson, blockId: id, single });
    },
    Solution: (props: SolutionProps) => createElement(Solution, { ...props, lesson }),
  };
}
