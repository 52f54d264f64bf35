import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import ko from '../../messages/ko.json';
import type { RunWords } from '../../app/components/terminal/words';
import type { Tile } from '../../app/components/workshop/api';
import { ago, checkState, counts, exerciseProgress, isRunning, matches, runState, RUNNING_MS, sortTiles, STUCK_MS } from '../../app/components/workshop/boardView';
import { lessonOrder, workshopExercises, workshopSnippets, type LessonOutline } from '../../app/components/workshop/types';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString();

/** The workshop's words in a language, as the board's components get them (`useTranslations('workshop')`). */
function words(locale: 'en' | 'ko', messages: typeof en): RunWords {
  const t = createTranslator({ locale, messages, namespace: 'workshop' });
  return (key, values) => t(key as never, values as never);
}

function tile(name: string, extra: Partial<Tile> = {}): Tile {
  return {
    id: name.toLowerCase(),
    name,
    joinedAt: at(3_600_000),
    lastSeenAt: at(60_000),
    location: null,
    runs: 0,
    lastRun: null,
    passed: [],
    tried: [],
    running: null,
    hand: null,
    stuckSince: null,
    online: true,
    ...extra,
  };
}

const run = (status: string, blocked = false, check: { passed: boolean; title: string } | null = null) => ({
  status,
  blocked,
  lesson: 'l',
  snippet: 's',
  variant: 'main',
  check,
  at: at(0),
});

describe('the instructor board’s view of its tiles', () => {
  const ada = tile('Ada', { stuckSince: at(STUCK_MS + 1000), lastSeenAt: at(10_000), passed: ['l/a'] });
  const bo = tile('bo', { stuckSince: at(STUCK_MS - 1000), online: false, passed: ['l/a', 'l/b'] });
  const cy = tile('Cy', { hand: { raised: true, message: 'help', at: at(0) }, lastSeenAt: at(0) });
  const all = [cy, bo, ada];

  it('counts who is online, offline, stuck five minutes or more, and raised a hand', () => {
    expect(counts(all, NOW)).toEqual({ all: 3, online: 2, offline: 1, hands: 1, stuck: 1 });
  });

  it('filters: stuck means five minutes or more, not less', () => {
    expect(all.filter((t) => matches(t, 'stuck', NOW)).map((t) => t.name)).toEqual(['Ada']);
    expect(all.filter((t) => matches(t, 'hand', NOW)).map((t) => t.name)).toEqual(['Cy']);
    expect(all.filter((t) => matches(t, 'offline', NOW)).map((t) => t.name)).toEqual(['bo']);
    expect(all.filter((t) => matches(t, 'all', NOW))).toHaveLength(3);
  });

  it('sorts by name (any case), last activity, stuck longest and most passed', () => {
    expect(sortTiles(all, 'name').map((t) => t.name)).toEqual(['Ada', 'bo', 'Cy']);
    expect(sortTiles(all, 'activity').map((t) => t.name)).toEqual(['Cy', 'Ada', 'bo']);
    expect(sortTiles(all, 'stuck').map((t) => t.name)).toEqual(['Ada', 'bo', 'Cy']);
    expect(sortTiles(all, 'passed').map((t) => t.name)).toEqual(['bo', 'Ada', 'Cy']);
    // Sorting leaves the board's own list alone.
    expect(all.map((t) => t.name)).toEqual(['Cy', 'bo', 'Ada']);
  });

  it('shows a blocked run as blocked, however it ended, unless it ended ok', () => {
    expect(runState(tile('A'))).toBeNull();
    expect(runState(tile('A', { lastRun: run('timeout', true) }))).toBe('blocked');
    expect(runState(tile('A', { lastRun: run('ok', true) }))).toBe('ok');
    expect(runState(tile('A', { lastRun: run('failed') }))).toBe('failed');
  });

  it('says how long ago in minutes, then hours, in the page’s language', () => {
    const t = words('en', en);
    expect(ago(null, NOW, t)).toBe('never');
    expect(ago(at(30_000), NOW, t)).toBe('just now');
    expect(ago(at(4 * 60_000), NOW, t)).toBe('4 min ago');
    expect(ago(at(130 * 60_000), NOW, t)).toBe('2 h ago');
    const tk = words('ko', ko);
    expect(ago(at(30_000), NOW, tk)).toBe('방금');
    expect(ago(at(4 * 60_000), NOW, tk)).toBe('4분 전');
    expect(ago(at(130 * 60_000), NOW, tk)).toBe('2시간 전');
  });

  it('shows the last run’s check: passed, not yet, or nothing for a run without one', () => {
    expect(checkState(tile('A'))).toBeNull();
    expect(checkState(tile('A', { lastRun: run('ok') }))).toBeNull();
    expect(checkState(tile('A', { lastRun: run('ok', false, { passed: false, title: 'Prints pong' }) }))).toBe('not-yet');
    expect(checkState(tile('A', { lastRun: run('ok', false, { passed: true, title: 'Prints pong' }) }))).toBe('passed');
  });

  it('shows a started run as running for a while, not forever (its end may never come)', () => {
    const running = (msAgo: number) => tile('A', { running: { runId: 'r', lesson: 'l', snippet: 's', variant: 'starter', at: at(msAgo) } });
    expect(isRunning(tile('A'), NOW)).toBe(false);
    expect(isRunning(running(1000), NOW)).toBe(true);
    expect(isRunning(running(RUNNING_MS + 1000), NOW)).toBe(false);
  });
});

