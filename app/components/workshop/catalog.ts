import 'server-only';
import { getLessons } from '../../../content/loader';
import type { LessonOutline } from './types';

/** Every lesson with its sections and snippets: what a workshop can be made of and point at. */
export function workshopCatalog(): LessonOutline[] {
  return getLessons().map((lesson) => ({
    slug: lesson.slug,
    part: lesson.part,
    title: lesson.title,
    headings: lesson.headings.filter((h) => h.depth === 2).map((h) => ({ slug: h.slug, text: h.text })),
    snippets: lesson.snippetDetails.map((s) => ({ id: s.id, title: s.title, exercise: s.variants.some((v) => v.id === 'starter') })),
  }));
}
