import type { RunWords } from '../terminal/words';
import type { Tile } from './api';

/** How the board orders and narrows its tiles, and what its counters count. Pure: easy to test, cheap per frame. */

export type SortKey = 'name' | 'activity' | 'stuck' | 'passed';
export type FilterKey = 'all' | 'stuck' | 'hand' | 'offline';

export const STUCK_MS = 5 * 60_000;

/** The board's sort orders and filters; their words are `workshop.board.sort.<id>` and `workshop.board.filter.<id>`. */
export const SORTS: readonly SortKey[] = ['name', 'activity', 'stuck', 'passed'];

export const FILTERS: readonly FilterKey[] = ['all', 'stuck', 'hand', 'offline'];

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) || 0 : 0);

export const isStuck = (tile: Tile, now: number) => tile.stuckSince !== null && now - time(tile.stuckSince) >= STUCK_MS;

/** What the tile shows as the last run: `blocked` wins over how a blocked run ended (timeout, stopped). */
export function runState(tile: Tile): string | null {
  if (!tile.lastRun) return null;
  return tile.lastRun.blocked && tile.lastRun.status !== 'ok' ? 'blocked' : tile.lastRun.status;
}

export function matches(tile: Tile, filter: FilterKey, now: number): boolean {
  if (filter === 'stuck') return isStuck(tile, now);
  if (filter === 'hand') return tile.hand !== null;
  if (filter === 'offline') return !tile.online;
  return true;
}

const byName = (a: Tile, b: Tile) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

export function sortTiles(tiles: readonly Tile[], sort: SortKey): Tile[] {
  const list = [...tiles];
  if (sort === 'name') return list.sort(byName);
  if (sort === 'activity') return list.sort((a, b) => time(b.lastSeenAt) - time(a.lastSeenAt) || byName(a, b));
  if (sort === 'passed') return list.sort((a, b) => b.passed.length - a.passed.length || byName(a, b));
  // Stuck longest first; those not stuck after them.
  return list.sort((a, b) => {
    const x = a.stuckSince ? time(a.stuckSince) : Infinity;
    const y = b.stuckSince ? time(b.stuckSince) : Infinity;
    return x - y || byName(a, b);
  });
}

export function counts(tiles: readonly Tile[], now: number) {
  let online = 0;
  let hands = 0;
  let stuck = 0;
  for (const tile of tiles) {
    if (tile.online) online += 1;
    if (tile.hand) hands += 1;
    if (isStuck(tile, now)) stuck += 1;
  }
  return { all: tiles.length, online, offline: tiles.length - online, hands, stuck };
}

/** "just now", "4 min ago", "2 h ago", in the page's language: `t` is `useTranslations('workshop')` (its `ago.*`). */
export function ago(iso: string | null, now: number, t: RunWords): string {
  if (!iso) return t('ago.never');
  const minutes = Math.floor((now - time(iso)) / 60_000);
  if (minutes < 1) return t('ago.justNow');
  if (minutes < 60) return t('ago.minutes', { n: minutes });
  return t('ago.hours', { n: Math.floor(minutes / 60) });
}

/** The last run's exercise check, as the tile shows it: passed, not yet, or none (the run had no check). */
export function checkState(tile: Tile): 'passed' | 'not-yet' | null {
  const check = tile.lastRun?.check;
  if (!check) return null;
  return check.passed ? 'passed' : 'not-yet';
}

/** A run the learner started is shown as running this long at most (its end may never be reported: a closed tab). */
export const RUNNING_MS = 2 * 60_000;

export const isRunning = (tile: Tile, now: number) => tile.running !== null && now - time(tile.running.at) < RUNNING_MS;

export interface ExerciseProgress {
  lesson: string;
  id: string;
  label: string;
  passed: number;
  /** Learners who ran their own code of it against its check (passed or not). */
  tried: number;
  /** Learners stuck 5+ min whose last run was this exercise. */
  stuck: Tile[];
}

/** For each exercise of the workshop, in lesson order: how many passed it, how many tried, who is stuck on it. */
export function exerciseProgress(exercises: readonly { lesson: string; id: string; label: string }[], tiles: readonly Tile[], now: number): ExerciseProgress[] {
  return exercises.map(({ lesson, id, label }) => {
    const key = `${lesson}/${id}`;
    let passed = 0;
    let tried = 0;
    const stuck: Tile[] = [];
    for (const tile of tiles) {
      if (tile.passed.includes(key)) passed += 1;
      if (tile.tried.includes(key) || tile.passed.includes(key)) tried += 1;
      if (isStuck(tile, now) && tile.lastRun?.lesson === lesson && tile.lastRun.snippet === id) stuck.push(tile);
    }
    return { lesson, id, label, passed, tried, stuck: stuck.sort(byName) };
  });
}
