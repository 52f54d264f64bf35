'use client';

import { useTranslations } from 'next-intl';
import { exerciseKey } from './store';
import { useProgress } from './useProgress';

/** "Visited" and "n of m exercises solved" for one lesson in a table of contents. */
export default function LessonProgress({ slug, exercises }: { slug: string; exercises: readonly string[] }) {
  const progress = useProgress();
  const t = useTranslations('lesson');
  const visited = slug in progress.visited;
  const solved = exercises.filter((id) => exerciseKey(slug, id) in progress.solved).length;
  const done = visited && solved === exercises.length;

  return (
    <p className="flex min-h-6 flex-wrap items-center gap-x-3 gap-y-1 text-sm text-(--muted-fg)" data-testid={`progress-${slug}`}>
      <span data-visited={visited} className="inline-flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className={`inline-flex size-4 items-center justify-center rounded-full border text-[0.625rem] leading-none ${
            visited
              ? 'border-emerald-700 bg-emerald-700 text-white dark:border-emerald-400 dark:bg-emerald-400 dark:text-zinc-950'
              : 'border-(--border-strong)'
          }`}
        >
          {visited ? '✓' : ''}
        </span>
        {t(visited ? (done && exercises.length > 0 ? 'completed' : 'visited') : 'notVisited')}
      </span>
      {exercises.length > 0 && (
        <span data-solved={solved}>
          {t('solved', { solved, count: exercises.length })}
        </span>
      )}
    </p>
  );
}
