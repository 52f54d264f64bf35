'use client';

import { useCallback, useSyncExternalStore } from 'react';

/**
 * Small JSON values kept in this browser's localStorage (the joined workshop,
 * follow mode, broadcasts), with subscribers in this tab and in others.
 * Storage that is off or full falls back to memory for the page's life.
 */

const memory = new Map<string, string | null>();
const listeners = new Map<string, Set<() => void>>();

export function readStored(key: string): string | null {
  if (memory.has(key)) return memory.get(key) ?? null;
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: unknown) {
  const raw = value === null || value === undefined ? null : JSON.stringify(value);
  if (raw === readStored(key)) return;
  try {
    if (raw === null) localStorage.removeItem(key);
    else localStorage.setItem(key, raw);
    memory.delete(key);
  } catch {
    memory.set(key, raw);
  }
  for (const listener of listeners.get(key) ?? []) listener();
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

function subscribe(key: string, listener: () => void) {
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
  const sub = useCallback((listener: () => void) => (key ? subscribe(key, listener) : () => undefined), [key]);
  return useSyncExternalStore(
    sub,
    () => (key ? readStored(key) : null),
    () => null,
  );
}
