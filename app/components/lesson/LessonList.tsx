import { useTranslations } from 'next-intl';
import Link from '../layout/SiteLink';
import type { Lesson } from '../../../content/types';
import LessonProgress from '../progress/LessonProgress';

/** Snippets that are exercises: they have a starter variant for the learner to complete. */
export function exercisesOf(lesson: Lesson): string[] {
  return lesson.snippetDetails.filter((s) => s.variants.some((v) => v.id === 'starter')).map((s) => s.id);
}

/** The series' table of contents: part, title, summary and (optionally) this browser's progress. */
export default function LessonList({
  lessons,
  progress = true,
  headingLevel = 3,
}: {
  lessons: Lesson[];
  progress?: boolean;
  headingLevel?: 2 | 3;
}) {
  const Title = headingLevel === 2 ? 'h2' : 'h3';
  const t = useTranslations('lesson');
  if (lessons.length === 0) return <p className="text-(--muted-fg)">{t('noLessons')}</p>;
  return (
    <ol className="divide-y divide-(--border) overflow-hidden rounded-xl border border-(--border)" data-testid="lesson-list">
      {lessons.map((lesson) => (
        <li key={lesson.slug} className="group relative flex gap-4 p-4 transition-colors hover:bg-(--surface) sm:gap-5 sm:p-5">
          <span
            aria-hidden="true"
            className="flex size-10 shrink-0 items-center justify-center rounded-lg border border-(--border-strong) font-mono text-sm font-semibold text-(--muted-fg) tabular-nums"
          >
            {String(lesson.part).padStart(2, '0')}
          </span>
          <div className="min-w-0 flex-1 space-y-1">
            <Title className="font-semibold text-balance">
              <Link href={lesson.steps[0]?.path ?? `/lessons/${lesson.slug}`} className="after:absolute after:inset-0 after:content-['']">
                <span className="sr-only">{t('partPrefix', { part: lesson.part })}</span>
                {lesson.title}
              </Link>
            </Title>
            <p className="text-(--muted-fg)">{lesson.summary}</p>
            {progress && <LessonProgress slug={lesson.slug} exercises={exercisesOf(lesson)} />}
          </div>
        </li>
      ))}
    </ol>
  );
}
