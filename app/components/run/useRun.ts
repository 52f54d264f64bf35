'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Runs code through the runner's public API (shared/runner-api.md):
 * POST /api/runs, then the run's events over Server-Sent Events, and
 * POST …/stop. Output is gathered per process and stream, and handed to
 * React at most once per animation frame however fast it arrives.
 */

export interface RunProcess {
  name: string;
  entry: string;
  delayMs?: number;
}

export interface RunRequest {
  files: Record<string, string>;
  processes?: RunProcess[];
  timeoutMs?: number;
  /** Attribution, so the server knows which exercise this is. */
  lesson?: string;
  snippet?: string;
  variant?: string;
}

export type Phase = 'idle' | 'starting' | 'queued' | 'running' | 'stopping' | 'ended';
export type Stream = 'stdout' | 'stderr' | 'note';

export interface OutputLine {
  id: number;
  /** The process that wrote it ('' for notes about the whole run). */
  process: string;
  stream: Stream;
  text: string;
}

export interface RunEnd {
  status: string;
  message: string | null;
  durationMs: number | null;
}

export interface RunState {
  phase: Phase;
  queuePosition: number | null;
  lines: OutputLine[];
  /** Process names in the order they were declared or first seen. */
  processes: string[];
  /** The `blocked` event's message, shown as a banner. */
  blocked: string | null;
  /** Why the run could not start or lost its connection (HTTP errors such as 429 and 503). */
  error: string | null;
  end: RunEnd | null;
  truncated: boolean;
}

/** What a finished run showed, for checking an exercise. */
export interface RunResult {
  status: string;
  blocked: boolean;
  stdout: Record<string, string>;
}

export interface UseRunOptions {
  onEnd?: (result: RunResult, request: RunRequest) => void;
}

/** Keeps the page responsive if a program prints a lot; the runner has its own limit. */
const MAX_OUTPUT_CHARS = 200_000;

/** ANSI escape sequences (colours, cursor moves): the panel shows plain text. */
const ANSI_PATTERN = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

const INITIAL: RunState = {
  phase: 'idle',
  queuePosition: null,
  lines: [],
  processes: [],
  blocked: null,
  error: null,
  end: null,
  truncated: false,
};

interface RunHandle {
  id: string;
  events: string;
}

type EventData = Record<string, unknown>;

function parseEventData(raw: unknown): EventData | null {
  if (typeof raw !== 'string') return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as EventData) : null;
  } catch {
    return null;
  }
}

function parseRunHandle(body: unknown): RunHandle | null {
  if (body === null || typeof body !== 'object') return null;
  const { id, events } = body as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') return null;
  return { id, events: typeof events === 'string' && events !== '' ? events : `/api/runs/${encodeURIComponent(id)}/events` };
}

