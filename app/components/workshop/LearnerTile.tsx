'use client';

import { useTranslations } from 'next-intl';
import { memo } from 'react';
import type { Tile } from './api';
import { ago, checkState, isRunning, isStuck, runState } from './boardView';
import { placeName, type LessonOutline } from './types';
import CheckCircleIcon from '../icons/CheckCircleIcon';
import HandIcon from '../icons/HandIcon';

const STATUS_STYLE: Record<string, string> = {
  ok: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  failed: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
  blocked: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
  timeout: 'bg-orange-100 text-orange-900 dark:bg-orange-900/60 dark:text-orange-100',
};

/**
 * One learner on the board: name and presence, where they are, runs, the
 * last run's status, exercises passed, a raised hand, how long stuck.
 * Memoised: with 200 tiles, only the ones that changed render again.
 */
function LearnerTile({
  tile,
  now,
  catalog,
  onOpen,
}: {
  tile: Tile;
  /** Minute-precise: relative times change once a minute, not every frame. */
  now: number;
  catalog: readonly LessonOutline[];
  onOpen(id: string): void;
}) {
  const t = useTranslations('workshop');
  const status = runState(tile);
  const check = checkState(tile);
  const stuck = isStuck(tile, now);
  const running = isRunning(tile, now);
  return (
    <li
      data-testid="learner-tile"
      data-name={tile.name}
      data-status={status ?? 'none'}
      data-check={check ?? 'none'}
      data-hand={tile.hand ? 'raised' : 'down'}
      data-online={tile.online}
      className={`flex min-w-0 flex-col gap-1.5 rounded-lg border bg-(--page-bg) p-3 text-sm [contain:content] ${
        tile.hand ? 'border-amber-500 ring-2 ring-amber-400/60' : stuck ? 'border-red-400' : 'border-(--border-strong)'
      }`}
    >
      <div className="flex items-center gap-2">
        <span
          aria-hidden="true"
          className={`size-2 shrink-0 rounded-full ${tile.online ? 'bg-emerald-500' : 'bg-zinc-400'}`}
        />
        <button
          type="button"
          onClick={() => onOpen(tile.id)}
          className="min-w-0 truncate text-left font-semibold hover:underline"
          aria-label={t('tile.open', { name: tile.name })}
        >
          {tile.name}
        </button>
        <span className="sr-only">{tile.online ? t('tile.online') : t('tile.offline')}</span>
        {tile.hand && (
          <span className="ml-auto shrink-0 text-amber-700 dark:text-amber-300" title={t('common.handRaised')}>
            <HandIcon size={16} />
            <span className="sr-only">{t('tile.handSr')}</span>
          </span>
        )}
      </div>
      {tile.hand?.message && <p className="line-clamp-2 rounded bg-amber-50 px-2 py-1 text-amber-950 dark:bg-amber-950/50 dark:text-amber-100">“{tile.hand.message}”</p>}
      <p className="truncate text-(--muted-fg)" title={tile.location ? placeName(catalog, tile.location.lesson, tile.location.anchor) : undefined}>
        {tile.location ? placeName(catalog, tile.location.lesson, tile.location.anchor) : t('tile.notOnLesson')}
      </p>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span>
          {t('tile.runs', { count: tile.runs })}
        </span>
        {status && (
          <span data-testid="tile-status" className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status] ?? 'bg-(--surface-strong)'}`}>
            {t.has(`status.${status}`) ? t(`status.${status}`) : status}
          </span>
        )}
        {check && (
          <span
            data-testid="tile-check"
            title={tile.lastRun?.check?.title}
            className={`rounded-full px-2 py-0.5 text-xs font-semibold ${check === 'passed' ? STATUS_STYLE.ok : STATUS_STYLE.failed}`}
          >
            {check === 'passed' ? t('tile.checkPassed') : t('tile.checkNotYet')}
          </span>
        )}
        {running && (
          <span data-testid="tile-running" className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900 dark:bg-sky-900/60 dark:text-sky-100">
            {t('tile.running')}
          </span>
        )}
        <span>
          <CheckCircleIcon size={14} className="inline align-[-2px]" /> {t('tile.passed', { count: tile.passed.length })}
        </span>
      </div>
      <p className="text-xs text-(--muted-fg)">
        {stuck ? <strong className="text-red-700 dark:text-red-300">{t('tile.stuck', { ago: ago(tile.stuckSince, now, t) })}</strong> : t('tile.active', { ago: ago(tile.lastSeenAt, now, t) })}
      </p>
    </li>
  );
}

export default memo(LearnerTile);
