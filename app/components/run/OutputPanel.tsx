'use client';

import { memo, useEffect, useRef } from 'react';
import { formatDuration, type OutputLine, type RunState } from './useRun';

/** How each end status reads to a person, and its default explanation. */
const END_WORDS: Record<string, { title: string; detail: string; tone: 'good' | 'bad' | 'neutral' }> = {
  ok: { title: 'Finished', detail: 'Every process exited with code 0.', tone: 'good' },
  failed: { title: 'Failed', detail: 'A process exited with an error or was ended by a signal.', tone: 'bad' },
  timeout: { title: 'Timed out', detail: 'The run reached its time limit and was ended.', tone: 'bad' },
  stopped: { title: 'Stopped', detail: 'The run was stopped before it finished.', tone: 'neutral' },
  'memory-limit': { title: 'Out of memory', detail: 'The run used more memory than it may.', tone: 'bad' },
  'output-limit': { title: 'Too much output', detail: 'The run printed more than it may.', tone: 'bad' },
  'process-limit': { title: 'Too many processes', detail: 'The run started more processes or threads than it may.', tone: 'bad' },
  error: { title: 'Could not run', detail: 'Something went wrong on the server.', tone: 'bad' },
};

export function endWords(status: string) {
  return END_WORDS[status] ?? { title: status, detail: '', tone: 'neutral' as const };
}

/** Colours for up to four processes, readable on the panel in both themes (AA). */
const PROCESS_COLOURS = [
  'text-blue-700 dark:text-sky-300',
  'text-violet-700 dark:text-violet-300',
  'text-emerald-800 dark:text-emerald-300',
  'text-amber-800 dark:text-amber-300',
];

export function statusText(state: RunState): string {
  switch (state.phase) {
    case 'idle':
      return 'Ready';
    case 'starting':
      return 'Starting…';
    case 'queued':
      return state.queuePosition !== null ? `Waiting in the queue (position ${state.queuePosition})…` : 'Waiting in the queue…';
    case 'running':
      return 'Running…';
    case 'stopping':
      return 'Stopping…';
    case 'ended': {
      const end = state.end;
      if (!end) return 'Ended';
      const words = endWords(end.status);
      return `${words.title}${end.durationMs !== null ? ` in ${formatDuration(end.durationMs)}` : ''}`;
    }
  }
}

/**
 * The run status line (role=status): the phase in plain words. `data-status`
 * holds the machine-readable end status (ok, failed, timeout, …).
 */
export function RunStatus({ state, className = '' }: { state: RunState; className?: string }) {
  const tone = state.end ? endWords(state.end.status).tone : 'neutral';
  const busy = state.phase !== 'idle' && state.phase !== 'ended';
  return (
    <p
      role="status"
      data-testid="run-status"
      data-phase={state.phase}
      data-status={state.end?.status ?? ''}
      className={`inline-flex items-center gap-2 text-sm font-medium ${className}`}
    >
      <span
        aria-hidden="true"
        className={`size-2 shrink-0 rounded-full ${
          busy
            ? 'animate-pulse bg-amber-500'
            : tone === 'good'
              ? 'bg-emerald-600 dark:bg-emerald-400'
              : tone === 'bad'
                ? 'bg-red-600 dark:bg-red-400'
                : 'bg-zinc-400'
        }`}
      />
      <span>{statusText(state)}</span>
    </p>
  );
}

const Line = memo(function Line({ line, label, colour }: { line: OutputLine; label: string | null; colour: string }) {
  const streamClass =
    line.stream === 'stderr'
      ? 'bg-red-50 text-red-800 dark:bg-red-950/60 dark:text-red-300'
      : line.stream === 'note'
        ? 'italic text-(--muted-fg)'
        : '';
  // A note about a process names it, unless its label already does.
  const text = line.stream === 'note' && line.process && label === null ? `${line.process} ${line.text}` : line.text;
  return (
    <span className={`flex min-h-[1.5em] ${streamClass}`} data-stream={line.stream} data-process={line.process}>
      {label !== null && (
        <span data-label className={`mr-2 w-[8ch] shrink-0 truncate font-semibold not-italic select-none ${colour}`}>
          {label}
        </span>
      )}
      <span className="min-w-0 flex-1">
        {line.stream === 'stderr' && <span className="sr-only">error output: </span>}
        {text}
      </span>
    </span>
  );
});

