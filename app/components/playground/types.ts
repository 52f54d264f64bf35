import type { Expectation } from '../../../runner/checks';
import type { RunSpec } from '../../../runner/protocol';

/** One file of a variant, with its code highlighted on the server. */
export interface PlaygroundFile {
  name: string;
  /** Shiki's <pre class="shiki">…</pre>: the placeholder until the editor loads, and the code without JavaScript. */
  html: string;
  /** The processes that start from this file. */
  runsAs: string[];
}

/** What a variant posts to /api/runs as it is (Run adds the attribution). */
export type VariantRequest = Pick<RunSpec, 'files' | 'processes' | 'timeoutMs'>;

export interface PlaygroundVariant {
  id: string;
  label: string;
  /** In the order a reader needs them: entry files first. */
  files: PlaygroundFile[];
  request: VariantRequest;
  /** Hash of the original files: saved edits of another version of the lesson are not restored. */
  hash: string;
}

/** A variant only compared against (not offered in the switcher): its name and code. */
export interface CompareVariant {
  id: string;
  label: string;
  files: Record<string, string>;
}

export interface PlaygroundData {
  /** Lesson slug ('' on the scratchpad). */
  lesson: string;
  /** The snippet id. */
  id: string;
  /** The element id: the snippet id, or `<snippet>-<variant>` for a later block of the same snippet. */
  blockId: string;
  title: string;
  variants: PlaygroundVariant[];
  /** The snippet's other variants, for "Compare with …" (never an exercise's solution next to its starter). */
  others: CompareVariant[];
  initialVariant: string;
  /** Set when the snippet is an exercise: the title of the runner's check. */
  exercise: { checkTitle: string | null } | null;
  /**
   * On a translated lesson's pages (not English): the check's and the variants' notes in the page's
   * language, so the runner's English check details and `end.note` are said again in it
   * (checkPhrases.ts). The expectations are the runner's, with translated `explain` and `note`.
   */
  wording: { check: Expectation | null; notes: Record<string, Expectation> } | null;
  /** The lesson's words for a `blocked` event. */
  onBlocked: string | null;
  /** Runs start with the socket trace on (the learner may switch it off). */
  trace: boolean;
  /**
   * Set on an exercise's solution shown inside <Solution>: the starter it solves,
   * so the solution is shown against the learner's own code and can be copied in.
   */
  solves: { variant: string; label: string; hash: string; files: Record<string, string> } | null;
}