/** The stop URL sits next to the events URL, whatever prefix the server uses. */
function stopUrl(run: RunHandle): string {
  return /\/events\/?$/.test(run.events)
    ? run.events.replace(/\/events\/?$/, '/stop')
    : `/api/runs/${encodeURIComponent(run.id)}/stop`;
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

function describeExit(data: EventData): string {
  const after = typeof data.durationMs === 'number' ? ` after ${formatDuration(data.durationMs)}` : '';
  if (typeof data.signal === 'string' && data.signal !== '') return `was ended by ${data.signal}${after}`;
  if (typeof data.code === 'number') return `exited with code ${data.code}${after}`;
  return `exited${after}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Mutable working copy of the state between frames. */
interface Model extends RunState {
  /** "<process>\0<stream>" → index in `lines` of the line still being written. */
  open: Map<string, number>;
  size: number;
  stdout: Map<string, string>;
  sawBlocked: boolean;
}

function freshModel(processes: string[]): Model {
  return { ...INITIAL, processes, lines: [], open: new Map(), size: 0, stdout: new Map(), sawBlocked: false };
}

export function useRun(options: UseRunOptions = {}) {
  const [state, setState] = useState<RunState>(INITIAL);
  const model = useRef<Model>(freshModel([]));
  const frame = useRef<number | null>(null);
  const source = useRef<EventSource | null>(null);
  const handle = useRef<RunHandle | null>(null);
  const request = useRef<RunRequest | null>(null);
  const attempt = useRef(0);
  const stopRequested = useRef(false);
  const lineId = useRef(0);
  const onEnd = useRef(options.onEnd);
  onEnd.current = options.onEnd;

  const flush = useCallback(() => {
    frame.current = null;
    const m = model.current;
    setState({
      phase: m.phase,
      queuePosition: m.queuePosition,
      lines: m.lines.slice(),
      processes: m.processes.slice(),
      blocked: m.blocked,
      error: m.error,
      end: m.end,
      truncated: m.truncated,
    });
  }, []);

  /** Output may come fast: render once per frame. Phase changes render at once. */
  const schedule = useCallback(
    (now = false) => {
      if (now) {
        if (frame.current !== null) cancelAnimationFrame(frame.current);
        flush();
        return;
      }
      if (frame.current === null) frame.current = requestAnimationFrame(flush);
    },
    [flush],
  );

  const closeStream = useCallback(() => {
    source.current?.close();
    source.current = null;
  }, []);

  useEffect(
    () => () => {
      closeStream();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [closeStream],
  );

  function seeProcess(name: string) {
    const m = model.current;
    if (name && !m.processes.includes(name)) m.processes.push(name);
  }

  function note(text: string, process = '') {
    const m = model.current;
    // A note ends any line a process left unfinished.
    m.open.clear();
    m.lines.push({ id: ++lineId.current, process, stream: 'note', text });
  }

  function write(process: string, stream: 'stdout' | 'stderr', raw: string) {
    const m = model.current;
    seeProcess(process);
    if (stream === 'stdout') {
      const before = m.stdout.get(process) ?? '';
      if (before.length < MAX_OUTPUT_CHARS) m.stdout.set(process, before + raw);
    }
    let text = raw.replace(ANSI_PATTERN, '').replace(/\r\n?/g, '\n');
    if (text === '' || m.truncated) return;
    if (m.size + text.length > MAX_OUTPUT_CHARS) {
      text = text.slice(0, MAX_OUTPUT_CHARS - m.size);
      m.truncated = true;
    }
    m.size += text.length;
    const key = `${process}\u0000${stream}`;
    const segments = text.split('\n');
    segments.forEach((segment, index) => {
      const last = index === segments.length - 1;
      if (last && segment === '') {
        // The chunk ended with a newline: nothing is left open.
        m.open.delete(key);
        return;
      }
      const openIndex = index === 0 ? m.open.get(key) : undefined;
      if (openIndex !== undefined) {
        const line = m.lines[openIndex]!;
        m.lines[openIndex] = { ...line, text: line.text + segment };
      } else {
        m.lines.push({ id: ++lineId.current, process, stream, text: segment });
      }
      if (last) m.open.set(key, index === 0 && openIndex !== undefined ? openIndex : m.lines.length - 1);
      else m.open.delete(key);
    });
    if (m.truncated) note('Output shortened here: this panel shows the first 200,000 characters.');
  }

  function fail(message: string) {
    closeStream();
    handle.current = null;
    const m = model.current;
    m.error = message;
    m.queuePosition = null;
    m.phase = 'ended';
    m.end = { status: 'error', message, durationMs: null };
    schedule(true);
  }

  function openStream(run: RunHandle, current: number) {
    const es = new EventSource(run.events);
    source.current = es;
    const m = model.current;

    const on = (type: string, handler: (data: EventData) => void) => {
      es.addEventListener(type, (event) => {
        if (source.current !== es || attempt.current !== current) return;
        const data = parseEventData((event as MessageEvent).data);
        if (data) handler(data);
      });
    };

    on('queued', (data) => {
      if (typeof data.position === 'number') m.queuePosition = data.position;
      if (m.phase !== 'stopping') m.phase = 'queued';
      schedule(true);
    });
    on('start', (data) => {
      if (typeof data.process === 'string') seeProcess(data.process);
      m.queuePosition = null;
      if (m.phase !== 'stopping') m.phase = 'running';
      schedule(true);
    });
    on('stdout', (data) => {
      if (typeof data.data === 'string') write(typeof data.process === 'string' ? data.process : '', 'stdout', data.data);
      schedule();
    });
    on('stderr', (data) => {
      if (typeof data.data === 'string') write(typeof data.process === 'string' ? data.process : '', 'stderr', data.data);
      schedule();
    });
    on('blocked', (data) => {
      m.sawBlocked = true;
      m.blocked =
        typeof data.message === 'string' && data.message.trim() !== ''
          ? data.message.trim()
          : 'Every process is waiting and none is making progress.';
      schedule(true);
    });
    on('exit', (data) => {
      // "exited with code 0 after 812 ms", shown after the process's name.
      if (typeof data.process === 'string' && data.process !== '') note(describeExit(data), data.process);
      schedule();
    });
    on('end', (data) => {
      closeStream();
      handle.current = null;
      const status = typeof data.status === 'string' && data.status !== '' ? data.status : 'error';
      m.end = {
        status,
        message: typeof data.message === 'string' && data.message.trim() !== '' ? data.message.trim() : null,
        durationMs: typeof data.durationMs === 'number' ? data.durationMs : null,
      };
      m.open.clear();
      m.queuePosition = null;
      m.phase = 'ended';
      schedule(true);
      const sent = request.current;
      if (sent && onEnd.current) {
        onEnd.current({ status, blocked: m.sawBlocked, stdout: Object.fromEntries(m.stdout) }, sent);
      }
    });
    // Any other event type (trace, check, …) is ignored.

    es.onerror = () => {
      if (source.current !== es || attempt.current !== current) return;
      // While CONNECTING the browser reconnects by itself, sending Last-Event-ID.
      if (es.readyState === EventSource.CLOSED) fail('Lost the connection to the run before it ended.');
    };
  }

  async function sendStop(run: RunHandle, current: number) {
    let problem: string | null = null;
    try {
      const response = await fetch(stopUrl(run), { method: 'POST', headers: { Accept: 'application/json' } });
      if (!response.ok) problem = await errorMessage(response);
    } catch {
      problem = 'the server did not answer.';
    }
    if (problem === null || attempt.current !== current) return;
    // The run goes on: say why, and let the learner press Stop again.
    stopRequested.current = false;
    note(`Could not stop the run: ${problem}`);
    if (model.current.phase === 'stopping') model.current.phase = 'running';
    schedule(true);
  }

  const busy =
    state.phase === 'starting' || state.phase === 'queued' || state.phase === 'running' || state.phase === 'stopping';

  async function run(body: RunRequest) {
    const phase = model.current.phase;
    if (phase === 'starting' || phase === 'queued' || phase === 'running' || phase === 'stopping') return;
    closeStream();
    const current = ++attempt.current;
    handle.current = null;
    request.current = body;
    stopRequested.current = false;
    model.current = freshModel((body.processes ?? []).map((p) => p.name));
    model.current.phase = 'starting';
    schedule(true);

    let response: Response;
    try {
      response = await fetch('/api/runs', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
    } catch {
      if (attempt.current === current) fail('Could not reach the server. Check the connection and try again.');
      return;
    }
    if (attempt.current !== current) return;
    if (!response.ok) {
      const message = await errorMessage(response);
      if (attempt.current === current) fail(message);
      return;
    }
    let run: RunHandle | null = null;
    try {
      run = parseRunHandle(await response.json());
    } catch {
      run = null;
    }
    if (attempt.current !== current) return;
    if (!run) {
      fail('The server accepted the run but its answer could not be read.');
      return;
    }
    handle.current = run;
    openStream(run, current);
    // Stop was pressed while the run was being created.
    if (stopRequested.current) void sendStop(run, current);
  }

  function stop() {
    const m = model.current;
    if (m.phase !== 'starting' && m.phase !== 'queued' && m.phase !== 'running') return;
    stopRequested.current = true;
    m.phase = 'stopping';
    schedule(true);
    if (handle.current) void sendStop(handle.current, attempt.current);
  }

  return { state, busy, run, stop };
}
