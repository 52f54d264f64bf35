/** What a lesson folder becomes once loaded (see lessons/README.md for the format on disk). */

export type VariantId = "broken" | "fixed" | "main" | "starter" | "solution";
export const VARIANT_ORDER: VariantId[] = ["broken", "fixed", "main", "starter", "solution"];

export interface ProcessDef {
  name: string;
  entry: string;
  delayMs?: number;
}

/** What running a variant must show; the content tests check it through the real runner. */
export interface Expectation {
  /** Allowed end statuses (one or several). */
  status?: string | string[];
  /** Whether a `blocked` event must (true) or must not (false) appear. */
  blocked?: boolean;
  /** Process name → regular expressions that must each match somewhere in its stdout. */
  stdout?: Record<string, string[]>;
  /** Process name → regular expression its last stdout line must match. */
  lastLine?: Record<string, string>;
}

export interface Variant {
  id: VariantId;
  label: string;
  files: Record<string, string>;
  processes?: ProcessDef[];
  timeoutMs?: number;
  expect?: Expectation;
}

export interface Snippet {
  id: string;
  title: string;
  variants: Variant[];
}

export interface Heading {
  depth: 2 | 3;
  text: string;
  slug: string;
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
}
