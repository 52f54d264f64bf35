import type { Expectation } from '../../_lib/lessons/types';
import type { RunResult } from '../run/useRun';

function lastLine(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').filter((line) => line.trim() !== '');
  return lines.at(-1) ?? '';
}

function test(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'm').test(text);
  } catch {
    return false;
  }
}

/**
 * Whether a run showed what a snippet's `expect` asks for (lessons/README.md):
 * an allowed end status (ok when none is given), the `blocked` event or its
 * absence, stdout patterns and each process's last line.
 */
export function meetsExpectation(expect: Expectation | undefined, result: RunResult): boolean {
  const statuses = expect?.status === undefined ? ['ok'] : Array.isArray(expect.status) ? expect.status : [expect.status];
  if (!statuses.includes(result.status)) return false;
  if (expect?.blocked !== undefined && expect.blocked !== result.blocked) return false;
  for (const [process, patterns] of Object.entries(expect?.stdout ?? {})) {
    const list: string[] = Array.isArray(patterns) ? patterns : [String(patterns)];
    if (!list.every((pattern) => test(pattern, result.stdout[process] ?? ''))) return false;
  }
  for (const [process, pattern] of Object.entries(expect?.lastLine ?? {})) {
    if (!test(pattern, lastLine(result.stdout[process] ?? ''))) return false;
  }
  return true;
}
