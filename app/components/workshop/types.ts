/** What the workshop pages know about the lessons (built on the server from lessons/, see catalog.ts). */
export interface CatalogSnippet {
  id: string;
  title: string;
  exercise: boolean;
}

export interface CatalogLesson {
  slug: string;
  part: number;
  title: string;
  headings: { slug: string; text: string }[];
  snippets: CatalogSnippet[];
}

export function lessonOf(catalog: readonly CatalogLesson[], slug: string | null | undefined) {
  return slug ? catalog.find((l) => l.slug === slug) : undefined;
}

/** "Lesson title › Section or snippet title", for tiles, banners and the focus picker. */
export function placeName(catalog: readonly CatalogLesson[], lesson: string, anchor?: string | null): string {
  const found = lessonOf(catalog, lesson);
  if (!found) return anchor ? `${lesson} › ${anchor}` : lesson;
  if (!anchor) return found.title;
  const part = found.snippets.find((s) => s.id === anchor)?.title ?? found.headings.find((h) => h.slug === anchor)?.text ?? anchor;
  return `${found.title} › ${part}`;
}

export const placeHref = (lesson: string, anchor?: string | null) => `/lessons/${encodeURIComponent(lesson)}${anchor ? `#${anchor}` : ''}`;

/** The snippets of the lessons a workshop goes through: `{lesson, id, label}`, lesson by lesson. */
export function workshopSnippets(items: readonly { lesson: string }[], catalog: readonly CatalogLesson[]) {
  return [...new Set(items.map((i) => i.lesson))].flatMap((slug) =>
    (lessonOf(catalog, slug)?.snippets ?? []).map((s) => ({ lesson: slug, id: s.id, label: placeName(catalog, slug, s.id) })),
  );
}
