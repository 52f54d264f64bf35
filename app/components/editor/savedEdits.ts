/**
 * A learner's edits of each playground, kept in this browser: one entry per
 * snippet variant (`<lesson>/<snippet>/<variant>`), tagged with the hash of
 * the original code, so a lesson whose code changed does not restore edits of
 * the old version. Only files that differ from the original are stored. An
 * entry may keep a `backup`: the learner's own code, set aside when they chose
 * the solution or kept a shared link's code, until "Restore my code".
 * Subscribers hear every change, from this tab or another one.
 */

import { storageAllowed } from '../storage/persistence';

export const EDITS_PREFIX = 'zmq-playground.edits.v1:';

export type Files = Record<string, string>;

export interface SavedEdits {
  /** The changed files only. */
  files: Files;
  /** The learner's own code, set aside (all files), or null. */
  backup: Files | null;
}

interface Stored extends SavedEdits {
  hash: string;
  savedAt: number;
}

export function editsKey(lesson: string, snippet: string, variant: string): string {
  return `${EDITS_PREFIX}${lesson}/${snippet}/${variant}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function strings(value: unknown): Files | null {
  if (!isRecord(value)) return null;
  const out: Files = {};
  for (const [name, code] of Object.entries(value)) if (typeof code === 'string') out[name] = code;
  return out;
}

/** Reads an entry; garbage, another version of the code or an empty entry give null. */
export function parseEdits(raw: string | null, hash: string): SavedEdits | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.hash !== hash) return null;
  const files = strings(value.files) ?? {};
  const backup = value.backup === null || value.backup === undefined ? null : strings(value.backup);
  if (Object.keys(files).length === 0 && !backup) return null;
  return { files, backup };
}

// Where storage is unavailable (disabled, private mode), edits live in memory for this page.
const memory = new Map<string, string | null>();

export function readRaw(key: string): string | null {
  // What this page wrote wins (storage may be full or off); another tab's writes clear it (below).
  if (memory.has(key) || !storageAllowed()) return memory.get(key) ?? null;
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeRaw(key: string, raw: string | null): boolean {
  if (!storageAllowed()) {
    memory.set(key, raw);
    return true;
  }
  try {
    if (raw === null) localStorage.removeItem(key);
    else localStorage.setItem(key, raw);
    memory.delete(key);
    return true;
  } catch {
    memory.set(key, raw); // full or off: the in-memory copy lasts for this page
    return false;
  }
}

const listeners = new Map<string, Set<() => void>>();

function notify(key: string) {
  for (const listener of listeners.get(key) ?? []) listener();
}

export function subscribeEdits(key: string, listener: () => void): () => void {
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

/** Only what differs from the original, and only files the original has. */
export function changedFiles(current: Files, original: Files): Files {
  const out: Files = {};
  for (const name of Object.keys(original)) {
    const code = current[name];
    if (code !== undefined && code !== original[name]) out[name] = code;
  }
  return out;
}

/**
 * Saves the current code (and the backup, unchanged unless given). Returns
 * false when the browser would not store it (the edits then last for this page).
 */
export function saveEdits(
  key: string,
  hash: string,
  current: Files,
  original: Files,
  backup: Files | null | undefined = undefined,
): boolean {
  const keep = backup === undefined ? (parseEdits(readRaw(key), hash)?.backup ?? null) : backup;
  const files = changedFiles(current, original);
  const empty = Object.keys(files).length === 0 && !keep;
  const raw = empty ? null : JSON.stringify({ hash, savedAt: Date.now(), files, backup: keep } satisfies Stored);
  if (raw === readRaw(key)) return true;
  const ok = writeRaw(key, raw);
  notify(key);
  return ok;
}

/** The original with the saved edits applied. */
export function applyEdits(original: Files, saved: SavedEdits | null): Files {
  if (!saved) return original;
  const out: Files = { ...original };
  for (const name of Object.keys(original)) if (saved.files[name] !== undefined) out[name] = saved.files[name]!;
  return out;
}
