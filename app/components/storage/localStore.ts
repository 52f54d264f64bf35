import { useCallback, useSyncExternalStore } from 'react';
import { storageAllowed } from './persistence';

/**
 * Strings kept in this browser's localStorage under a key (saved edits, the
 * joined workshop, follow mode, broadcasts), with subscribers in this tab and
 * in others. Where storage is off, full, or not ours to use (an embed), values
 * live in memory for the page's life.
 */

// What this page wrote and could not store wins over localStorage; another tab's write clears it.
const memory = new Map<string, string | null>();
const listeners = new Map<string, Set<() => void>>();

export function readStored(key: string): string | null {
  if (memory.has(key) || !storageAllowed()) return memory.get(key) ?? null;
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Stores a raw string (null removes it) and tells the subscribers. Returns
 * false when the browser would not store it (it then lasts for this page).
 */
export function writeStoredRaw(key: string, raw: string | null): boolean {
  if (raw === readStored(key)) return true;
  let stored = true;
  if (!storageAllowed()) memory.set(key, raw);
  else {
    try {
      if (raw === null) localStorage.removeItem(key);
      else localStorage.setItem(key, raw);
      memory.delete(key);
    } catch {
      memory.set(key, raw);
      stored = false;
    }
  }
  for (const listener of listeners.get(key) ?? []) listener();
  return stored;
}

/** Stores a value as JSON (null or undefined removes it). */
export function writeStored(key: string, value: unknown): boolean {
  return writeStoredRaw(key, value === null || value === undefined ? null : JSON.stringify(value));
}

export function parseStored<T>(raw: string | null, check: (value: unknown) => value is T): T | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return check(value) ? value : null;
  } catch {
    return null;
  }
}

export function subscribeStored(key: string, listener: () => void): () => void {
  let set = listeners.get(key);
  if (!set) listeners.set(key, (set = new Set()));
  set.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== key && event.key !== null) return;
    memory.delete(key);
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    set.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The raw stored string (null on the server and during hydration). */
export function useStoredRaw(key: string | null): string | null {
  const sub = useCallback((listener: () => void) => (key ? subscribeStored(key, listener) : () => undefined), [key]);
  return useSyncExternalStore(
    sub,
    () => (key ? readStored(key) : null),
    () => null,
  );
}
