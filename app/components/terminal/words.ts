import { formatDuration } from '../run/format';
import type { ProcessState, RunState } from '../run/model';

export type Tone = 'good' | 'bad' | 'neutral' | 'busy';

/** How each end status reads to a person, and its default explanation. */
const END_WORDS: Record<string, { title: string; detail: string; tone: Tone }> = {
  ok: { title: 'Finished', detail: 'Every process exited with code 0.', tone: 'good' },
  failed: { title: 'Failed', detail: 'A process exited with an error or was ended by a signal.', tone: 'bad' },
  timeout: { title: 'Timed out', detail: 'The run reached its time limit and was ended.', tone: 'bad' },
  stopped: { title: 'Stopped', detail: 'The run was stopped before it finished.', tone: 'neutral' },
  'memory-limit': { title: 'Out of memory', detail: 'The run used more memory than it may.', tone: 'bad' },
  'cpu-limit': { title: 'CPU time used up', detail: 'The run computed for longer than it may.', tone: 'bad' },
  'output-limit': { title: 'Too much output', detail: 'The run printed more than it may.', tone: 'bad' },
  'process-limit': { title: 'Too many processes', detail: 'The run started more processes or threads than it may.', tone: 'bad' },
  error: { title: 'Could not run', detail: 'Something went wrong on the server.', tone: 'bad' },
};

export function endWords(status: string) {
  return END_WORDS[status] ?? { title: status, detail: '', tone: 'neutral' as const };
}

/** The run as a whole, in plain words; `now` gives a live elapsed time while it runs. */
export function runSummary(state: RunState, now: number): { text: string; tone: Tone } {
  switch (state.phase) {
    case 'idle':
      return { text: 'Ready', tone: 'neutral' };
    case 'starting':
      return { text: 'Starting…', tone: 'busy' };
    case 'queued':
      return {
        text: state.queuePosition !== null ? `Waiting in the queue (position ${state.queuePosition})…` : 'Waiting in the queue…',
        tone: 'busy',
      };
    case 'running':
      return { text: state.startedAt !== null ? `Running… ${seconds(now - state.startedAt)}` : 'Running…', tone: 'busy' };
    case 'stopping':
      return { text: 'Stopping…', tone: 'busy' };
    case 'ended': {
      const end = state.end;
      if (!end) return { text: 'Ended', tone: 'neutral' };
      const words = endWords(end.status);
      const verb = end.status === 'ok' || end.status === 'failed' ? 'in' : 'after';
      return { text: `${words.title}${end.durationMs !== null ? ` ${verb} ${formatDuration(end.durationMs)}` : ''}`, tone: words.tone };
    }
  }
}

/** A live elapsed time: "1.4 s". */
export function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}

/** One process, in a few words: "running 1.2 s", "exit 0 · 812 ms", "ended by SIGKILL". */
export function processWords(p: ProcessState, state: RunState, now: number): { text: string; tone: Tone } {
  if (p.exit) {
    const after = p.exit.durationMs !== null ? ` · ${formatDuration(p.exit.durationMs)}` : '';
    if (p.exit.signal) return { text: `ended by ${p.exit.signal}${after}`, tone: 'bad' };
    if (p.exit.code !== null) return { text: `exit ${p.exit.code}${after}`, tone: p.exit.code === 0 ? 'good' : 'bad' };
    return { text: `ended${after}`, tone: 'neutral' };
  }
  if (state.phase === 'ended') return { text: p.startedAt === null ? 'did not start' : 'ended', tone: 'neutral' };
  if (p.startedAt !== null) {
    const waiting = state.blocked?.processes.includes(p.name);
    return { text: `${waiting ? 'waiting' : 'running'} ${seconds(now - p.startedAt)}`, tone: 'busy' };
  }
  if (state.phase === 'running' || state.phase === 'stopping') return { text: 'not started yet', tone: 'neutral' };
  return { text: '', tone: 'neutral' };
}

export const TONE_DOT: Record<Tone, string> = {
  good: 'bg-emerald-600 dark:bg-emerald-400',
  bad: 'bg-red-600 dark:bg-red-400',
  neutral: 'bg-zinc-400',
  busy: 'animate-pulse bg-amber-500',
};

export const TONE_TEXT: Record<Tone, string> = {
  good: 'text-emerald-800 dark:text-emerald-300',
  bad: 'text-red-800 dark:text-red-300',
  neutral: 'text-(--muted-fg)',
  busy: 'text-(--page-fg)',
};

/** Colours for up to four processes, readable in both themes (AA). */
export const PROCESS_COLOURS = [
  { text: 'text-blue-700 dark:text-sky-300', dot: 'bg-blue-600 dark:bg-sky-400' },
  { text: 'text-violet-700 dark:text-violet-300', dot: 'bg-violet-600 dark:bg-violet-400' },
  { text: 'text-emerald-800 dark:text-emerald-300', dot: 'bg-emerald-600 dark:bg-emerald-400' },
  { text: 'text-amber-800 dark:text-amber-300', dot: 'bg-amber-600 dark:bg-amber-400' },
];
