/**
 * A run's socket trace (shared/runner-api.md, "Socket trace") as a sequence
 * diagram: a lane per socket, grouped by process, and rows in the order things
 * happened — a message is one row, an arrow from the lane that sent it to each
 * lane that received it; a send nobody received is lost once the run is over.
 * Trace events in, diagram out — no React — so it is tested in milliseconds
 * (tests/unit/trace-diagram.test.ts); MessagesView.tsx draws it.
 */
import type { TraceEvent, TraceFrame } from '../../../runner/protocol';

/** What a socket may do next, as its type's rules say, or what it is stuck in. */
export type LaneState =
  | { kind: 'ready' }
  | { kind: 'may-send' }
  | { kind: 'must-receive' }
  | { kind: 'must-send' }
  | { kind: 'waiting'; for: 'send' | 'receive'; since: number }
  | { kind: 'closed' };

export interface Lane {
  socket: string;
  process: string;
  /** REQ, REP, PUB, …, once its `open` came. */
  type: string | null;
  state: LaneState;
}

export interface Delivery {
  lane: number;
  at: number;
  /** What the receiver got, when it is not what was sent: a ROUTER sees the sender's identity first, a REQ loses the envelope. */
  frames?: TraceFrame[];
}

const sameFrames = (a: readonly TraceFrame[], b: readonly TraceFrame[]) =>
  a.length === b.length && a.every((f, i) => f.size === b[i]!.size && f.text === b[i]!.text && f.hex === b[i]!.hex);

/** Senders whose one message reaches every connected peer (as the runner pairs them: runner/trace.ts). */
const FAN_OUT = new Set(['PUB', 'XPUB']);

function delivery(lane: number, event: TraceEvent, sent: readonly TraceFrame[] | null): Delivery {
  const got = event.frames ?? [];
  return sent === null || sameFrames(sent, got) ? { lane, at: event.at } : { lane, at: event.at, frames: got };
}

export type Row =
  | {
      kind: 'message';
      key: string;
      from: number | null;
      /** Each receive of it (a PUB's message reaches every subscriber). */
      to: Delivery[];
      frames: TraceFrame[];
      moreFrames: number;
      at: number;
      /** Consecutive messages between the same lanes, drawn as one row. */
      count: number;
      /** Over, and nobody received it. */
      lost: boolean;
    }
  | { kind: 'note'; key: string; lane: number; at: number; text: string; tone: 'plain' | 'wait' | 'error' }
  | { kind: 'process'; key: string; process: string; at: number; text: string }
  | { kind: 'truncated'; key: string; at: number; text: string }
  | { kind: 'gap'; key: string; hidden: number };

export interface Diagram {
  lanes: Lane[];
  rows: Row[];
}

/** Rows drawn at most: beyond, repeated messages are merged, then the middle is left out. */
export const MAX_ROWS = 400;
/** The state a socket starts in: REQ sends first, REP receives first; the others may do either. */
function initialState(type: string | null): LaneState {
  if (type === 'REQ') return { kind: 'may-send' };
  if (type === 'REP') return { kind: 'must-receive' };
  return { kind: 'ready' };
}

/** After a completed send or receive: the lock-step of REQ and REP. */
function afterTransfer(type: string | null, what: 'send' | 'receive'): LaneState {
  if (type === 'REQ') return what === 'send' ? { kind: 'must-receive' } : { kind: 'may-send' };
  if (type === 'REP') return what === 'receive' ? { kind: 'must-send' } : { kind: 'must-receive' };
  return { kind: 'ready' };
}

/** Words for what a lane's note says, or null for events that are not drawn. */
function noteOf(event: TraceEvent): { text: string; tone: 'plain' | 'wait' | 'error' } | null {
  const where = event.address ?? event.endpoint ?? '';
  const failed = event.error ? ` failed: ${event.error}` : '';
  switch (event.op) {
    case 'open':
      return { text: `open ${event.type ?? 'socket'}`, tone: 'plain' };
    case 'bind':
    case 'unbind':
    case 'connect':
    case 'disconnect':
      return { text: `${event.op} ${where}${failed}`.trim(), tone: event.error ? 'error' : 'plain' };
    case 'wait':
      return { text: `waiting in ${event.for ?? 'receive'}`, tone: 'wait' };
    case 'event': {
      const name = event.event ?? 'event';
      const bad = /error|fail/.test(name) || Boolean(event.error);
      return { text: `${name.replace(/:/g, ' ')}${where ? ` ${where}` : ''}${event.error ? ` (${event.error})` : ''}`, tone: bad ? 'error' : 'plain' };
    }
    case 'close':
      return { text: 'close', tone: 'plain' };
    case 'send':
    case 'receive':
      return event.error ? { text: `${event.op}${failed}`, tone: 'error' } : null;
    default:
      return null;
  }
}

