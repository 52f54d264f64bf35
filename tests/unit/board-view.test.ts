import { describe, expect, it } from 'vitest';
import type { Tile } from '../../app/components/workshop/api';
import { ago, counts, matches, runState, sortTiles, STUCK_MS } from '../../app/components/workshop/boardView';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString();

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
    hand: null,
    stuckSince: null,
    online: true,
    ...extra,
  };
}

const run = (status: string, blocked = false) => ({ status, blocked, lesson: 'l', snippet: 's', variant: 'main', at: at(0) });

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

  it('says how long ago in minutes, then hours', () => {
    expect(ago(null, NOW)).toBe('never');
    expect(ago(at(30_000), NOW)).toBe('just now');
    expect(ago(at(4 * 60_000), NOW)).toBe('4 min ago');
    expect(ago(at(130 * 60_000), NOW)).toBe('2 h ago');
  });
});
