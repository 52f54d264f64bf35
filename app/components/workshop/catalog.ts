import 'server-only';
import type { Lang } from '../../../content/lang';
import { getLessons } from '../../../content/loader';
import { lessonOrder, type LessonOutline } from './types';

/**
 * Every lesson with its sections and snippets (in the lesson's order): what a workshop can be made of and point at.
 * Titles in `lang` (a translation keeps the English slugs and snippet ids, so places are the same in every language).
 */
export function workshopCatalog(lang?: Lang): LessonOutline[] {
  return getLessons(undefined, lang).map((lesson) => {
    const details = new Map(lesson.snippetDetails.map((s) => [s.id, s]));
    return {
      slug: lesson.slug,
      part: lesson.part,
      title: lesson.title,
      headings: lesson.headings.filter((h) => h.depth === 2).map((h) => ({ slug: h.slug, text: h.text })),
      snippets: lessonOrder(lesson.body, [...details.keys()]).map((id) => {
        const s = details.get(id)!;
        return { id: s.id, title: s.title, exercise: s.variants.some((v) => v.id === 'starter') };
      }),
    };
  });
}
