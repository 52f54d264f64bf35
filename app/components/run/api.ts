/** The run API as the browser calls it (shared/runner-api.md): start a run, stop it, write to its stdin. */
import type { RunAccepted, RunSpec } from '../../../runner/protocol';
import { errorMessage, readApiError } from '../net/apiError';
import type { RunProblem } from './model';

/** A started run: its id and where its events are read. */
export type RunHandle = RunAccepted;

export type EventData = Record<string, unknown>;

/** An event's data: a JSON object, or null for anything else. */
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

/** `stop`, `stdin` and the processes' kill and restart sit next to the events URL, whatever prefix the server uses. */
export function runUrl(run: RunHandle, action: 'stop' | 'stdin' | `processes/${string}/${ProcessAction}`): string {
  return /\/events\/?$/.test(run.events)
    ? run.events.replace(/\/events\/?$/, `/${action}`)
    : `/api/runs/${encodeURIComponent(run.id)}/${action}`;
}

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

/** `POST /api/runs`: the run's handle, or why it did not start, in words for the learner. */
export async function startRun(body: RunSpec): Promise<{ ok: true; run: RunHandle } | { ok: false; message: string; problem: RunProblem }> {
  let response: Response;
  try {
    response = await fetch('/api/runs', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
  } catch {
    return { ok: false, message: 'Could not reach the server. Check the connection and try again.', problem: { code: 'unreachable', retryAfter: null } };
  }
  if (!response.ok) {
    const { code, message, retryAfter } = await readApiError(response);
    return { ok: false, message, problem: { code, retryAfter: retryAfter ?? null } };
  }
  let run: RunHandle | null = null;
  try {
    run = parseRunHandle(await response.json());
  } catch {
    run = null;
  }
  return run
    ? { ok: true, run }
    : { ok: false, message: 'The server accepted the run but its answer could not be read.', problem: { code: 'unreadable', retryAfter: null } };
}

/** Asks the runner to stop a run; resolves to a problem to show, or null. */
export async function stopRun(run: RunHandle): Promise<string | null> {
  try {
    const response = await fetch(runUrl(run, 'stop'), { method: 'POST', headers: { Accept: 'application/json' } });
    return response.ok ? null : await errorMessage(response);
  } catch {
    return 'the server did not answer.';
  }
}

export type ProcessAction = 'kill' | 'restart';

/** Kills or restarts one process of a running run; resolves to a problem to show, or null. */
export async function actOnProcess(run: RunHandle, process: string, action: ProcessAction): Promise<string | null> {
  try {
    const response = await fetch(runUrl(run, `processes/${encodeURIComponent(process)}/${action}`), { method: 'POST', headers: { Accept: 'application/json' } });
    return response.ok ? null : await errorMessage(response);
  } catch {
    return 'The server did not answer.';
  }
}

/** Writes to a process's standard input; resolves to a problem to show, or null. */
export async function sendStdin(run: RunHandle, process: string, input: { data: string } | { eof: true }): Promise<string | null> {
  try {
    const response = await fetch(runUrl(run, 'stdin'), { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ process, ...input }) });
    return response.ok ? null : await errorMessage(response);
  } catch {
    return 'The server did not answer.';
  }
}
