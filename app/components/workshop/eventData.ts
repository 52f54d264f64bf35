import type { Summary } from './api';

/** Reading SSE event data, which is untrusted JSON until checked. */

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A `workshop` event's summary (bare, or as `{summary}`), or null. */
export function summaryOf(data: unknown): Summary | null {
  const summary = isObject(data) && isObject(data.summary) ? data.summary : data;
  return isObject(summary) && typeof summary.code === 'string' && Array.isArray(summary.items) ? (summary as unknown as Summary) : null;
}
