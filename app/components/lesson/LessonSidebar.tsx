import { useTranslations } from 'next-intl';
import Link from '../layout/SiteLink';
import type { Lesson } from '../../../content/types';

/** The series beside the lesson on wide screens, the current one marked. */
export default function LessonSidebar({ lessons, current }: { lessons: Lesson[]; current: string }) {
  const t = useTranslations('lesson');
  return (
    <nav aria-labelledby="series-heading">
      <p id="series-heading" className="mb-3 text-xs font-semibold tracking-wider text-(--muted-fg) uppercase">
        {t('lessons')}
      </p>
      <ol className="space-y-0.5 text-sm">
        {lessons.map((lesson) => {
          const here = lesson.slug === current;
          return (
            <li key={lesson.slug}>
              <Link
                href={lesson.steps[0]?.path ?? `/lessons/${lesson.slug}`}
                aria-current={here ? 'page' : undefined}
                className={`flex gap-2 rounded-md px-2 py-1.5 leading-snug transition-colors ${
                  here ? 'bg-(--surface-strong) font-medium text-(--page-fg)' : 'text-(--muted-fg) hover:bg-(--surface) hover:text-(--page-fg)'
                }`}
              >
                <span className="w-5 shrink-0 text-right font-mono tabular-nums" aria-hidden="true">
                  {lesson.part}
                </span>
                <span>
                  <span className="sr-only">{t('partPrefix', { part: lesson.part })}</span>
                  {lesson.title}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
