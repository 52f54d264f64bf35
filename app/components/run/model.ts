/**
 * A run as the page knows it, from what happened to it: Run pressed, the
 * run's events (shared/runner-api.md), the connection dropping, Stop. Events
 * in, state out — no React, no network — so it is tested in milliseconds
 * (tests/unit/run-model.test.ts); useRun.ts feeds it.
 */
import type { CheckResult, SourceLocation, TraceEvent } from '../../../runner/protocol';
import { MAX_TRACE_EVENTS, readTraceEvent } from '../trace/read';
import { ENGLISH_EXIT_WORDS, type ExitWords, type ProcessExit } from './format';
import { EMPTY_TRANSCRIPT, TranscriptWriter, type OutputChunk, type Transcript } from './transcript';

export type Phase = 'idle' | 'starting' | 'queued' | 'running' | 'stopping' | 'ended';

export interface ProcessState {
  name: string;
  /** `performance.now()` when its `start` event came, for a live elapsed time. */
  startedAt: number | null;
  exit: ProcessExit | null;
}

export interface RunEnd {
  status: string;
  message: string | null;
  durationMs: number | null;
  /** Where the code went wrong, in the learner's files (shown in the editor). */
  errors: SourceLocation[];
  /** What the lesson wants noticed about this run. */
  note: string | null;
  /** A limit status's limit as a number (`end.limit`: ms, bytes or processes), for saying it in the page's language. */
  limit: number | null;
  /**
   * What each process printed on stdout (as far as the page kept it), taken at the end:
   * what a page in another language says the check and the note again from.
   */
  stdout: Record<string, string>;
}

/** Why a run could not start or lost its stream, as a code the UI words in its language. */
export interface RunProblem {
  /** The API's error code (`rate-limited`, `queue-full`, `invalid-…`, `http-502`), or the page's own: `unreachable`, `unreadable`, `connection-lost`. */
  code: string;
  /** Seconds to wait, from a 429's Retry-After. */
  retryAfter: number | null;
}

export type { CheckResult, SourceLocation };

export interface RunState extends Transcript {
  phase: Phase;
  queuePosition: number | null;
  /** `performance.now()` when the first process started. */
  startedAt: number | null;
  /** Bumped when the output is cleared, so terminals start over. */
  epoch: number;
  /** Process names in the order they were declared or first seen. */
  processes: string[];
  process: Record<string, ProcessState>;
  /** The `blocked` event: which processes wait, and its message. */
  blocked: { message: string; processes: string[] } | null;
  /** Why the run could not start or lost its connection (HTTP errors such as 429 and 503). */
  error: string | null;
  /** The same as a code, when there is one. */
  problem: RunProblem | null;
  /** The variant the run was sent for (its attribution), if any. */
  variant: string | null;
  /** The stream dropped and is being reopened. */
  reconnecting: boolean;
  check: CheckResult | null;
  end: RunEnd | null;
  /** The run was posted with `"trace": true`. */
  traced: boolean;
  /** Its `trace` events, in the order they came (at most MAX_TRACE_EVENTS). */
  trace: readonly TraceEvent[];
}

/** An event's data as it came: untrusted JSON, read field by field. */
export type EventData = Record<string, unknown>;

export type RunInput =
  /** Run was pressed: a fresh run of these (declared) processes. */
  | { type: 'begin'; processes: string[]; traced?: boolean; variant?: string }
  /** An event of the run's stream; `at` is `performance.now()` when it came. */
  | { type: 'event'; event: string; data: EventData; at: number }
  | { type: 'connection'; reconnecting: boolean }
  | { type: 'stopping' }
  /** Stop was refused: the run goes on. */
  | { type: 'stop-failed'; problem: string }
  /** The run could not start, or its stream was lost. */
  | { type: 'failed'; message: string; problem?: RunProblem }
  /** Clear: empties the output, keeps the run's status. */
  | { type: 'clear' };

export const IDLE: RunState = {
  ...EMPTY_TRANSCRIPT,
  phase: 'idle',
  queuePosition: null,
  startedAt: null,
  epoch: 0,
  processes: [],
  process: {},
  blocked: null,
  error: null,
  problem: null,
  variant: null,
  reconnecting: false,
  check: null,
  end: null,
  traced: false,
  trace: [],
};

export const isBusy = (phase: Phase) => phase === 'starting' || phase === 'queued' || phase === 'running' || phase === 'stopping';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
/** At most this many errors are marked: a flood of them helps nobody. */
const MAX_ERRORS = 20;
const position = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null);
const locations = (value: unknown): SourceLocation[] =>
  (Array.isArray(value) ? value : []).flatMap((item: unknown) => {
    const v = (item ?? {}) as Record<string, unknown>;
    const file = text(v.file);
    const line = position(v.line);
    const message = text(v.message);
    return file && line !== null && message ? [{ file, line, column: position(v.column) ?? 0, message }] : [];
  }).slice(0, MAX_ERRORS);

/** What each process printed on stdout, from the raw chunks the terminals show. */
function printed(chunks: readonly OutputChunk[]): Record<string, string> {
  const stdout: Record<string, string> = {};
  for (const chunk of chunks) if (chunk.stream === 'stdout') stdout[chunk.process] = (stdout[chunk.process] ?? '') + chunk.data;
  return stdout;
}

