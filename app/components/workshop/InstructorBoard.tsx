'use client';

import Link from '../layout/SiteLink';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import { useLocalePath } from '../i18n/useLang';
import AccessNeeded from './AccessNeeded';
import { exportCsvPath } from './api';
import BroadcastForm from './BroadcastForm';
import { counts, exerciseProgress, FILTERS, matches, SORTS, sortTiles, type FilterKey, type SortKey } from './boardView';
import CopyField from './CopyField';
import EndControl from './EndControl';
import ExerciseSummary from './ExerciseSummary';
import FocusControl from './FocusControl';
import HandoffControl from './HandoffControl';
import LearnerPanel from './LearnerPanel';
import LearnerTile from './LearnerTile';
import { CARD, FIELD, SMALL } from './styles';
import { workshopExercises, type LessonOutline } from './types';
import { useBoard } from './useBoard';
import { useClock } from './useClock';
import { useInstructorAccess } from './useInstructorAccess';

/**
 * `/w/CODE/instructor`: the live board. Counters, filters and sorting over
 * one tile per learner; opening a tile shows their code and output, sends a
 * hint, lowers a hand. Beside it: move the room, send code to everyone,
 * present, export the results, end.
 */
export default function InstructorBoard({ code, catalog }: { code: string; catalog: LessonOutline[] }) {
  const t = useTranslations('workshop');
  const locale = useLocale();
  const path = useLocalePath();
  const board = useBoard(code);
  const access = useInstructorAccess(code, board.load);
  const now = useClock();
  const [sort, setSort] = useState<SortKey>('name');
  const [filter, setFilter] = useState<FilterKey>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  const onOpen = useCallback((id: string) => setOpenId(id), []);
  // Relative times move a minute at a time: tiles re-render once a minute at most.
  const minute = Math.floor(now / 60_000) * 60_000;

  const all = useMemo(() => [...board.tiles.values()], [board.tiles]);
  const tally = useMemo(() => counts(all, minute), [all, minute]);
  const shown = useMemo(() => sortTiles(all.filter((t) => matches(t, filter, minute)), sort), [all, filter, sort, minute]);
  const items = board.summary?.items;
  const exercises = useMemo(() => workshopExercises(items ?? [], catalog), [items, catalog]);
  const progress = useMemo(() => exerciseProgress(exercises, all, minute), [exercises, all, minute]);

  if (access.state === 'denied') return <AccessNeeded code={code} error={access.error} />;
  if (access.state === 'checking' || !board.summary) return <p className="text-(--muted-fg)">{t('board.opening')}</p>;
  const summary = board.summary;
  const ended = Boolean(summary.endedAt);
  const opened = openId ? board.tiles.get(openId) : undefined;
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const number = (label: string, value: number, testId: string) => (
    <div className="rounded-lg border border-(--border) px-3 py-2">
      <dt className="text-xs text-(--muted-fg)">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <div className="min-w-0 flex-1 space-y-1">
          <p className="text-sm font-semibold tracking-wide text-red-700 uppercase dark:text-red-400">
            {t('board.label')} · <span className="font-mono">{code}</span>
          </p>
          <h1 className="text-3xl font-bold tracking-tight text-balance">{summary.title}</h1>
          {summary.endsAt && !ended && (
            <p className="text-sm text-(--muted-fg)">
              {t.rich('common.ends', {
                when: new Date(summary.endsAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }),
                time: (chunks) => <time dateTime={summary.endsAt!}>{chunks}</time>,
              })}
            </p>
          )}
          {board.status === 'reconnecting' && (
            <p className="text-sm font-medium text-amber-800 dark:text-amber-300" data-testid="board-reconnecting">
              {t('board.reconnecting')}
            </p>
          )}
          {board.status === 'failed' && (
            <p className="text-sm font-medium text-amber-800 dark:text-amber-300" data-testid="board-reconnecting">
              {t('board.lost')}
            </p>
          )}
        </div>
        <div className="w-full max-w-sm">
          <CopyField label={t('board.joinLink')} value={`${origin}${path(`/w/${code}`)}`} />
        </div>
      </header>

      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5" aria-label={t('board.learners')}>
        {number(t('board.joined'), tally.all, 'count-joined')}
        {number(t('board.online'), tally.online, 'count-online')}
        {number(t('board.hands'), tally.hands, 'count-hands')}
        {number(t('board.stuck'), tally.stuck, 'count-stuck')}
        {number(t('board.offline'), tally.offline, 'count-offline')}
      </dl>

      <div className="grid gap-4 lg:grid-cols-2">
        {!ended && (
          <div className={CARD}>
            <FocusControl code={code} summary={summary} catalog={catalog} />
          </div>
        )}
        <div className={`${CARD} space-y-3`}>
          <h2 className="font-semibold">{t('board.workshop')}</h2>
          <div className="flex flex-wrap gap-2">
            <Link href={path(`/w/${code}/present`)} className={SMALL}>
              {t('board.presenter')}
            </Link>
            <a href={exportCsvPath(code)} download className={SMALL}>
              {t('board.export')}
            </a>
          </div>
          <HandoffControl code={code} />
          <EndControl code={code} ended={ended} onEnded={() => board.setSummary({ ...summary, endedAt: new Date().toISOString() })} />
        </div>
        {!ended && (
          <details className={`${CARD} lg:col-span-2`}>
            <summary className="cursor-pointer font-semibold">{t('board.sendCode')}</summary>
            <div className="mt-3">
              <BroadcastForm code={code} summary={summary} catalog={catalog} />
            </div>
          </details>
        )}
      </div>

      <ExerciseSummary rows={progress} joined={all.length} onOpen={onOpen} />

      <section aria-labelledby="tiles-title" className="space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          <h2 id="tiles-title" className="mr-auto text-xl font-semibold">
            {t('board.learners')} <span className="text-base font-normal text-(--muted-fg)">{t('board.shown', { count: shown.length })}</span>
          </h2>
          <fieldset className="flex flex-wrap gap-1">
            <legend className="sr-only">{t('board.show')}</legend>
            {FILTERS.map((f) => (
              <label
                key={f}
                className="cursor-pointer rounded-full border border-(--border-strong) px-3 py-1 text-sm has-checked:border-zinc-900 has-checked:bg-zinc-900 has-checked:text-white has-focus-visible:outline-3 has-focus-visible:outline-(--focus-ring) dark:has-checked:border-zinc-100 dark:has-checked:bg-zinc-100 dark:has-checked:text-zinc-900"
              >
                <input type="radio" name="board-filter" value={f} checked={filter === f} onChange={() => setFilter(f)} className="sr-only" />
                {t(`board.filter.${f}`)}
              </label>
            ))}
          </fieldset>
          <label className="flex items-center gap-2 text-sm">
            {t('board.sortBy')}
            <select value={sort} onChange={(event) => setSort(event.target.value as SortKey)} className={`${FIELD} w-auto`}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`board.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {all.length === 0 ? (
          <p className="rounded-lg border border-dashed border-(--border-strong) p-6 text-center text-(--muted-fg)">
            {t.rich('board.nobody', { code, mono: (chunks) => <span className="font-mono font-semibold">{chunks}</span> })}
          </p>
        ) : (
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-2" data-testid="tiles">
            {shown.map((tile) => (
              <LearnerTile key={tile.id} tile={tile} now={minute} catalog={catalog} onOpen={onOpen} />
            ))}
          </ul>
        )}
      </section>

      {opened && (
        <LearnerPanel
          key={opened.id}
          code={code}
          tile={opened}
          catalog={catalog}
          now={now}
          onClose={() => setOpenId(null)}
          onLowered={(id) => board.patch(id, (tile) => ({ ...tile, hand: null }))}
        />
      )}
    </div>
  );
}
