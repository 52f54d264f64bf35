'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseEdits, readRaw, subscribeEdits, type SavedEdits } from './savedEdits';

/**
 * The saved edits of one snippet variant, or null (none, or saved for another
 * version of the code). The server render and hydration see none.
 */
export function useSavedEdits(key: string, hash: string): SavedEdits | null {
  const subscribe = useCallback((listener: () => void) => subscribeEdits(key, listener), [key]);
  const raw = useSyncExternalStore(
    subscribe,
    () => readRaw(key),
    () => null,
  );
  return useMemo(() => parseEdits(raw, hash), [raw, hash]);
}
