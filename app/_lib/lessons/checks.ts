import type { CheckProvider } from "../../../runner/checks";
import { getLessons } from "./loader";

/** Exercise variants: a run of one of these gets the snippet's check. */
const EXERCISE_VARIANTS = new Set(["starter", "solution"]);

/**
 * The runner's exercise checks, read from the lesson folders. Where there are
 * no lessons (a runner deployed on its own, without them), runs get no check.
 */
export function lessonChecks(): CheckProvider {
  let warned = false;
  return ({ lesson, snippet, variant }) => {
    if (!EXERCISE_VARIANTS.has(variant)) return undefined;
    try {
      return getLessons()
        .find((l) => l.slug === lesson)
        ?.snippetDetails.find((s) => s.id === snippet)?.check;
    } catch (error) {
      if (!warned) console.warn(`runner: exercise checks are off, the lessons could not be read: ${(error as Error).message}`);
      warned = true;
      return undefined;
    }
  };
}
