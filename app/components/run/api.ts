/** Small pieces of the run API's wire format (shared/runner-api.md). */

export interface RunHandle {
  id: string;
  /** The events URL the server named in its 202 answer. */
  events: string;
}

export type EventData = Record<string, unknown>;

export function parseEventData(raw: unknown): EventData | null {
  if (typeof raw !== 'string') return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as EventData) : null;
  } catch {
    return null;
  }
}

export function parseRunHandle(body: unknown): RunHandle | null {
  if (body === null || typeof body !== 'object') return null;
  const { id, events } = body as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') return null;
  return { id, events: typeof events === 'string' && events !== '' ? events : `/api/runs/${encodeURIComponent(id)}/events` };
}

/** `stop` and `stdin` sit next to the events URL, whatever prefix the server uses. */
export function runUrl(run: RunHandle, action: 'stop' | 'stdin'): string {
  return /\/events\/?$/.test(run.events)
    ? run.events.replace(/\/events\/?$/, `/${action}`)
    : `/api/runs/${encodeURIComponent(run.id)}/${action}`;
}

/** The events URL, asking only for events after `lastEventId` when some were seen. */
export function eventsUrlAfter(run: RunHandle, lastEventId: number): string {
  if (lastEventId <= 0) return run.events;
  const url = new URL(run.events, window.location.href);
  url.searchParams.set('lastEventId', String(lastEventId));
  return url.origin === window.location.origin ? `${url.pathname}${url.search}` : url.href;
}

/** The person-readable message of an API error response (`{error: {code, message}}`). */
export async function errorMessage(response: Response): Promise<string> {
  let message = '';
  try {
    const body: unknown = await response.json();
    const error = body !== null && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
    const text = error !== null && typeof error === 'object' ? (error as { message?: unknown }).message : undefined;
    if (typeof text === 'string') message = text.trim();
  } catch {
    // Not JSON: fall back to the status line below.
  }
  if (message === '') {
    message = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  }
  const retryAfter = response.headers.get('Retry-After');
  if (response.status === 429 && retryAfter && /^\d+$/.test(retryAfter.trim())) {
    message += ` Try again in ${retryAfter.trim()} s.`;
  }
  return message;
}
