'use client';

import { useTranslations } from 'next-intl';
import Link from '../layout/SiteLink';
import { useId } from 'react';
import type { Step } from '../../../content/types';
import { useProgress } from '../progress/useProgress';
import { stepKey } from '../progress/store';

/** The steps of a lesson, the current one marked and the ones already read ticked (this browser's progress). */
export default function StepList({ lesson, steps, current }: { lesson: string; steps: Pick<Step, 'index' | 'slug' | 'title' | 'path'>[]; current: number }) {
  const progress = useProgress();
  const headingId = useId();
  const t = useTranslations('lesson');
  return (
    <nav aria-labelledby={headingId}>
      <p id={headingId} className="mb-3 text-xs font-semibold tracking-wider text-(--muted-fg) uppercase">
        {t('steps')}
      </p>
      <ol className="space-y-0.5 text-sm" data-testid="step-list">
        {steps.map((step) => {
          const here = step.index === current;
          const read = progress.visited[stepKey(lesson, step.slug)] !== undefined;
          return (
            <li key={step.slug}>
              <Link
                href={step.path}
                aria-current={here ? 'step' : undefined}
                className={`flex gap-2 rounded-md px-2 py-1 leading-snug transition-colors ${
                  here ? 'bg-(--surface-strong) font-medium text-(--page-fg)' : 'text-(--muted-fg) hover:bg-(--surface) hover:text-(--page-fg)'
                }`}
              >
                <span className="w-5 shrink-0 text-right font-mono tabular-nums" aria-hidden="true">
                  {step.index + 1}
                </span>
                <span className="min-w-0 flex-1">{step.title}</span>
                {read && !here && (
                  <span className="shrink-0 text-green-700 dark:text-green-400">
                    <span aria-hidden="true">✓</span>
                    <span className="sr-only"> {t('read')}</span>
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
