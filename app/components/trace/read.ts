/**
 * A `trace` event as the page takes it in: the run's stream is untrusted JSON,
 * so each field is checked. Kept apart from the diagram: the run model needs
 * this on every page with a playground, the drawing only after a traced run.
 */
import { TRACE_OPS, type TraceEvent, type TraceFrame, type TraceOp } from '../../../runner/protocol';

/** Trace events a page keeps for one run (the runner caps a run at fewer, then says `truncated`). */
export const MAX_TRACE_EVENTS = 5000;

const MAX_TEXT = 200;
const op = new Set<string>(TRACE_OPS);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value.slice(0, MAX_TEXT) : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function frames(value: unknown): TraceFrame[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.slice(0, 16).flatMap((item: unknown) => {
    const f = (item ?? {}) as Record<string, unknown>;
    const size = num(f.size);
    if (size === undefined || size < 0) return [];
    const text = typeof f.text === 'string' ? f.text.slice(0, MAX_TEXT) : undefined;
    const hex = str(f.hex);
    return [{ size, ...(text !== undefined ? { text } : hex ? { hex } : {}) }];
  });
}

/** A `trace` event's data as it came (untrusted JSON), checked field by field; null when it is not one. */
export function readTraceEvent(data: Record<string, unknown>): TraceEvent | null {
  const kind = data.op;
  const at = num(data.at);
  if (typeof kind !== 'string' || !op.has(kind) || at === undefined) return null;
  const event: TraceEvent = { op: kind as TraceOp, at };
  const process = str(data.process);
  const socket = str(data.socket);
  if (process) event.process = process;
  if (socket) event.socket = socket;
  for (const key of ['type', 'endpoint', 'address', 'event', 'error'] as const) {
    const value = str(data[key]);
    if (value) event[key] = value;
  }
  const list = frames(data.frames);
  if (list) event.frames = list;
  const more = num(data.moreFrames);
  if (more !== undefined && more > 0) event.moreFrames = more;
  const sent = (data.sent ?? null) as Record<string, unknown> | null;
  if (sent && typeof sent === 'object' && str(sent.socket) && num(sent.at) !== undefined) event.sent = { socket: str(sent.socket)!, at: num(sent.at)! };
  if (data.for === 'send' || data.for === 'receive') event.for = data.for;
  const since = num(data.since);
  if (since !== undefined) event.since = since;
  const cap = num(data.cap);
  if (cap !== undefined) event.cap = cap;
  if (data.dropped && typeof data.dropped === 'object' && !Array.isArray(data.dropped)) {
    const dropped: Record<string, number> = {};
    for (const [name, count] of Object.entries(data.dropped as Record<string, unknown>).slice(0, 20)) {
      if (op.has(name) && num(count) !== undefined) dropped[name] = num(count)!;
    }
    event.dropped = dropped;
  }
  return event;
}

