/**
 * The runner's exercise checks, read from the lesson folders' snippet.json
 * files only (content/snippets.ts): no MDX is parsed, so the standalone runner
 * (runner/main.ts) carries no Markdown toolchain.
 */
import type { Attribution, Check, CheckProvider } from "../runner/checks";
import { lessonFolders, pathName, readOnce } from "./folders";
import { loadSnippets } from "./snippets";

/** Exercise variants: a run of one of these gets the snippet's check. */
const EXERCISE_VARIANTS = new Set(["starter", "solution"]);

/** `lesson/snippet` → the snippet's check, for every exercise under `root`. */
export function loadChecks(root: string): Map<string, Check> {
  const name = pathName(root);
  const checks = new Map<string, Check>();
  for (const folder of lessonFolders(root, name)) {
    for (const snippet of loadSnippets(folder.dir, name)) {
      if (snippet.check) checks.set(`${folder.slug}/${snippet.id}`, snippet.check);
    }
  }
  return checks;
}

const readChecks = readOnce(loadChecks);

/**
 * The check for each run of an exercise variant. Where there are no lessons
 * (a runner deployed on its own, without them), runs get no check.
 */
export function lessonChecks(root?: string): CheckProvider {
  let warned = false;
  return ({ lesson, snippet, variant }: Attribution) => {
    if (!EXERCISE_VARIANTS.has(variant)) return undefined;
    try {
      return readChecks(root).get(`${lesson}/${snippet}`);
    } catch (error) {
      if (!warned) console.warn(`runner: exercise checks are off, the lessons could not be read: ${(error as Error).message}`);
      warned = true;
      return undefined;
    }
  };
}