/**
 * The diagram of `events` (in the order they came). `ended`: the run is over, so a
 * send nobody received is lost rather than on its way.
 */
export function buildDiagram(events: readonly TraceEvent[], ended: boolean, maxRows = MAX_ROWS): Diagram {
  const lanes: Lane[] = [];
  const laneOf = new Map<string, number>();
  const rows: Row[] = [];
  /** `socket@at` of a send → its rows (times are to 0.1 ms: sends in a loop share one). */
  const sends = new Map<string, Extract<Row, { kind: 'message' }>[]>();
  // Events come in order per process, so a receive may come before the send it pairs with.
  const early = new Map<string, { delivery: Delivery; event: TraceEvent; key: string }[]>();
  let serial = 0;

  const lane = (event: TraceEvent): number | null => {
    if (!event.socket) return null;
    let index = laneOf.get(event.socket);
    if (index === undefined) {
      const process = event.process ?? event.socket.split('/')[0] ?? '';
      const type = event.type ?? null;
      // Grouped by process: a new socket goes after the last lane of its process.
      let at = lanes.length;
      for (let i = lanes.length - 1; i >= 0; i--) {
        if (lanes[i]!.process === process) {
          at = i + 1;
          break;
        }
      }
      lanes.splice(at, 0, { socket: event.socket, process, type, state: initialState(type) });
      for (const [socket, i] of laneOf) if (i >= at) laneOf.set(socket, i + 1);
      for (const row of rows) shiftLanes(row, at);
      for (const list of early.values()) for (const w of list) if (w.delivery.lane >= at) w.delivery.lane++;
      index = at;
      laneOf.set(event.socket, index);
    } else if (event.type && lanes[index]!.type === null) {
      lanes[index]!.type = event.type;
      lanes[index]!.state = initialState(event.type);
    }
    return index;
  };

  for (const event of events) {
    const key = `r${serial++}`;
    if (event.op === 'truncated') {
      const counts = Object.entries(event.dropped ?? {}).map(([name, count]) => `${count} ${name}`);
      rows.push({ kind: 'truncated', key, at: event.at, text: `The trace stops here (at most ${event.cap ?? '?'} events)${counts.length ? `: left out ${counts.join(', ')}` : ''}. Sends before it may have been received after it.` });
      continue;
    }
    if (event.op === 'kill' || event.op === 'restart') {
      const process = event.process ?? '?';
      rows.push({ kind: 'process', key, process, at: event.at, text: event.op === 'kill' ? `${process} killed` : `${process} restarted` });
      for (const l of lanes) if (l.process === process) l.state = { kind: 'closed' };
      continue;
    }
    const index = lane(event);
    if (index === null) continue;
    const l = lanes[index]!;
    if (event.op === 'send' && !event.error) {
      const row: Extract<Row, { kind: 'message' }> = { kind: 'message', key, from: index, to: [], frames: event.frames ?? [], moreFrames: event.moreFrames ?? 0, at: event.at, count: 1, lost: false };
      rows.push(row);
      const id = `${event.socket}@${event.at}`;
      sends.set(id, [...(sends.get(id) ?? []), row]);
      // Receives that came first: one per receiving lane for a PUB (its message reaches each
      // subscriber once), else just one (a PUSH's or DEALER's message goes to one peer).
      const waiting = early.get(id) ?? [];
      const lanesTaken = new Set<number>();
      const taken = new Set<(typeof waiting)[number]>();
      const fansOut = FAN_OUT.has(l.type ?? '');
      for (const w of waiting) {
        if (lanesTaken.has(w.delivery.lane) || (!fansOut && taken.size > 0)) continue;
        lanesTaken.add(w.delivery.lane);
        taken.add(w);
        row.to.push(delivery(w.delivery.lane, w.event, row.frames));
      }
      const left = waiting.filter((w) => !taken.has(w));
      if (left.length > 0) early.set(id, left);
      else early.delete(id);
      l.state = afterTransfer(l.type, 'send');
      continue;
    }
    if (event.op === 'receive' && !event.error) {
      const id = event.sent ? `${event.sent.socket}@${event.sent.at}` : null;
      // The first send with that key still to be received: by this lane for a PUB's (each
      // subscriber gets it), by anyone for others (sends of one instant went to different peers).
      const from = id
        ? sends.get(id)?.find((row) => (row.from !== null && FAN_OUT.has(lanes[row.from]!.type ?? '') ? !row.to.some((d) => d.lane === index) : row.to.length === 0))
        : undefined;
      if (from) from.to.push(delivery(index, event, from.frames));
      else if (id) early.set(id, [...(early.get(id) ?? []), { delivery: { lane: index, at: event.at }, event, key }]);
      else rows.push({ kind: 'message', key, from: null, to: [{ lane: index, at: event.at }], frames: event.frames ?? [], moreFrames: event.moreFrames ?? 0, at: event.at, count: 1, lost: false });
      l.state = afterTransfer(l.type, 'receive');
      continue;
    }
    if (event.op === 'wait') l.state = { kind: 'waiting', for: event.for ?? 'receive', since: event.since ?? event.at };
    if (event.op === 'close') l.state = { kind: 'closed' };
    const note = noteOf(event);
    if (note) rows.push({ kind: 'note', key, lane: index, at: event.at, ...note });
  }
  // A receive whose send never came (left out past the cap): drawn from its sender's lane when known.
  for (const [id, waiting] of early) {
    for (const { delivery, event, key } of waiting) {
      const sender = laneOf.get(id.slice(0, id.lastIndexOf('@')));
      rows.push({ kind: 'message', key, from: sender ?? null, to: [delivery], frames: event.frames ?? [], moreFrames: event.moreFrames ?? 0, at: event.sent?.at ?? event.at, count: 1, lost: false });
    }
  }
  // In time order (one clock for all processes), not in the order the processes' events came.
  rows.sort((a, b) => ('at' in a ? a.at : 0) - ('at' in b ? b.at : 0));
  // Past the cap the receives are left out too: a send without one may have been received.
  const whole = !events.some((e) => e.op === 'truncated');
  if (ended && whole) for (const row of rows) if (row.kind === 'message' && row.from !== null && row.to.length === 0) row.lost = true;
  return { lanes, rows: fit(rows, maxRows) };
}

