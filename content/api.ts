import { ApiError } from "../runner/errors";
import { DEFAULT_LANG, isLang, LANGS, type Lang } from "./lang";
import type { Lesson, LessonSummary } from "./types";

/** `?lang=` of a lessons API request: English when absent; a 400 for a language the site does not have. */
export function requestedLang(url: string): { lang: Lang; asked: boolean } {
  const value = new URL(url, "http://site.invalid").searchParams.get("lang");
  if (value === null || value === "") return { lang: DEFAULT_LANG, asked: false };
  if (!isLang(value)) throw new ApiError(400, "invalid-lang", `"lang" must be one of ${LANGS.join(", ")}.`);
  return { lang: value, asked: true };
}

/** Additive fields of an answer that asked for a language: which, and whether the lesson is in it yet. */
export function langFields(lesson: Lesson | undefined, lang: Lang) {
  return { lang, ...(lesson ? { translated: !lesson.untranslated } : {}) };
}

/** `GET /api/lessons` items (shared/runner-api.md). */
export function lessonSummary(lesson: Lesson): LessonSummary {
  const { slug, part, title, summary, snippets } = lesson;
  return { slug, part, title, summary, snippets };
}

/** `GET /api/lessons/<slug>`: each variant can be posted to /api/runs as it is. */
export function lessonDetail(lesson: Lesson) {
  return {
    ...lessonSummary(lesson),
    // Additive: the lesson's pages, in order (the first is the lesson's own URL).
    steps: lesson.steps.map(({ slug, title, path, snippets }) => ({ slug, title, path, snippets })),
    snippets: lesson.snippetDetails.map((snippet) => ({
      id: snippet.id,
      title: snippet.title,
      variants: snippet.variants.map(({ id, label, files, processes, timeoutMs }) => ({
        id,
        label,
        files,
        ...(processes ? { processes } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      })),
    })),
  };
}
