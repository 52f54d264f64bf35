/** How a run's times and exits read to a person. */

export interface ProcessExit {
  code: number | null;
  signal: string | null;
  durationMs: number | null;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** For the transcript: "exited with code 0 after 812 ms", "was ended by SIGKILL after 7.00 s". */
export function describeExit(exit: ProcessExit): string {
  const after = exit.durationMs !== null ? ` after ${formatDuration(exit.durationMs)}` : '';
  if (exit.signal) return `was ended by ${exit.signal}${after}`;
  if (exit.code !== null) return `exited with code ${exit.code}${after}`;
  return `exited${after}`;
}

/** The same, short, for the end of a terminal: "exit code 0 after 812 ms", "SIGKILL after 7.00 s". */
export function shortExit(exit: ProcessExit): string {
  const after = exit.durationMs !== null ? ` after ${formatDuration(exit.durationMs)}` : '';
  return `${exit.signal ? exit.signal : exit.code !== null ? `exit code ${exit.code}` : 'ended'}${after}`;
}

/** How a process's exit reads: in the transcript (`describe`) and at the end of its terminal (`short`). */
export interface ExitWords {
  describe(exit: ProcessExit): string;
  short(exit: ProcessExit): string;
}

/** English, the default; a page in another language passes its own (terminal/words.ts, exitWords). */
export const ENGLISH_EXIT_WORDS: ExitWords = { describe: describeExit, short: shortExit };