function shiftLanes(row: Row, from: number) {
  const shift = (i: number) => (i >= from ? i + 1 : i);
  if (row.kind === 'message') {
    if (row.from !== null) row.from = shift(row.from);
    for (const d of row.to) d.lane = shift(d.lane);
  } else if (row.kind === 'note') row.lane = shift(row.lane);
}

const sameRoute = (a: Row, b: Row) =>
  a.kind === 'message' &&
  b.kind === 'message' &&
  a.from === b.from &&
  a.lost === b.lost &&
  a.to.length === b.to.length &&
  a.to.every((d, i) => d.lane === b.to[i]!.lane);

/** At most `max` rows: runs of messages between the same lanes become one row each, then the middle goes. */
function fit(rows: Row[], max: number): Row[] {
  if (rows.length <= max) return rows;
  const merged: Row[] = [];
  for (const row of rows) {
    const last = merged[merged.length - 1];
    if (last && last.kind === 'message' && sameRoute(last, row)) {
      last.count += (row as Extract<Row, { kind: 'message' }>).count;
      continue;
    }
    merged.push(row.kind === 'message' ? { ...row } : row);
  }
  if (merged.length <= max) return merged;
  const head = Math.floor(max / 2);
  const tail = max - head - 1;
  return [...merged.slice(0, head), { kind: 'gap', key: 'gap', hidden: merged.length - head - tail }, ...merged.slice(merged.length - tail)];
}

const utf8 = new TextEncoder();

/** A frame as a short label: its text (or hex), and its size when it is empty or cut. */
export function frameLabel(frame: TraceFrame): string {
  if (frame.size === 0) return '(empty)';
  const preview = frame.text !== undefined ? JSON.stringify(frame.text) : frame.hex ? `0x${frame.hex}` : '';
  const shown = frame.text !== undefined ? utf8.encode(frame.text).length : frame.hex ? frame.hex.length / 2 : 0;
  return shown < frame.size ? `${preview}… ${frame.size} B` : preview || `${frame.size} B`;
}

/** A lane's state in words. */
export function stateLabel(state: LaneState): string {
  switch (state.kind) {
    case 'may-send':
      return 'may send';
    case 'must-receive':
      return 'must receive';
    case 'must-send':
      return 'must send';
    case 'waiting':
      return `waiting in ${state.for}`;
    case 'closed':
      return 'closed';
    default:
      return '';
  }
}

/** One trace event in words, for the table that stands in for the drawing. */
export function describeEvent(event: TraceEvent): string {
  if (event.op === 'truncated') return `trace truncated at ${event.cap ?? '?'} events`;
  if (event.op === 'kill' || event.op === 'restart') return event.op === 'kill' ? 'process killed' : 'process restarted';
  if (event.op === 'send' || event.op === 'receive') {
    const parts = (event.frames ?? []).map(frameLabel);
    if (event.moreFrames) parts.push(`+${event.moreFrames} more frames`);
    const from = event.op === 'receive' && event.sent ? ` (sent by ${event.sent.socket} at ${event.sent.at.toFixed(1)} ms)` : '';
    return `${event.op}${event.error ? ` failed: ${event.error}` : ''} [${parts.join(' | ')}]${from}`;
  }
  return noteOf(event)?.text ?? event.op;
}
