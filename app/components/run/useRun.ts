'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, eventsUrlAfter, parseEventData, parseRunHandle, runUrl, type EventData, type RunHandle } from './api';

/**
 * Runs code through the runner's public API (shared/runner-api.md):
 * POST /api/runs, then the run's events over Server-Sent Events, stop and
 * stdin. Every event has an increasing id: the last one seen is kept, events
 * seen before are dropped, and when the browser gives up reconnecting by
 * itself the stream is reopened with `?lastEventId=<n>` — a network drop
 * loses and repeats nothing. Output is kept twice: raw chunks (with ANSI
 * colours) for the terminals, and plain lines for screen readers and tests.
 * React hears about it at most once per animation frame.
 */

export { errorMessage } from './api';

export interface RunProcess {
  name: string;
  entry: string;
  delayMs?: number;
}

export interface RunRequest {
  files: Record<string, string>;
  processes?: RunProcess[];
  timeoutMs?: number;
  /** Attribution, so the runner can check an exercise. */
  lesson?: string;
  snippet?: string;
  variant?: string;
}

export type Phase = 'idle' | 'starting' | 'queued' | 'running' | 'stopping' | 'ended';
export type Stream = 'stdout' | 'stderr' | 'note';

/** A line of the plain-text transcript. */
export interface OutputLine {
  id: number;
  /** The process that wrote it ('' for notes about the whole run). */
  process: string;
  stream: Stream;
  text: string;
}

/** Raw output as it came, for a terminal (ANSI kept); `exit` is the runner's exit event. */
export interface OutputChunk {
  id: number;
  process: string;
  stream: 'stdout' | 'stderr' | 'exit';
  data: string;
}

export interface ProcessState {
  name: string;
  /** `performance.now()` when its `start` event came, for a live elapsed time. */
  startedAt: number | null;
  exit: { code: number | null; signal: string | null; durationMs: number | null } | null;
}

export interface RunEnd {
  status: string;
  message: string | null;
  durationMs: number | null;
}

export interface CheckResult {
  passed: boolean;
  title: string;
  details: string[];
}

export interface RunState {
  phase: Phase;
  queuePosition: number | null;
  /** `performance.now()` when the first process started. */
  startedAt: number | null;
  lines: OutputLine[];
  chunks: OutputChunk[];
  /** Bumped when the output is cleared, so terminals start over. */
  epoch: number;
  /** Process names in the order they were declared or first seen. */
  processes: string[];
  process: Record<string, ProcessState>;
  /** The `blocked` event: which processes wait, and its message. */
  blocked: { message: string; processes: string[] } | null;
  /** Why the run could not start or lost its connection (HTTP errors such as 429 and 503). */
  error: string | null;
  /** The stream dropped and is being reopened. */
  reconnecting: boolean;
  check: CheckResult | null;
  end: RunEnd | null;
  truncated: boolean;
}

export interface UseRunOptions {
  /** A `check` event (exercises only), with the request that started the run. */
  onCheck?: (check: CheckResult, request: RunRequest) => void;
}

/** A window event when a run ends: `{runId, status, lesson?, snippet?, variant?}` (the workshop bar reports it). */
export const RUN_END_EVENT = 'zmq-playground:run-end';

/** Keeps the page responsive if a program prints a lot; the runner has its own limit. */
export const MAX_OUTPUT_CHARS = 200_000;
/** Reopening a dropped stream: waits between tries (ms); then the run counts as lost. */
const REOPEN_DELAYS = [500, 1000, 2000, 3000, 5000, 5000, 5000, 5000];

/** ANSI escape sequences (colours, cursor moves): the transcript is plain text. */
const ANSI_PATTERN = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

const INITIAL: RunState = {
  phase: 'idle',
  queuePosition: null,
  startedAt: null,
  lines: [],
  chunks: [],
  epoch: 0,
  processes: [],
  process: {},
  blocked: null,
  error: null,
  reconnecting: false,
  check: null,
  end: null,
  truncated: false,
};

function describeExit(exit: ProcessState['exit'] & object): string {
  const after = exit.durationMs !== null ? ` after ${formatDuration(exit.durationMs)}` : '';
  if (exit.signal) return `was ended by ${exit.signal}${after}`;
  if (exit.code !== null) return `exited with code ${exit.code}${after}`;
  return `exited${after}`;
}

