'use client';

import { useTranslations } from 'next-intl';
import type { ExerciseProgress } from './boardView';

/**
 * The room's progress per exercise, in lesson order: how many passed it, how
 * many tried, and who is stuck on it (each name opens that learner).
 */
export default function ExerciseSummary({ rows, joined, onOpen }: { rows: readonly ExerciseProgress[]; joined: number; onOpen(id: string): void }) {
  const t = useTranslations('workshop.exercises');
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="exercises-title" className="space-y-2">
      <h2 id="exercises-title" className="text-xl font-semibold">
        {t('title')}
      </h2>
      <div className="overflow-x-auto rounded-lg border border-(--border)">
        <table className="w-full text-left text-sm" data-testid="exercise-summary">
          <thead className="bg-(--surface) text-(--muted-fg)">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t('exercise')}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t('passed')}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t('tried')}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t('stuck')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.lesson}/${row.id}`} data-testid="exercise-row" data-exercise={`${row.lesson}/${row.id}`} className="border-t border-(--border)">
                <th scope="row" className="px-3 py-2 font-medium">
                  {row.label}
                </th>
                <td className="px-3 py-2 text-right tabular-nums" data-testid="exercise-passed">
                  {row.passed}
                  <span className="text-(--muted-fg)"> / {joined}</span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums" data-testid="exercise-tried">
                  {row.tried}
                </td>
                <td className="px-3 py-2" data-testid="exercise-stuck">
                  {row.stuck.length === 0 ? (
                    <span className="text-(--muted-fg)">{t('nobody')}</span>
                  ) : (
                    <ul className="flex flex-wrap gap-1">
                      {row.stuck.map((tile) => (
                        <li key={tile.id}>
                          <button
                            type="button"
                            onClick={() => onOpen(tile.id)}
                            className="rounded-full border border-red-400 px-2 py-0.5 text-xs font-semibold text-red-800 hover:bg-red-50 dark:text-red-200 dark:hover:bg-red-950"
                          >
                            {tile.name}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
