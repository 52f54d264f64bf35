import { formatDuration } from '../run/format';
import type { ProcessState, RunState } from '../run/model';

export type Tone = 'good' | 'bad' | 'neutral' | 'busy';

/**
 * The UI's words for a run, in the page's language: `useTranslations('run')` (messages/<lang>.json
 * "run"). The API's statuses stay English codes; these are how the UI says them.
 */
export type RunWords = (key: string, values?: Record<string, string | number>) => string;

/** The tone of each end status; its title and default explanation are `run.end.<status>` in the messages. */
const END_TONES: Record<string, Tone> = {
  ok: 'good',
  failed: 'bad',
  timeout: 'bad',
  stopped: 'neutral',
  'memory-limit': 'bad',
  'cpu-limit': 'bad',
  'output-limit': 'bad',
  'process-limit': 'bad',
  error: 'bad',
};

export function endWords(status: string, t: RunWords) {
  const tone = END_TONES[status];
  if (!tone) return { title: status, detail: '', tone: 'neutral' as const };
  return { title: t(`end.${status}.title`), detail: t(`end.${status}.detail`), tone };
}

/** The run as a whole, in plain words; `now` gives a live elapsed time while it runs. */
export function runSummary(state: RunState, now: number, t: RunWords): { text: string; tone: Tone } {
  switch (state.phase) {
    case 'idle':
      return { text: t('ready'), tone: 'neutral' };
    case 'starting':
      return { text: t('starting'), tone: 'busy' };
    case 'queued':
      return { text: state.queuePosition !== null ? t('queuedAt', { position: state.queuePosition }) : t('queued'), tone: 'busy' };
    case 'running':
      return { text: state.startedAt !== null ? t('runningFor', { time: seconds(now - state.startedAt) }) : t('running'), tone: 'busy' };
    case 'stopping':
      return { text: t('stopping'), tone: 'busy' };
    case 'ended': {
      const end = state.end;
      if (!end) return { text: t('ended'), tone: 'neutral' };
      const words = endWords(end.status, t);
      if (end.durationMs === null) return { text: words.title, tone: words.tone };
      const key = end.status === 'ok' || end.status === 'failed' ? 'endedIn' : 'endedAfter';
      return { text: t(key, { title: words.title, time: formatDuration(end.durationMs) }), tone: words.tone };
    }
  }
}

/** A live elapsed time: "1.4 s". */
export function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}

/** One process, in a few words: "running 1.2 s", "exit 0 · 812 ms", "ended by SIGKILL". */
export function processWords(p: ProcessState, state: RunState, now: number, t: RunWords): { text: string; tone: Tone } {
  if (p.exit) {
    const after = p.exit.durationMs !== null ? ` · ${formatDuration(p.exit.durationMs)}` : '';
    if (p.exit.signal) return { text: `${t('process.endedBy', { signal: p.exit.signal })}${after}`, tone: 'bad' };
    if (p.exit.code !== null) return { text: `${t('process.exit', { code: p.exit.code })}${after}`, tone: p.exit.code === 0 ? 'good' : 'bad' };
    return { text: `${t('process.ended')}${after}`, tone: 'neutral' };
  }
  if (state.phase === 'ended') return { text: t(p.startedAt === null ? 'process.didNotStart' : 'process.ended'), tone: 'neutral' };
  if (p.startedAt !== null) {
    const waiting = state.blocked?.processes.includes(p.name);
    return { text: t(waiting ? 'process.waiting' : 'process.running', { time: seconds(now - p.startedAt) }), tone: 'busy' };
  }
  if (state.phase === 'running' || state.phase === 'stopping') return { text: t('process.notStarted'), tone: 'neutral' };
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
