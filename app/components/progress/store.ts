/**
 * A learner's progress, kept in this browser only: lessons visited, exercises
 * solved and checklist ticks. One JSON value under a versioned key; anything
 * unreadable there counts as no progress. Subscribers hear every change, from
 * this tab or another one.
 */

import { storageAllowed } from '../storage/persistence';

export const PROGRESS_KEY = 'zmq-playground.progress.v1';

export interface Progress {
  /** Lesson slug, or stepKey(lesson, step), → when it was first visited (ms since epoch). */
  visited: Readonly<Record<string, number>>;
  /** "<lesson slug>/<snippet id>" → when the exercise was first solved. */
  solved: Readonly<Record<string, number>>;
  /** Checklist id → the texts of its ticked items. */
  checklists: Readonly<Record<string, readonly string[]>>;
}

export const EMPTY_PROGRESS: Progress = Object.freeze({
  visited: Object.freeze({}),
  solved: Object.freeze({}),
  checklists: Object.freeze({}),
});

/** `visited` holds lessons by slug and their steps as "<lesson slug>#<step slug>". */
export function stepKey(lesson: string, step: string): string {
  return `${lesson}#${step}`;
}

export function exerciseKey(lesson: string, snippet: string): string {
  return `${lesson}/${snippet}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function timestamps(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!isRecord(value)) return out;
  for (const [key, time] of Object.entries(value)) {
    if (typeof time === 'number' && Number.isFinite(time)) out[key] = time;
  }
  return out;
}

/** Reads stored progress; garbage, a wrong shape or another version give what can be salvaged. */
export function parseProgress(raw: string | null): Progress {
  if (raw === null) return EMPTY_PROGRESS;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return EMPTY_PROGRESS;
  }
  if (!isRecord(value) || value.version !== 1) return EMPTY_PROGRESS;
  const checklists: Record<string, string[]> = {};
  if (isRecord(value.checklists)) {
    for (const [id, items] of Object.entries(value.checklists)) {
      if (Array.isArray(items)) checklists[id] = items.filter((item): item is string => typeof item === 'string');
    }
  }
  return { visited: timestamps(value.visited), solved: timestamps(value.solved), checklists };
}

// Where storage is unavailable (disabled, private mode), progress lives in memory for this page.
let memory: string | null = null;

function readRaw(): string | null {
  if (!storageAllowed()) return memory;
  try {
    return localStorage.getItem(PROGRESS_KEY);
  } catch {
    return memory;
  }
}

function writeRaw(raw: string | null) {
  memory = raw;
  if (!storageAllowed()) return;
  try {
    if (raw === null) localStorage.removeItem(PROGRESS_KEY);
    else localStorage.setItem(PROGRESS_KEY, raw);
  } catch {
    // Keep the in-memory copy.
  }
}

let cached: { raw: string | null; value: Progress } = { raw: null, value: EMPTY_PROGRESS };

/** The current progress; the same object until it changes (a useSyncExternalStore snapshot). */
export function getProgress(): Progress {
  const raw = readRaw();
  if (raw !== cached.raw) cached = { raw, value: parseProgress(raw) };
  return cached.value;
}

export function getServerProgress(): Progress {
  return EMPTY_PROGRESS;
}

const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

export function subscribeProgress(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === PROGRESS_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

function update(change: (progress: Progress) => Progress | null) {
  const current = getProgress();
  const next = change(current);
  if (next === null) return;
  writeRaw(JSON.stringify({ version: 1, ...next }));
  notify();
}

/** Records a lesson as visited, and the step of it being read. */
export function markVisited(slug: string, step?: string) {
  const keys = step === undefined ? [slug] : [slug, stepKey(slug, step)];
  update((p) => {
    const fresh = keys.filter((key) => !(key in p.visited));
    if (fresh.length === 0) return null;
    const now = Date.now();
    return { ...p, visited: { ...p.visited, ...Object.fromEntries(fresh.map((key) => [key, now])) } };
  });
}

export function markSolved(lesson: string, snippet: string) {
  const key = exerciseKey(lesson, snippet);
  update((p) => (key in p.solved ? null : { ...p, solved: { ...p.solved, [key]: Date.now() } }));
}

export function setChecklist(id: string, ticked: readonly string[]) {
  update((p) => ({ ...p, checklists: { ...p.checklists, [id]: [...ticked] } }));
}

export function resetProgress() {
  writeRaw(null);
  notify();
}
