/**
 * A learner's edits of each playground, kept in this browser: one entry per
 * snippet variant (`<lesson>/<snippet>/<variant>`), tagged with the hash of
 * the original code, so a lesson whose code changed does not restore edits of
 * the old version. Only files that differ from the original are stored. An
 * entry may keep a `backup`: the learner's own code, set aside when they chose
 * the solution or kept a shared link's code, until "Restore my code".
 * Subscribers hear every change, from this tab or another one.
 */

import { readStored, subscribeStored, writeStoredRaw } from '../storage/localStore';

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

/** The stored entry of a key, raw (for readers that parse it themselves). */
export const readRaw = readStored;
export const subscribeEdits = subscribeStored;

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
  return writeStoredRaw(key, raw);
}

/** The original with the saved edits applied. */
export function applyEdits(original: Files, saved: SavedEdits | null): Files {
  if (!saved) return original;
  const out: Files = { ...original };
  for (const name of Object.keys(original)) if (saved.files[name] !== undefined) out[name] = saved.files[name]!;
  return out;
}