interface OutputPanelProps {
  state: RunState;
  /** Accessible name of the log. */
  label?: string;
  placeholder?: string;
  className?: string;
}

/**
 * The run's output, streamed live: a `blocked` banner, errors, then the log
 * with lines labelled and coloured per process when there are several, and
 * how the run ended in plain words.
 */
export default function OutputPanel({
  state,
  label = 'Output',
  placeholder = 'Output appears here when you run the code.',
  className = '',
}: OutputPanelProps) {
  const logRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const several = state.processes.length > 1;

  useEffect(() => {
    if (state.phase === 'starting') stick.current = true;
  }, [state.phase]);

  // Follow new output unless the reader has scrolled up.
  useEffect(() => {
    const log = logRef.current;
    if (log && stick.current) log.scrollTop = log.scrollHeight;
  }, [state.lines, state.end]);

  const end = state.end;
  const words = end ? endWords(end.status) : null;
  const endDetail = end && end.status !== 'error' ? (end.message ?? words?.detail ?? '') : '';

  return (
    <div className={`space-y-2 ${className}`}>
      {state.blocked && (
        <div
          role="alert"
          data-testid="run-blocked"
          className="flex gap-2 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500/60 dark:bg-amber-950/50 dark:text-amber-100"
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" className="mt-0.5 shrink-0" fill="currentColor">
            <rect x="3" y="2" width="3.5" height="12" rx="1" />
            <rect x="9.5" y="2" width="3.5" height="12" rx="1" />
          </svg>
          <p>
            <strong className="font-semibold">Blocked: </strong>
            {state.blocked}
          </p>
        </div>
      )}
      {state.error && (
        <div
          role="alert"
          data-testid="run-error"
          className="flex gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-500/50 dark:bg-red-950/50 dark:text-red-100"
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" className="mt-0.5 shrink-0" fill="currentColor">
            <path d="M8 1.5 15 14H1L8 1.5Zm-.75 4.5v4h1.5V6h-1.5Zm0 5.25v1.5h1.5v-1.5h-1.5Z" />
          </svg>
          <p>{state.error}</p>
        </div>
      )}
      <div
        ref={logRef}
        role="log"
        aria-label={label}
        tabIndex={0}
        onScroll={(event) => {
          const log = event.currentTarget;
          stick.current = log.scrollHeight - log.scrollTop - log.clientHeight < 24;
        }}
        className="max-h-96 min-h-24 overflow-auto rounded-md bg-(--surface-strong) px-3 py-2.5 font-mono text-[0.8125rem] leading-[1.5] break-words whitespace-pre-wrap text-(--page-fg) sm:text-sm"
      >
        {state.lines.length === 0 && state.phase === 'idle' && (
          <span className="block text-(--muted-fg) italic">{placeholder}</span>
        )}
        {state.lines.map((line) => {
          const index = state.processes.indexOf(line.process);
          return (
            <Line
              key={line.id}
              line={line}
              label={several && line.process ? line.process : null}
              colour={PROCESS_COLOURS[index % PROCESS_COLOURS.length] ?? ''}
            />
          );
        })}
        {end && words && (
          <span
            data-testid="run-end"
            className={`mt-1 block border-t border-(--border-strong) pt-1.5 font-sans text-sm ${
              words.tone === 'good'
                ? 'text-emerald-800 dark:text-emerald-300'
                : words.tone === 'bad'
                  ? 'text-red-800 dark:text-red-300'
                  : 'text-(--muted-fg)'
            }`}
          >
            <strong className="font-semibold">
              {words.title}
              {end.durationMs !== null ? ` in ${formatDuration(end.durationMs)}` : ''}
              {endDetail ? '. ' : ''}
            </strong>
            {endDetail}
          </span>
        )}
      </div>
    </div>
  );
}
