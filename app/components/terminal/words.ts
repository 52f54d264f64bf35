import type { Lang } from '../../../content/lang';
import { formatBytes } from '../../../runner/protocol';
import { formatDuration, type ExitWords, type ProcessExit } from '../run/format';
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

/** A sentence in the page's language, with the runner's English words when they say more (shown as a hint). */
export interface Worded {
  text: string;
  english: string | null;
}

/** How a limit's value reads: the runner sends it as a number (`end.limit`). */
const LIMIT_VALUES: Record<string, (limit: number) => Record<string, string | number>> = {
  timeout: (ms) => ({ seconds: ms / 1000 }),
  'cpu-limit': (ms) => ({ seconds: ms / 1000 }),
  'memory-limit': (bytes) => ({ size: formatBytes(bytes) }),
  'output-limit': (bytes) => ({ size: formatBytes(bytes) }),
  'process-limit': (count) => ({ count }),
};

/**
 * How the run ended, in a sentence: on English pages the runner's own message;
 * in another language one chosen by the status, with the limit's value
 * (`end.limit`) or the process that failed (its exit, its error), and the
 * runner's English message kept as a hint where it may say more (why a run
 * was stopped, a hint after an error).
 */
export function endDetail(state: RunState, t: RunWords, lang: Lang): Worded | null {
  const end = state.end;
  if (!end || end.status === 'error') return null;
  if (lang === 'en') return { text: end.message ?? endWords(end.status, t).detail, english: null };
  const values = LIMIT_VALUES[end.status];
  if (values && end.limit !== null) return { text: t(`end.${end.status}.limit`, values(end.limit)), english: null };
  if (end.status === 'failed') {
    // The runner names the first process, in their order, that did not exit 0.
    const failed = state.processes.map((name) => state.process[name]!).find((p) => p.exit && (p.exit.signal || (p.exit.code ?? 0) !== 0));
    const english = end.message;
    if (failed?.exit?.signal) return { text: t('end.failed.signal', { process: failed.name, signal: failed.exit.signal }), english };
    const error = end.errors[0];
    if (failed && error) {
      const message = `${error.message} (${error.file}:${error.line}${error.column > 0 ? `:${error.column}` : ''})`;
      return { text: t('end.failed.error', { process: failed.name, message }), english };
    }
    if (failed?.exit?.code != null) return { text: t('end.failed.code', { process: failed.name, code: failed.exit.code }), english };
  }
  const english = end.status === 'ok' ? null : end.message;
  return { text: endWords(end.status, t).detail, english };
}

/** Problem codes the page words itself (run.problem.<key>); others are `invalid-…` or `other`. */
const PROBLEM_KEYS: Record<string, string> = {
  'rate-limited': 'rateLimited',
  'too-many-runs': 'tooManyRuns',
  'queue-full': 'queueFull',
  'too-many-streams': 'tooManyStreams',
  'code-too-large': 'tooLarge',
  'body-too-large': 'tooLarge',
  'sandbox-unavailable': 'sandboxUnavailable',
  'runner-draining': 'draining',
  unreachable: 'unreachable',
  unreadable: 'unreadable',
  'connection-lost': 'connectionLost',
};

/** Problems whose English message names what the page's sentence does not (a field, a size, how to fix the host). */
const SAYS_MORE = new Set(['invalid', 'other', 'tooLarge', 'sandboxUnavailable', 'connectionLost']);

/** Why the run could not start or lost its stream, in the page's language, chosen by the API's error code. */
export function problemWords(state: RunState, t: RunWords, lang: Lang): Worded | null {
  if (!state.error) return null;
  if (lang === 'en' || !state.problem) return { text: state.error, english: null };
  const { code, retryAfter } = state.problem;
  const invalid = /^(?:invalid-|too-many-(?:files|processes)$|duplicate-|unknown-entry$|json-too-deep$|body-unreadable$)/.test(code);
  const key = PROBLEM_KEYS[code] ?? (invalid ? 'invalid' : 'other');
  const text = t(`problem.${key}`, { code }) + (retryAfter !== null ? ` ${t('problem.retry', { seconds: retryAfter })}` : '');
  return { text, english: SAYS_MORE.has(key) ? state.error : null };
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

/** A process's exit in a few words: "exit 0 · 812 ms", "ended by SIGKILL · 7.00 s". */
function exitText(exit: ProcessExit, t: RunWords): string {
  const after = exit.durationMs !== null ? ` · ${formatDuration(exit.durationMs)}` : '';
  if (exit.signal) return `${t('process.endedBy', { signal: exit.signal })}${after}`;
  if (exit.code !== null) return `${t('process.exit', { code: exit.code })}${after}`;
  return `${t('process.ended')}${after}`;
}

/** How exits read in the output of a page not in English (the transcript and the end of each terminal). */
export function exitWords(t: RunWords): ExitWords {
  const short = (exit: ProcessExit) => exitText(exit, t);
  return { describe: short, short };
}

/** One process, in a few words: "running 1.2 s", "exit 0 · 812 ms", "ended by SIGKILL". */
export function processWords(p: ProcessState, state: RunState, now: number, t: RunWords): { text: string; tone: Tone } {
  if (p.exit) {
    const tone: Tone = p.exit.signal ? 'bad' : p.exit.code !== null ? (p.exit.code === 0 ? 'good' : 'bad') : 'neutral';
    return { text: exitText(p.exit, t), tone };
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
