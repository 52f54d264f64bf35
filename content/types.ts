/** What a lesson folder becomes once loaded (see lessons/README.md for the format on disk). */
import type { Check, Expectation } from "../runner/checks";
import type { ProcessDef } from "../runner/protocol";
import type { Lang } from "./lang";

export type { Check, Expectation, ProcessDef };

export type VariantId = "broken" | "fixed" | "main" | "starter" | "solution";
export const VARIANT_ORDER: VariantId[] = ["broken", "fixed", "main", "starter", "solution"];

export interface Variant {
  id: VariantId;
  label: string;
  files: Record<string, string>;
  processes?: ProcessDef[];
  timeoutMs?: number;
  expect?: Expectation;
  /** What its Messages view shows, as the lesson's prose says (a traced snippet only; checked in CI). */
  messages?: MessagesExpectation;
}

/** Claims about a traced run's Messages view (app/components/trace/diagram.ts), each checked when given. */
export interface MessagesExpectation {
  /** Some send was never received (true), or none was lost (false). */
  lost?: boolean;
  /** Some message arrived as other frames than were sent (an envelope added or taken off). */
  arrivesAs?: boolean;
  /** These processes end with every socket waiting (a deadlock). */
  waiting?: string[];
}

export interface Snippet {
  id: string;
  title: string;
  variants: Variant[];
  /** For exercises: what a correct program shows (starter fails it, solution passes). */
  check?: Check;
  /** Shown with a `blocked` event, in the lesson's words (e.g. "this is the deadlock described above"). */
  onBlocked?: string;
  /** Runs with the socket trace on, the Messages view beside the terminals (snippet.json `"trace": true`). */
  trace?: boolean;
}

export interface Heading {
  depth: 2 | 3;
  text: string;
  slug: string;
}

/** A <Playground> block of a lesson and the element id it has on its page. */
export interface PlaygroundBlock {
  snippet: string;
  variant?: string;
  id: string;
}

/** One page of a lesson: an h2 and what follows it, up to the next h2 (content/steps.ts). */
export interface Step {
  /** 0 for the first step. */
  index: number;
  /** The slug of its h2 (the URL's last segment). */
  slug: string;
  title: string;
  /** `/lessons/<lesson>` for step 1, `/lessons/<lesson>/<slug>` for the others. */
  path: string;
  /** Its part of the MDX body. */
  body: string;
  /** Its h2/h3, for the table of contents. */
  headings: Heading[];
  /** Ids of every heading on it, in order (as on the single page: numbered over the whole lesson). */
  headingIds: string[];
  /** Its <Playground> blocks, in order. */
  blocks: PlaygroundBlock[];
  /** Snippets it shows. */
  snippets: string[];
  /** Words of prose (code not counted). */
  words: number;
}

export interface LessonSummary {
  slug: string;
  part: number;
  title: string;
  summary: string;
  snippets: string[];
}

export interface Lesson extends LessonSummary {
  /** Path of lesson.mdx relative to the project (for messages). */
  file: string;
  /** The MDX source without its front matter. */
  body: string;
  headings: Heading[];
  snippetDetails: Snippet[];
  /** Plain text of the prose, for search. */
  text: string;
  steps: Step[];
  /** The language of its text and paths (English when not set). */
  lang?: Lang;
  /** Shown on a language's pages in English: the lesson has no translation into it yet. */
  untranslated?: true;
  /** The lesson in each other language (content/translations.ts), on the English lesson only. */
  translations?: Partial<Record<Lang, Lesson>>;
}
