import type { MDXComponents } from 'mdx/types';
import { createElement } from 'react';
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
  for (const block of lesson.steps.flatMap((step) => step.blocks)) counts.set(block.snippet, (counts.get(block.snippet) ?? 0) + 1);
  return counts;
}

/**
 * The map for a lesson's steps: `<Playground snippet="id">` and
 * `<Solution snippet="id">` bound to its snippets. Each block gets the element
 * id the loader gave it (content/steps.ts: the snippet id for its first block,
 * so #snippet links land on it). A snippet shown in several blocks (broken
 * here, fixed there; an exercise's starter and its solution) shows one variant
 * per block.
 */
export function lessonComponents(lesson: Lesson): MDXComponents {
  const counts = playgroundCounts(lesson);
  return {
    ...mdxComponents,
    // renderLesson writes each block's id (step.blocks) into its blockId attribute.
    Playground: (props: PlaygroundProps) => {
      const single = (counts.get(props.snippet) ?? 1) > 1 && props.variant !== undefined;
      return createElement(Playground, { ...props, lesson, blockId: props.blockId ?? props.snippet, single });
    },
    Solution: (props: SolutionProps) => createElement(Solution, { ...props, lesson }),
  };
}
