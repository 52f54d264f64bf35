import type { CheckProvider, RunExpectations } from "../../../runner/checks";
import type { Snippet } from "./types";
import { getLessons } from "./loader";

/** Exercise variants: a run of one of these gets the snippet's check. */
const EXERCISE_VARIANTS = new Set(["starter", "solution"]);

/**
 * The runner's exercise checks and variant notes, read from the lesson folders.
 * Where there are no lessons (a runner deployed on its own, without them), runs get neither.
 */
export function lessonChecks(): CheckProvider {
  let warned = false;
  return ({ lesson, snippet, variant }) => {
    try {
      const found = getLessons()
        .find((l) => l.slug === lesson)
        ?.snippetDetails.find((s) => s.id === snippet);
      return found && expectationsOf(found, variant);
    } catch (error) {
      if (!warned) console.warn(`runner: exercise checks are off, the lessons could not be read: ${(error as Error).message}`);
      warned = true;
      return undefined;
    }
  };
}

/** What a run of `variant` is judged on: the exercise's check (exercise variants), and the variant's note. */
export function expectationsOf(snippet: Snippet, variant: string): RunExpectations | undefined {
  const check = EXERCISE_VARIANTS.has(variant) ? snippet.check : undefined;
  const own = snippet.variants.find((v) => v.id === variant)?.expect;
  const expectations: RunExpectations = {};
  if (check) expectations.check = check;
  if (own?.note) expectations.variant = own;
  return check || own?.note ? expectations : undefined;
}
