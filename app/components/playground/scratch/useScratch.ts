'use client';

import { useCallback, useMemo, useState } from 'react';
import { useStoredRaw, writeStoredRaw } from '../../storage/localStore';
import { parseSaved, sameProgram, SCRATCH_KEY, scratchReducer, type SavedScratch, type ScratchAction, type ScratchProgram } from './state';

/**
 * The /playground's program: the learner's, saved in this browser as they
 * type, or a shared link's, shown but not saved until they keep it (saving
 * it would silently replace their own). Replacing their own program (a
 * template, "Keep this code", "Open in playground") sets it aside first, for
 * "Restore my code".
 */
export function useScratch(initial: ScratchProgram) {
  const raw = useStoredRaw(SCRATCH_KEY);
  const saved = useMemo(() => parseSaved(raw), [raw]);
  const own = saved?.program ?? initial;
  const [shared, setShared] = useState<ScratchProgram | null>(null);
  const [storageFull, setStorageFull] = useState(false);
  const program = shared ?? own;

  const write = useCallback((next: SavedScratch | null) => setStorageFull(!writeStoredRaw(SCRATCH_KEY, next ? JSON.stringify(next) : null)), []);

  /** Puts `next` in place of the learner's program, keeping theirs as the backup when it was their own work. */
  const replaceOwn = useCallback(
    (next: ScratchProgram) => {
      // A backup already there is their own code from before (then a template, say, replaced it): it stays.
      const worth = saved && !sameProgram(saved.program, initial) && !sameProgram(saved.program, next);
      write({ program: next, backup: saved?.backup ?? (worth ? saved.program : null) });
    },
    [saved, initial, write],
  );

  const dispatch = useCallback(
    (action: ScratchAction) => {
      const next = scratchReducer(program, action);
      if (next === program) return;
      if (shared) setShared(next);
      else write({ program: next, backup: saved?.backup ?? null });
    },
    [program, shared, saved, write],
  );

  return {
    program,
    shared: shared !== null,
    backup: shared ? null : (saved?.backup ?? null),
    storageFull,
    dispatch,
    /** Shows a shared link's program without saving it. */
    showShared: setShared,
    keepShared() {
      if (!shared) return;
      replaceOwn(shared);
      setShared(null);
    },
    dropShared: () => setShared(null),
    /** A template, or code brought from a lesson: the learner's program from now on. */
    open(next: ScratchProgram) {
      setShared(null);
      replaceOwn(next);
    },
    restoreBackup() {
      if (saved?.backup) write({ program: saved.backup, backup: null });
    },
  };
}
