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

/** The snippets in the order of their first `<Playground snippet="…">` in the lesson: the order a learner meets them. */
export function lessonOrder(body: string, ids: readonly string[]): string[] {
  const met = [...body.matchAll(/<Playground\b[^>]*?\bsnippet=["']([^"']+)["']/g)].map((m) => m[1]!);
  const at = (id: string) => (met.includes(id) ? met.indexOf(id) : met.length);
  return [...ids].sort((a, b) => at(a) - at(b));
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

/** The snippets of the lessons a workshop goes through: `{lesson, id, label, exercise}`, lesson by lesson, in each lesson's order. */
export function workshopSnippets(items: readonly { lesson: string }[], catalog: readonly LessonOutline[]) {
  return [...new Set(items.map((i) => i.lesson))].flatMap((slug) =>
    (lessonOf(catalog, slug)?.snippets ?? []).map((s) => ({ lesson: slug, id: s.id, label: placeName(catalog, slug, s.id), exercise: s.exercise })),
  );
}

/**
 * The exercises a workshop goes through: those it names, or every exercise of a
 * lesson it takes whole, in lesson order, each once.
 */
export function workshopExercises(items: readonly { lesson: string; snippet?: string }[], catalog: readonly LessonOutline[]) {
  const whole = new Set(items.filter((i) => !i.snippet).map((i) => i.lesson));
  const named = new Set(items.filter((i) => i.snippet).map((i) => `${i.lesson}/${i.snippet}`));
  return workshopSnippets(items, catalog).filter((s) => s.exercise && (whole.has(s.lesson) || named.has(`${s.lesson}/${s.id}`)));
}
