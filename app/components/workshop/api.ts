/**
 * The workshop HTTP API as the browser sees it (workshop/README.md): the
 * wire types, and one function per endpoint. Every call resolves to a
 * `Result` — the body, or the server's `{error:{code,message}}` — and never
 * throws, so each page can show the server's own words inline.
 */

import { readApiError, type ApiProblem } from '../net/apiError';
// The wire types are the server's own (types only: nothing of workshop/ reaches the browser bundle).
import type { Board, Broadcast, CodeFile, LearnerDetail, Me, ProcessDef, WorkshopItem, WorkshopSummary } from '../../../workshop/types';

export type { Board, Broadcast, Focus, Hint, LearnerDetail, LiveOutput, Me, Tile, WorkshopItem } from '../../../workshop/types';
export type Summary = WorkshopSummary;
export type WorkshopFile = CodeFile;
export type BroadcastProcess = ProcessDef;

export interface Learner {
  id: string;
  name: string;
}

export interface Created {
  code: string;
  title: string;
  joinPath: string;
  instructorPath: string;
  instructorKey: string;
}

/** The server's `{error:{code,message}}` (status 0: not reached). */
export type ApiError = ApiProblem;

export type Result<T> = { ok: true; status: number; data: T } | { ok: false; error: ApiError };

export type Activity =
  | { type: 'location'; lesson: string; anchor?: string }
  | { type: 'run' | 'run-start'; runId: string }
  | { type: 'code'; lesson: string; snippet: string; variant: string; files: WorkshopFile[] };

/** Codes are typed in by people: upper case, and only the code's own alphabet (no 0/O/1/I/L). */
export const CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;

export function normaliseCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

export const workshopPath = (code: string, rest = '') => `/api/workshops/${encodeURIComponent(code)}${rest}`;

async function call<T>(path: string, init: { method?: string; body?: unknown; keepalive?: boolean } = {}): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: { Accept: 'application/json', ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      credentials: 'same-origin',
      cache: 'no-store',
      keepalive: init.keepalive,
    });
  } catch {
    return { ok: false, error: { status: 0, code: 'offline', message: 'Could not reach the server. Check the connection and try again.' } };
  }
  if (!response.ok) return { ok: false, error: await readApiError(response) };
  if (response.status === 204) return { ok: true, status: 204, data: undefined as T };
  try {
    return { ok: true, status: response.status, data: (await response.json()) as T };
  } catch {
    return { ok: false, error: { status: response.status, code: 'bad-answer', message: 'The server’s answer could not be read.' } };
  }
}

export const workshopApi = {
  create: (body: { title: string; items: WorkshopItem[]; endsAt?: string }) => call<Created>('/api/workshops', { method: 'POST', body }),
  summary: (code: string) => call<Summary>(workshopPath(code)),
  join: (code: string, name: string) => call<{ learner: Learner }>(workshopPath(code, '/join'), { method: 'POST', body: { name } }),
  me: (code: string) => call<Me>(workshopPath(code, '/me')),
  activity: (code: string, body: Activity, keepalive = false) =>
    call<void>(workshopPath(code, '/activity'), { method: 'POST', body, keepalive }),
  hand: (code: string, raised: boolean, message?: string) =>
    call<void>(workshopPath(code, '/hand'), { method: 'POST', body: message ? { raised, message } : { raised } }),
  instructorLogin: (code: string, key: string) => call<void>(workshopPath(code, '/instructor'), { method: 'POST', body: { key } }),
  /** Signs in with a one-time link's token (from another device's board). */
  handoffLogin: (code: string, handoff: string) => call<void>(workshopPath(code, '/instructor'), { method: 'POST', body: { handoff } }),
  /** A one-time link that signs the instructor in on another device. */
  handoff: (code: string) => call<{ path: string; expiresAt: string }>(workshopPath(code, '/handoff'), { method: 'POST', body: {} }),
  board: (code: string) => call<Board>(workshopPath(code, '/board')),
  learner: (code: string, id: string) => call<LearnerDetail>(workshopPath(code, `/learners/${encodeURIComponent(id)}`)),
  focus: (code: string, lesson: string, anchor?: string) =>
    call<void>(workshopPath(code, '/focus'), { method: 'POST', body: anchor ? { lesson, anchor } : { lesson } }),
  broadcast: (code: string, body: { lesson: string; snippet: string; title?: string; files: WorkshopFile[]; processes?: BroadcastProcess[] }) =>
    call<Broadcast>(workshopPath(code, '/broadcasts'), { method: 'POST', body }),
  hint: (code: string, id: string, text: string) =>
    call<unknown>(workshopPath(code, `/learners/${encodeURIComponent(id)}/hint`), { method: 'POST', body: { text } }),
  lowerHand: (code: string, id: string) =>
    call<void>(workshopPath(code, `/learners/${encodeURIComponent(id)}/hand`), { method: 'POST', body: { raised: false } }),
  end: (code: string) => call<void>(workshopPath(code, '/end'), { method: 'POST' }),
};

export const exportCsvPath = (code: string) => workshopPath(code, '/export.csv');
