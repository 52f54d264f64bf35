import type { Expectation, ProcessDef } from '../../_lib/lessons/types';

/** One file of a variant, with its code highlighted on the server. */
export interface PlaygroundFile {
  name: string;
  /** Shiki's <pre class="shiki">…</pre>. */
  html: string;
  /** The processes that start from this file. */
  runsAs: string[];
}

export interface PlaygroundVariant {
  id: string;
  label: string;
  files: PlaygroundFile[];
  /** Posted to /api/runs as it is (plus attribution). */
  request: { files: Record<string, string>; processes?: ProcessDef[]; timeoutMs?: number };
}

export interface PlaygroundData {
  lesson: string;
  /** The snippet id. */
  id: string;
  /** The element id: the snippet id, or `<snippet>-<variant>` for a later block of the same snippet. */
  blockId: string;
  title: string;
  variants: PlaygroundVariant[];
  initialVariant: string;
  /** Set when the snippet is an exercise (it has a starter variant): what a solved run shows. */
  exercise: { expect: Expectation | undefined } | null;
}