/** The same, short, for the end of a terminal: "exit code 0 after 812 ms", "SIGKILL after 7.00 s". */
function shortExit(exit: ProcessState['exit'] & object): string {
  const after = exit.durationMs !== null ? ` after ${formatDuration(exit.durationMs)}` : '';
  return `${exit.signal ? exit.signal : exit.code !== null ? `exit code ${exit.code}` : 'ended'}${after}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Mutable working copy of the state between frames. */
interface Model extends RunState {
  /** "<process>\0<stream>" → index in `lines` of the line still being written. */
  open: Map<string, number>;
  size: number;
}

function freshModel(processes: string[], epoch: number): Model {
  const process: Record<string, ProcessState> = {};
  for (const name of processes) process[name] = { name, startedAt: null, exit: null };
  return { ...INITIAL, processes, process, lines: [], chunks: [], epoch, open: new Map(), size: 0 };
}

export function useRun(options: UseRunOptions = {}) {
  const [state, setState] = useState<RunState>(INITIAL);
  const model = useRef<Model>(freshModel([], 0));
  const frame = useRef<number | null>(null);
  const source = useRef<EventSource | null>(null);
  const reopenTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const handle = useRef<RunHandle | null>(null);
  const request = useRef<RunRequest | null>(null);
  const attempt = useRef(0);
  const lastEventId = useRef(0);
  const stopRequested = useRef(false);
  const serial = useRef(0);
  const onCheck = useRef(options.onCheck);
  onCheck.current = options.onCheck;

  const flush = useCallback(() => {
    frame.current = null;
    const { open: _open, size: _size, ...visible } = model.current;
    setState({ ...visible, lines: visible.lines.slice(), chunks: visible.chunks.slice(), processes: visible.processes.slice(), process: { ...visible.process } });
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
    if (reopenTimer.current !== null) clearTimeout(reopenTimer.current);
    reopenTimer.current = null;
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
    if (!name || m.process[name]) return;
    m.processes.push(name);
    m.process[name] = { name, startedAt: null, exit: null };
  }

  function note(text: string, process = '') {
    const m = model.current;
    // A note ends any line a process left unfinished.
    m.open.clear();
    m.lines.push({ id: ++serial.current, process, stream: 'note', text });
  }

  function write(process: string, stream: 'stdout' | 'stderr', raw: string) {
    const m = model.current;
    seeProcess(process);
    if (m.truncated || raw === '') return;
    let data = raw;
    if (m.size + data.length > MAX_OUTPUT_CHARS) {
      data = data.slice(0, MAX_OUTPUT_CHARS - m.size);
      m.truncated = true;
    }
    m.size += data.length;
    m.chunks.push({ id: ++serial.current, process, stream, data });

    const plain = data.replace(ANSI_PATTERN, '').replace(/\r\n?/g, '\n');
    const key = `${process}\u0000${stream}`;
    const segments = plain.split('\n');
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
        m.lines.push({ id: ++serial.current, process, stream, text: segment });
      }
      if (last) m.open.set(key, index === 0 && openIndex !== undefined ? openIndex : m.lines.length - 1);
      else m.open.delete(key);
    });
    if (m.truncated) {
      const message = `Output shortened here: the page keeps the first ${MAX_OUTPUT_CHARS.toLocaleString('en')} characters.`;
      note(message);
      m.chunks.push({ id: ++serial.current, process, stream: 'exit', data: message });
    }
  }

  function fail(message: string) {
    closeStream();
    handle.current = null;
    const m = model.current;
    m.error = message;
    m.queuePosition = null;
    m.reconnecting = false;
    m.phase = 'ended';
    m.end = { status: 'error', message, durationMs: null };
    schedule(true);
  }

  function openStream(run: RunHandle, current: number, reopenCount = 0) {
    const es = new EventSource(eventsUrlAfter(run, lastEventId.current));
    source.current = es;
    const m = model.current;
    let opens = reopenCount;

    const on = (type: string, handler: (data: EventData) => void) => {
      es.addEventListener(type, (event) => {
        if (source.current !== es || attempt.current !== current) return;
        const message = event as MessageEvent;
        // Ids only grow: anything at or below the last one was seen before a reconnect.
        const id = Number(message.lastEventId);
        if (Number.isInteger(id) && id > 0) {
          if (id <= lastEventId.current) return;
          lastEventId.current = id;
        }
        const data = parseEventData(message.data);
        if (data) handler(data);
      });
    };

    es.onopen = () => {
      if (source.current !== es) return;
      opens = 0;
      if (m.reconnecting) {
        m.reconnecting = false;
        schedule(true);
      }
    };

    on('queued', (data) => {
      m.queuePosition = number(data.position);
      if (m.phase !== 'stopping') m.phase = 'queued';
      schedule(true);
    });
    on('start', (data) => {
      const name = text(data.process);
      const now = performance.now();
      if (name) {
        seeProcess(name);
        m.process[name] = { ...m.process[name]!, startedAt: now };
      }
      m.startedAt ??= now;
      m.queuePosition = null;
      if (m.phase !== 'stopping') m.phase = 'running';
      schedule(true);
    });
    on('stdout', (data) => {
      if (typeof data.data === 'string') write(text(data.process) ?? '', 'stdout', data.data);
      schedule();
    });
    on('stderr', (data) => {
      if (typeof data.data === 'string') write(text(data.process) ?? '', 'stderr', data.data);
      schedule();
    });
    on('blocked', (data) => {
      m.blocked = {
        message: text(data.message) ?? 'Every process is waiting and none is making progress.',
        processes: Array.isArray(data.processes) ? data.processes.filter((p): p is string => typeof p === 'string') : [],
      };
      schedule(true);
    });
    on('exit', (data) => {
      const name = text(data.process);
      if (!name) return;
      seeProcess(name);
      const exit = { code: number(data.code), signal: text(data.signal), durationMs: number(data.durationMs) };
      m.process[name] = { ...m.process[name]!, exit };
      // "server exited with code 0 after 812 ms": in the transcript, and dimmed in the terminal.
      note(describeExit(exit), name);
      m.chunks.push({ id: ++serial.current, process: name, stream: 'exit', data: shortExit(exit) });
      schedule(true);
    });
    on('check', (data) => {
      const check: CheckResult = {
        passed: data.passed === true,
        title: text(data.title) ?? 'Exercise check',
        details: Array.isArray(data.details) ? data.details.filter((d): d is string => typeof d === 'string') : [],
      };
      m.check = check;
      schedule(true);
      const sent = request.current;
      if (sent) onCheck.current?.(check, sent);
    });
    on('end', (data) => {
      closeStream();
      handle.current = null;
      m.end = { status: text(data.status) ?? 'error', message: text(data.message), durationMs: number(data.durationMs) };
      const sent = request.current;
      window.dispatchEvent(
        new CustomEvent(RUN_END_EVENT, { detail: { runId: run.id, status: m.end.status, lesson: sent?.lesson, snippet: sent?.snippet, variant: sent?.variant } }),
      );
      m.open.clear();
      m.queuePosition = null;
      m.reconnecting = false;
      m.phase = 'ended';
      schedule(true);
    });
    // Any other event type (trace, …) is ignored.

    es.onerror = () => {
      if (source.current !== es || attempt.current !== current) return;
      // While CONNECTING the browser reconnects by itself, sending Last-Event-ID.
      if (!m.reconnecting) {
        m.reconnecting = true;
        schedule(true);
      }
      if (es.readyState !== EventSource.CLOSED) return;
      // It gave up (a proxy error, the server restarting, …): reopen after `lastEventId` ourselves.
      const delay = REOPEN_DELAYS[opens];
      if (delay === undefined) {
        fail('Lost the connection to the run before it ended.');
        return;
      }
      source.current = null;
      reopenTimer.current = setTimeout(() => {
        reopenTimer.current = null;
        if (attempt.current === current && handle.current === run) openStream(run, current, opens + 1);
      }, delay);
    };
  }

  async function sendStop(run: RunHandle, current: number) {
    let problem: string | null = null;
    try {
      const response = await fetch(runUrl(run, 'stop'), { method: 'POST', headers: { Accept: 'application/json' } });
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
    lastEventId.current = 0;
    model.current = freshModel(
      (body.processes ?? []).map((p) => p.name),
      model.current.epoch + 1,
    );
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
    let started: RunHandle | null = null;
    try {
      started = parseRunHandle(await response.json());
    } catch {
      started = null;
    }
    if (attempt.current !== current) return;
    if (!started) {
      fail('The server accepted the run but its answer could not be read.');
      return;
    }
    handle.current = started;
    openStream(started, current);
    // Stop was pressed while the run was being created.
    if (stopRequested.current) void sendStop(started, current);
  }

  function stop() {
    const m = model.current;
    if (m.phase !== 'starting' && m.phase !== 'queued' && m.phase !== 'running') return;
    stopRequested.current = true;
    m.phase = 'stopping';
    schedule(true);
    if (handle.current) void sendStop(handle.current, attempt.current);
  }

  /** Writes to a process's standard input; resolves to a problem to show, or null. */
  async function sendInput(process: string, input: { data: string } | { eof: true }): Promise<string | null> {
    const run = handle.current;
    if (!run) return 'The program is not running.';
    try {
      const response = await fetch(runUrl(run, 'stdin'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ process, ...input }),
      });
      return response.ok ? null : await errorMessage(response);
    } catch {
      return 'The server did not answer.';
    }
  }

  /** Empties the output (terminals and transcript); the run's status stays. */
  function clear() {
    const m = model.current;
    m.lines = [];
    m.chunks = [];
    m.open.clear();
    m.size = 0;
    m.truncated = false;
    m.epoch += 1;
    schedule(true);
  }

  return { state, busy, run, stop, sendInput, clear };
}