describe('the room’s progress per exercise', () => {
  const exercises = [
    { lesson: 'l', id: 'one', label: 'L › One' },
    { lesson: 'l', id: 'two', label: 'L › Two' },
  ];
  const stuckOn = (id: string) => ({ ...run('ok', false, { passed: false, title: 'x' }), snippet: id });

  it('counts who passed each exercise and who tried it, and names who is stuck on it', () => {
    const tiles = [
      tile('Ada', { passed: ['l/one'], tried: ['l/one'] }),
      tile('bo', { tried: ['l/one', 'l/two'], lastRun: stuckOn('two'), stuckSince: at(STUCK_MS + 1) }),
      tile('Cy', { tried: ['l/two'], lastRun: stuckOn('two'), stuckSince: at(STUCK_MS - 1000) }),
      tile('Al', { tried: ['l/two'], lastRun: stuckOn('two'), stuckSince: at(STUCK_MS + 5) }),
    ];
    const rows = exerciseProgress(exercises, tiles, NOW);
    expect(rows.map((r) => [r.id, r.passed, r.tried, r.stuck.map((t) => t.name)])).toEqual([
      ['one', 1, 2, []],
      // Cy is not stuck five minutes yet; names in name order.
      ['two', 0, 3, ['Al', 'bo']],
    ]);
  });
});

describe('snippets in lesson order', () => {
  const body = '# A\n<Playground snippet="hello" />\ntext <Playground variant="x" snippet="close-it" />\n<Playground snippet="hello" />';

  it('orders snippets as the lesson first shows them, unknown ones last', () => {
    expect(lessonOrder(body, ['close-it', 'exercise', 'hello'])).toEqual(['hello', 'close-it', 'exercise']);
  });

  it('lists a workshop’s exercises: all of a whole lesson’s, only the named ones of another, in lesson order', () => {
    const catalog: LessonOutline[] = [
      { slug: 'a', part: 1, title: 'A', headings: [], snippets: [{ id: 'x2', title: 'X2', exercise: true }, { id: 'demo', title: 'Demo', exercise: false }, { id: 'x1', title: 'X1', exercise: true }] },
      { slug: 'b', part: 2, title: 'B', headings: [], snippets: [{ id: 'y', title: 'Y', exercise: true }, { id: 'z', title: 'Z', exercise: true }] },
    ];
    const items = [{ lesson: 'a' }, { lesson: 'b', snippet: 'z' }];
    expect(workshopExercises(items, catalog).map((s) => `${s.lesson}/${s.id} ${s.label}`)).toEqual(['a/x2 A › X2', 'a/x1 A › X1', 'b/z B › Z']);
    expect(workshopSnippets(items, catalog).map((s) => s.id)).toEqual(['x2', 'demo', 'x1', 'y', 'z']);
  });
});
