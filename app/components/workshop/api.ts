/**
 * The workshop HTTP API as the browser sees it (notes/workshop-api.md): the
 * wire types, and one function per endpoint. Every call resolves to a
 * `Result` — the body, or the server's `{error:{code,message}}` — and never
 * throws, so each page can show the server's own words inline.
 */

export interface WorkshopItem {
  lesson: string;
  snippet?: string;
}

export interface Focus {
  lesson: string;
  anchor: string | null;
  at: string;
}

export interface Summary {
  code: string;
  title: string;
  items: WorkshopItem[];
  endsAt: string | null;
  endedAt: string | null;
  focus: Focus | null;
}

export interface Learner {
  id: string;
  name: string;
}

export interface WorkshopFile {
  name: string;
  content: string;
}

export interface BroadcastProcess {
  name: string;
  entry: string;
  delayMs?: number;
}

export interface Broadcast {
  id: number | string;
  lesson: string;
  snippet: string;
  title: string | null;
  files: WorkshopFile[];
  processes: BroadcastProcess[] | null;
  at: string;
}

export interface Hint {
  id: number | string;
  text: string;
  at: string;
}

export interface Hand {
  raised: boolean;
  message: string | null;
  at?: string;
}

export interface Me {
  learner: Learner;
  workshop: Summary;
  hand: Hand | null;
  hints: Hint[];
  broadcasts: Broadcast[];
  lastEventId: string | number | null;
}

export type RunStatus = 'ok' | 'failed' | 'timeout' | 'stopped' | 'error' | string;

export interface LastRun {
  status: RunStatus;
  blocked: boolean;
  lesson: string | null;
  snippet: string | null;
  variant: string | null;
  at: string;
}

export interface Tile {
  id: string;
  name: string;
  joinedAt: string;
  lastSeenAt: string | null;
  location: { lesson: string; anchor: string | null } | null;
  runs: number;
  lastRun: LastRun | null;
  passed: string[];
  hand: { raised: true; message: string | null; at: string } | null;
  stuckSince: string | null;
  online: boolean;
}

export interface Board {
  workshop: Summary;
  learners: Tile[];
  lastEventId: string | number | null;
}

export interface LearnerDetail {
  tile: Tile;
  code: { lesson: string; snippet: string; variant: string; files: WorkshopFile[]; at: string } | null;
  output: { text: string; status: string; at: string } | null;
}

export interface Created {
  code: string;
  title: string;
  joinPath: string;
  instructorPath: string;
  instructorKey: string;
}

export interface ApiError {
  status: number;
  code: string;
  message: string;
}

export type Result<T> = { ok: true; status: number; data: T } | { ok: false; error: ApiError };

export type Activity =
  | { type: 'location'; lesson: string; anchor?: string }
  | { type: 'run'; runId: string }
  | { type: 'code'; lesson: string; snippet: string; variant: string; files: WorkshopFile[] };

/** Codes are typed in by people: upper case, and only the code's own alphabet (no 0/O/1/I/L). */
export const CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;

export function normaliseCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

export const workshopPath = (code: string, rest = '') => `/api/workshops/${encodeURIComponent(code)}${rest}`;

async function readError(response: Response): Promise<ApiError> {
  let code = `http-${response.status}`;
  let message = '';
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body?.error?.code === 'string') code = body.error.code;
    if (typeof body?.error?.message === 'string') message = body.error.message.trim();
  } catch {
    // Not JSON: the status line below says what happened.
  }
  if (!message) message = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  const retryAfter = response.headers.get('Retry-After');
  if (response.status === 429 && retryAfter && /^\d+$/.test(retryAfter.trim())) message += ` Try again in ${retryAfter.trim()} s.`;
  return { status: response.status, code, message };
}

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
  if (!response.ok) return { ok: false, error: await readError(response) };
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
