/**
 * What the workshop pages know about the lessons: an outline of each, its
 * sections and snippets (built on the server by catalog.ts). Not the server's
 * validation catalog (workshop/catalog.ts), which holds the snippets' code.
 */
export interface OutlineSnippet {
  id: string;
  title: string;
  exercise: boolean;
}

export interface LessonOutline {
  slug: string;
  part: number;
  title: string;
  headings: { slug: string; text: string }[];
  snippets: OutlineSnippet[];
}

export function lessonOf(catalog: readonly LessonOutline[], slug: string | null | undefined) {
  return slug ? catalog.find((l) => l.slug === slug) : undefined;
}

/** "Lesson title › Section or snippet title", for tiles, banners and the focus picker. */
export function placeName(catalog: readonly LessonOutline[], lesson: string, anchor?: string | null): string {
  const found = lessonOf(catalog, lesson);
  if (!found) return anchor ? `${lesson} › ${anchor}` : lesson;
  if (!anchor) return found.title;
  const part = found.snippets.find((s) => s.id === anchor)?.title ?? found.headings.find((h) => h.slug === anchor)?.text ?? anchor;
  return `${found.title} › ${part}`;
}

export const placeHref = (lesson: string, anchor?: string | null) => `/lessons/${encodeURIComponent(lesson)}${anchor ? `#${anchor}` : ''}`;

/** The snippets of the lessons a workshop goes through: `{lesson, id, label}`, lesson by lesson. */
export function workshopSnippets(items: readonly { lesson: string }[], catalog: readonly LessonOutline[]) {
  return [...new Set(items.map((i) => i.lesson))].flatMap((slug) =>
    (lessonOf(catalog, slug)?.snippets ?? []).map((s) => ({ lesson: slug, id: s.id, label: placeName(catalog, slug, s.id) })),
  );
}
