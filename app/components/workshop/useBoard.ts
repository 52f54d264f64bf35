'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { workshopApi, workshopPath, type Board, type Summary, type Tile } from './api';
import { isObject, summaryOf } from './eventData';
import { useEventStream } from './useEventStream';

const isTile = (value: unknown): value is Tile => isObject(value) && typeof value.id === 'string' && typeof value.name === 'string';
const isBoard = (value: unknown): value is Board => isObject(value) && Array.isArray(value.learners) && isObject(value.workshop);

/**
 * The instructor's live board: a snapshot (`GET …/board`), then the board
 * stream. A room of 200 sends dozens of tile updates a second: they are
 * collected and applied once per animation frame, and a tile keeps its
 * object identity until it changes, so memoised tiles skip re-rendering.
 */
export function useBoard(code: string) {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [tiles, setTiles] = useState<ReadonlyMap<string, Tile>>(new Map());
  const [after, setAfter] = useState<string | number | null>(null);
  const [live, setLive] = useState(false);
  const pending = useRef(new Map<string, Tile>());
  const frame = useRef<number | null>(null);

  const replace = useCallback((board: Board) => {
    pending.current.clear();
    setSummary(board.workshop);
    setTiles(new Map(board.learners.filter(isTile).map((t) => [t.id, t])));
  }, []);

  /** Loads the snapshot; also how the page learns whether it may be the board at all. */
  const load = useCallback(async () => {
    const result = await workshopApi.board(code);
    if (!result.ok) return { ok: false, error: result.error };
    replace(result.data);
    setAfter(result.data.lastEventId ?? null);
    setLive(true);
    return { ok: true };
  }, [code, replace]);

  const flush = useCallback(() => {
    frame.current = null;
    const batch = pending.current;
    if (batch.size === 0) return;
    pending.current = new Map();
    setTiles((before) => {
      const next = new Map(before);
      for (const [id, tile] of batch) next.set(id, tile);
      return next;
    });
  }, []);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const status = useEventStream(
    live ? workshopPath(code, '/board/events') : null,
    {
      hello(data) {
        if (isBoard(data)) replace(data);
      },
      learner(data) {
        const tile = isObject(data) && isTile(data.tile) ? data.tile : data;
        if (!isTile(tile)) return;
        pending.current.set(tile.id, tile);
        frame.current ??= requestAnimationFrame(flush);
      },
      workshop(data) {
        const next = summaryOf(data);
        if (next) setSummary(next);
      },
    },
    after,
  );

  /** A change made here (a lowered hand) shows at once; the stream confirms it. */
  const patch = useCallback((id: string, change: (tile: Tile) => Tile) => {
    setTiles((before) => {
      const tile = before.get(id);
      if (!tile) return before;
      const next = new Map(before);
      next.set(id, change(tile));
      return next;
    });
  }, []);

  return { summary, setSummary, tiles, status, load, patch };
}
