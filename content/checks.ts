/**
 * The runner's exercise checks, read from the lesson folders' snippet.json
 * files only (content/snippets.ts): no MDX is parsed, so the standalone runner
 * (runner/main.ts) carries no Markdown toolchain.
 */
import type { Attribution, Check, CheckProvider, Expectation as RunExpectation, RunExpectations } from "../runner/checks";
import { lessonFolders, pathName, readOnce } from "./folders";
import { loadSnippets } from "./snippets";

/** Exercise variants: a run of one of these gets the snippet's check. */
const EXERCISE_VARIANTS = new Set(["starter", "solution"]);

interface SnippetExpectations {
  check?: Check;
  /** Variant id → its expectation, for variants that carry a note. */
  notes: Map<string, RunExpectation>;
}

/** `lesson/snippet` → the snippet's check and its variants' notes, for every snippet under `root`. */
export function loadChecks(root: string): Map<string, SnippetExpectations> {
  const name = pathName(root);
  const checks = new Map<string, SnippetExpectations>();
  for (const folder of lessonFolders(root, name)) {
    for (const snippet of loadSnippets(folder.dir, name)) {
      const notes = new Map<string, RunExpectation>();
      for (const variant of snippet.variants) if (variant.expect?.note) notes.set(variant.id, variant.expect as RunExpectation);
      if (snippet.check || notes.size > 0) checks.set(`${folder.slug}/${snippet.id}`, { check: snippet.check, notes });
    }
  }
  return checks;
}

/** What a run of `variant` is judged on: the exercise's check (exercise variants), and the variant's note. */
export function expectationsOf(found: SnippetExpectations, variant: string): RunExpectations | undefined {
  const check = EXERCISE_VARIANTS.has(variant) ? found.check : undefined;
  const own = found.notes.get(variant);
  const expectations: RunExpectations = {};
  if (check) expectations.check = check;
  if (own) expectations.variant = own;
  return check || own ? expectations : undefined;
}

const readChecks = readOnce(loadChecks);

/**
 * The check for each run of an exercise variant. Where there are no lessons
 * (a runner deployed on its own, without them), runs get no check.
 */
export function lessonChecks(root?: string): CheckProvider {
  let warned = false;
  return ({ lesson, snippet, variant }: Attribution) => {
    try {
      const found = readChecks(root).get(`${lesson}/${snippet}`);
      return found && expectationsOf(found, variant);
    } catch (error) {
      if (!warned) console.warn(`runner: exercise checks are off, the lessons could not be read: ${(error as Error).message}`);
      warned = true;
      return undefined;
    }
  };
}
