import type { Lesson, LessonSummary } from "./types";

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