/**
 * The state after `inputs`, in order. `state` is not changed; the output is copied once for the whole batch.
 * `words`: how a process's exit reads in the output (the page's language).
 */
export function applyRunInputs(state: RunState, inputs: readonly RunInput[], words: ExitWords = ENGLISH_EXIT_WORDS): RunState {
  if (inputs.length === 0) return state;
  let s: RunState = { ...state, processes: state.processes.slice(), process: { ...state.process } };
  let out = new TranscriptWriter(s);
  // The trace is copied once a batch brings a trace event, not with every batch of output.
  let traceOwned = false;
  for (const input of inputs) {
    if (input.type === 'event' && input.event === 'trace') {
      const traced = readTraceEvent(input.data);
      if (!traced || s.trace.length >= MAX_TRACE_EVENTS) continue;
      if (!traceOwned) s.trace = s.trace.slice();
      traceOwned = true;
      (s.trace as TraceEvent[]).push(traced);
      continue;
    }
    if (input.type === 'begin' || input.type === 'clear') {
      // Starts the output over (ids keep growing, so terminals never mistake new chunks for written ones).
      const serial = out.transcript.serial;
      s = input.type === 'begin' ? fresh(s, input.processes, input.traced === true, input.variant) : { ...s, epoch: s.epoch + 1, trace: [] };
      traceOwned = true;
      out = new TranscriptWriter({ ...EMPTY_TRANSCRIPT, serial });
      continue;
    }
    apply(s, input, out, words);
  }
  return { ...s, ...out.transcript };
}

export const reduceRun = (state: RunState, input: RunInput): RunState => applyRunInputs(state, [input]);

function fresh(before: RunState, declared: string[], traced: boolean, variant: string | undefined): RunState {
  const process: Record<string, ProcessState> = {};
  for (const name of declared) process[name] = { name, startedAt: null, exit: null };
  return { ...IDLE, processes: declared.slice(), process, epoch: before.epoch + 1, phase: 'starting', traced, trace: [], variant: variant ?? null };
}

function seeProcess(s: RunState, name: string) {
  if (!name || s.process[name]) return;
  s.processes.push(name);
  s.process[name] = { name, startedAt: null, exit: null };
}

/** Applies one input to the working copies `s` and `out`. */
function apply(s: RunState, input: Exclude<RunInput, { type: 'begin' | 'clear' }>, out: TranscriptWriter, words: ExitWords) {
  switch (input.type) {
    case 'connection':
      s.reconnecting = input.reconnecting;
      return;
    case 'stopping':
      if (s.phase === 'starting' || s.phase === 'queued' || s.phase === 'running') s.phase = 'stopping';
      return;
    case 'stop-failed':
      out.note(`Could not stop the run: ${input.problem}`);
      if (s.phase === 'stopping') s.phase = 'running';
      return;
    case 'failed':
      s.error = input.message;
      s.problem = input.problem ?? null;
      s.queuePosition = null;
      s.reconnecting = false;
      s.phase = 'ended';
      s.end = { status: 'error', message: input.message, durationMs: null, errors: [], note: null, limit: null, stdout: {} };
      return;
    case 'event':
      event(s, input.event, input.data, input.at, out, words);
  }
}

function event(s: RunState, type: string, data: EventData, at: number, out: TranscriptWriter, words: ExitWords) {
  switch (type) {
    case 'queued':
      s.queuePosition = number(data.position);
      if (s.phase !== 'stopping') s.phase = 'queued';
      return;
    case 'start': {
      const name = text(data.process);
      if (name) {
        seeProcess(s, name);
        // A restarted process (POST …/restart) starts again: its earlier exit is over.
        s.process[name] = { ...s.process[name]!, startedAt: at, exit: null };
      }
      s.startedAt ??= at;
      s.queuePosition = null;
      if (s.phase !== 'stopping') s.phase = 'running';
      return;
    }
    case 'stdout':
    case 'stderr': {
      if (typeof data.data !== 'string') return;
      const name = text(data.process) ?? '';
      seeProcess(s, name);
      out.write(name, type, data.data);
      return;
    }
    case 'blocked':
      s.blocked = { message: text(data.message) ?? 'Every process is waiting and none is making progress.', processes: strings(data.processes) };
      return;
    case 'exit': {
      const name = text(data.process);
      if (!name) return;
      seeProcess(s, name);
      const exit = { code: number(data.code), signal: text(data.signal), durationMs: number(data.durationMs) };
      s.process[name] = { ...s.process[name]!, exit };
      // "server exited with code 0 after 812 ms": in the transcript, and dimmed in the terminal.
      out.note(words.describe(exit), name);
      out.remark(name, words.short(exit));
      return;
    }
    case 'check':
      s.check = { passed: data.passed === true, title: text(data.title) ?? 'Exercise check', details: strings(data.details) };
      return;
    case 'end':
      s.end = {
        status: text(data.status) ?? 'error',
        message: text(data.message),
        durationMs: number(data.durationMs),
        errors: locations(data.errors),
        note: text(data.note),
        limit: number(data.limit),
        stdout: printed(out.transcript.chunks),
      };
      out.closeLines();
      s.queuePosition = null;
      s.reconnecting = false;
      s.phase = 'ended';
      return;
    // Any other event type (trace events are taken in applyRunInputs) is ignored.
  }
}
