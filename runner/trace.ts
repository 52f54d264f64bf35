/**
 * The runner's side of a socket trace (a run posted with `"trace": true`): it
 * reads the trace lines of the run's processes (written inside the sandbox by
 * runner/sandbox/trace.ts), checks every record (learner code can write to the
 * channel too), pairs each receive with the send it came from, keeps the trace
 * under its cap, and hands out `trace` events in order per process.
 *
 * Pairing: a receive on socket R pairs with the oldest send not yet paired with
 * R, on a socket S that can send to R (compatible types: REQ→REP, PUSH→PULL,
 * PUB→SUB, …) and is connected to it (one bound an endpoint the other connected
 * to), whose frames are R's frames give or take a routing envelope (ROUTER adds
 * the sender's identity, REQ and REP hide the empty delimiter), sent no later
 * than it arrived. Messages between two sockets arrive in order, so a send that
 * R skips over is one R never got (a slow joiner, a high-water mark drop). A
 * send from PUB or XPUB may pair with one receive on each subscriber; any other
 * send with one receive.
 *
 * A receive can reach the runner before its send (the processes write their
 * traces a few milliseconds apart): it waits — and the events of its process
 * after it — until its send arrives, or until every process that could have sent
 * it has reported past its time (each trace line carries the process's clock),
 * or for at most HOLD_MS.
 */
import type { TraceEvent, TraceFrame, TraceOp } from "./protocol";

/**
 * Longest a receive waits for its send before it goes out unpaired. Only while a process
 * that could have sent it is silent (blocked, or starved of CPU on a busy host: 1.5 s
 * lost pairings under the test suite's load) and has not ended.
 */
export const HOLD_MS = 4_000;

/** Which socket types a socket of each type receives messages from. */
const SENDERS: Record<string, readonly string[]> = {
  REQ: ["REP", "ROUTER"],
  REP: ["REQ", "DEALER"],
  DEALER: ["REP", "ROUTER", "DEALER"],
  ROUTER: ["REQ", "DEALER", "ROUTER"],
  SUB: ["PUB", "XPUB"],
  XSUB: ["PUB", "XPUB"],
  XPUB: ["XSUB"],
  PULL: ["PUSH"],
  PAIR: ["PAIR"],
};
/** Senders whose one message reaches every connected peer. */
const FAN_OUT = new Set(["PUB", "XPUB"]);
/** Socket types that cannot send: never the origin of a message. */
const RECEIVE_ONLY = new Set(["SUB", "PULL"]);

const SOCKET_TYPES = new Set(["PAIR", "PUB", "SUB", "REQ", "REP", "DEALER", "ROUTER", "PULL", "PUSH", "XPUB", "XSUB", "STREAM", "SERVER", "CLIENT", "RADIO", "DISH", "GATHER", "SCATTER", "DGRAM", "PEER", "CHANNEL"]);
/** Ops a process may report (the runner adds truncated, kill and restart itself). */
const PROCESS_OPS = new Set<TraceOp>(["open", "bind", "unbind", "connect", "disconnect", "send", "receive", "wait", "event", "close"]);
const TEXT_FIELD = 200;
const MAX_FRAMES = 8;

/** A record as a process reports it, checked: a trace event without `process` and `sent`. */
export type TraceRecord = Omit<TraceEvent, "process" | "sent">;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const shortText = (value: unknown): string | undefined => (typeof value === "string" && value.length <= TEXT_FIELD ? value : undefined);
const finite = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
const count = (value: unknown): number | undefined => (Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : undefined);

function checkFrame(value: unknown): TraceFrame | undefined {
  if (!isObject(value)) return undefined;
  const size = count(value.size);
  if (size === undefined) return undefined;
  if (typeof value.text === "string" && value.text.length <= 64) return { size, text: value.text };
  if (typeof value.hex === "string" && /^(?:[0-9a-f]{2}){0,32}$/.test(value.hex)) return { size, hex: value.hex };
  return undefined;
}

/** A message's frames, each checked; undefined unless all are well-formed. */
function checkFrames(value: unknown): TraceFrame[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_FRAMES) return undefined;
  const frames: TraceFrame[] = [];
  for (const item of value) {
    const frame = checkFrame(item);
    if (!frame) return undefined;
    frames.push(frame);
  }
  return frames;
}

/**
 * One record from process `name`, checked field by field and rebuilt with only
 * what the protocol knows; undefined for anything malformed. `dropped` records
 * (what the process itself left out past the cap) come back as `{op: "dropped", counts}`.
 */
export function checkRecord(value: unknown, name: string): TraceRecord | { op: "dropped"; counts: Record<string, number> } | undefined {
  if (!isObject(value)) return undefined;
  if (value.op === "dropped") {
    if (!isObject(value.counts)) return undefined;
    const counts: Record<string, number> = {};
    for (const op of PROCESS_OPS) {
      const n = count(value.counts[op]);
      if (n !== undefined) counts[op] = n;
    }
    return { op: "dropped", counts };
  }
  const op = value.op as TraceOp;
  const at = finite(value.at);
  const socket = value.socket;
  if (!PROCESS_OPS.has(op) || at === undefined || typeof socket !== "string" || !socket.startsWith(`${name}/`) || !/^\d{1,6}$/.test(socket.slice(name.length + 1))) {
    return undefined;
  }
  // Every record has the same fields in the same order (absent ones undefined, which JSON
  // leaves out): the pairing and the event stream then see one object shape, which V8
  // optimizes once, instead of one per combination of fields (each a deoptimization).
  const record: TraceRecord = {
    socket,
    op,
    at,
    type: undefined,
    endpoint: shortText(value.endpoint),
    address: shortText(value.address),
    event: shortText(value.event),
    error: shortText(value.error),
    frames: undefined,
    moreFrames: undefined,
    for: undefined,
    since: undefined,
  };
  if (op === "open") {
    if (typeof value.type !== "string" || !SOCKET_TYPES.has(value.type)) return undefined;
    record.type = value.type;
  }
  if (op === "send" || op === "receive") {
    record.frames = checkFrames(value.frames);
    if (!record.frames && record.error === undefined) return undefined;
    const more = count(value.moreFrames);
    if (more) record.moreFrames = more;
  }
  if (op === "wait") {
    if (value.for !== "send" && value.for !== "receive") return undefined;
    record.for = value.for;
  }
  if (op === "wait" || op === "send") record.since = finite(value.since);
  if (op === "event" && record.event === undefined) return undefined;
  return record;
}

/** Endpoints as the pairing compares them: every tcp address of the sandbox is loopback, so its port; else the whole address. */
export function endpointKey(endpoint: string, process: string): string {
  const tcp = /^tcp:\/\/.*:(\d+)$/.exec(endpoint);
  if (tcp) return `tcp:${tcp[1]}`;
  // inproc:// reaches sockets of the same process only.
  if (endpoint.startsWith("inproc://")) return `${process}\0${endpoint}`;
  return endpoint;
}

const frameKey = (frame: TraceFrame) => `${frame.size}:${frame.text ?? `#${frame.hex}`}`;

/** Whether the frames received are the frames sent, give or take a routing envelope at the front of either. */
export function sameMessage(sent: readonly string[], received: readonly string[]): boolean {
  const [short, long] = sent.length <= received.length ? [sent, received] : [received, sent];
  if (short.length === 0) return long.length === 0;
  const offset = long.length - short.length;
  for (let i = 0; i < short.length; i++) if (short[i] !== long[offset + i]) return false;
  return true;
}

interface SocketInfo {
  id: string;
  process: number;
  type: string;
  binds: Set<string>;
  connects: Set<string>;
  sends: SendEntry[];
  /** Per receiving socket: the index of its next candidate in `sends`. */
  cursors: Map<string, number>;
}

interface SendEntry {
  at: number;
  /** When the program made it (a send that waited went at `at`). */
  from: number;
  frames: string[];
  /** Paired with a receive (only for senders that do not fan out). */
  taken: boolean;
}

/** Pairs receives with sends; fed with records as they arrive, in any order across processes. */
export class TraceMatcher {
  private readonly sockets = new Map<string, SocketInfo>();

  socket(id: string): SocketInfo | undefined {
    return this.sockets.get(id);
  }

  /** The sockets process `index` has reported. */
  *socketsOf(index: number): Iterable<SocketInfo> {
    for (const socket of this.sockets.values()) if (socket.process === index) yield socket;
  }

  /** Learns what a record says about its socket (type, endpoints, a send). */
  learn(process: number, processName: string, record: TraceRecord) {
    let socket = this.sockets.get(record.socket!);
    if (!socket) {
      socket = { id: record.socket!, process, type: "", binds: new Set(), connects: new Set(), sends: [], cursors: new Map() };
      this.sockets.set(socket.id, socket);
    }
    if (record.type) socket.type = record.type;
    if (record.error !== undefined) return;
    if (record.op === "bind" && record.endpoint) {
      socket.binds.add(endpointKey(record.endpoint, processName));
      if (record.address) socket.binds.add(endpointKey(record.address, processName));
    }
    if (record.op === "connect" && record.endpoint) socket.connects.add(endpointKey(record.endpoint, processName));
    if (record.op === "send" && record.frames) socket.sends.push({ at: record.at, from: record.since ?? record.at, frames: record.frames.map(frameKey), taken: false });
  }

  /** Sockets that could have sent a message to `receiver`, as far as the records so far tell. */
  candidates(receiver: SocketInfo): SocketInfo[] {
    const types = SENDERS[receiver.type];
    if (!types) return [];
    const out: SocketInfo[] = [];
    for (const socket of this.sockets.values()) {
      if (socket === receiver || !types.includes(socket.type)) continue;
      if (intersects(socket.binds, receiver.connects) || intersects(socket.connects, receiver.binds)) out.push(socket);
    }
    return out;
  }

  /** Whether a socket of this type can send to a socket of `receiverType`. */
  static canSendTo(type: string, receiverType: string): boolean {
    return !RECEIVE_ONLY.has(type) && (SENDERS[receiverType]?.includes(type) ?? false);
  }

  /** The send a receive came from (and marks it), or undefined when none matches yet. */
  pair(record: TraceRecord): { socket: string; at: number } | undefined {
    const receiver = this.sockets.get(record.socket!);
    if (!receiver || !record.frames) return undefined;
    const received = record.frames.map(frameKey);
    let best: { socket: SocketInfo; index: number } | undefined;
    for (const sender of this.candidates(receiver)) {
      const from = sender.cursors.get(receiver.id) ?? 0;
      for (let i = from; i < sender.sends.length; i++) {
        const send = sender.sends[i]!;
        // Both clocks are CLOCK_MONOTONIC, rounded to 0.1 ms.
        if (send.from > record.at + 0.2) break;
        if (send.taken || !sameMessage(send.frames, received)) continue;
        if (!best || send.from < best.socket.sends[best.index]!.from) best = { socket: sender, index: i };
        break;
      }
    }
    if (!best) return undefined;
    const send = best.socket.sends[best.index]!;
    best.socket.cursors.set(receiver.id, best.index + 1);
    if (!FAN_OUT.has(best.socket.type)) send.taken = true;
    return { socket: best.socket.id, at: send.at };
  }
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const key of a) if (b.has(key)) return true;
  return false;
}

interface Queued {
  record: TraceRecord | TraceEvent;
  /** When it reached the runner (performance.now()). */
  arrived: number;
}

interface ProcessTrace {
  name: string;
  queue: Queued[];
  /** Every record this process made up to this time has arrived. */
  watermark: number;
  ended: boolean;
  /** A receive at the head of its queue waits for its send. */
  blocked?: boolean;
  /** What the process itself left out past the cap (its latest count). */
  dropped: Record<string, number>;
}

/**
 * One run's trace: lines in, `trace` events out (through `emit`), at most `cap`
 * of them; past it, one `truncated` event at the end counts what was left out.
 */
export class RunTrace {
  private readonly matcher = new TraceMatcher();
  private readonly processes: ProcessTrace[];
  private emitted = 0;
  private readonly dropped: Record<string, number> = {};
  private timer: NodeJS.Timeout | undefined;
  private finished = false;

  constructor(
    names: readonly string[],
    private readonly cap: number,
    private readonly emit: (event: TraceEvent) => void,
    private readonly clock: () => number = () => performance.now(),
    /** Process `index` no longer has records held back (its output may follow). */
    private readonly onRelease: (index: number) => void = () => {},
  ) {
    this.processes = names.map((name) => ({ name, queue: [], watermark: -Infinity, ended: false, dropped: {} }));
  }

  /** A trace line of process `index`: its watermark and its records (JSON, untrusted). */
  onLine(index: number, watermark: number, json: string) {
    const process = this.processes[index];
    if (!process || this.finished) return;
    let records: unknown;
    try {
      records = JSON.parse(json);
    } catch {
      return;
    }
    if (!Array.isArray(records)) return;
    const arrived = this.clock();
    for (const value of records) {
      const record = checkRecord(value, process.name);
      if (!record) continue;
      if (record.op === "dropped") {
        process.dropped = (record as { counts: Record<string, number> }).counts;
        continue;
      }
      const checked = record as TraceRecord;
      if (this.emitted + this.queued() >= this.cap) {
        this.dropped[checked.op] = (this.dropped[checked.op] ?? 0) + 1;
        continue;
      }
      this.matcher.learn(index, process.name, checked);
      process.queue.push({ record: checked, arrived });
    }
    if (watermark > process.watermark) process.watermark = watermark;
    this.drain();
  }

  /** An event the runner itself adds to process `index`'s trace (kill, restart), after what it has reported so far. */
  note(index: number, event: Omit<TraceEvent, "process">) {
    const process = this.processes[index];
    if (!process || this.finished) return;
    if (this.emitted + this.queued() >= this.cap) {
      this.dropped[event.op] = (this.dropped[event.op] ?? 0) + 1;
      return;
    }
    process.queue.push({ record: event, arrived: this.clock() });
    this.drain();
  }

  /** Whether process `index` has records held back (a receive waiting for its send). */
  holding(index: number): boolean {
    return (this.processes[index]?.queue.length ?? 0) > 0;
  }

  /** Process `index` has exited: it sends nothing more (until it is started again). */
  processEnded(index: number) {
    const process = this.processes[index];
    if (!process) return;
    process.ended = true;
    this.drain();
  }

  /** Process `index` was started again. */
  processRestarted(index: number) {
    const process = this.processes[index];
    if (process) process.ended = false;
  }

  /** The run is over: everything held goes out, then `truncated` if anything was left out. */
  finish() {
    if (this.finished) return;
    for (const process of this.processes) process.ended = true;
    this.drain(true);
    this.finished = true;
    clearTimeout(this.timer);
    const dropped: Record<string, number> = { ...this.dropped };
    for (const process of this.processes) {
      for (const [op, n] of Object.entries(process.dropped)) dropped[op] = (dropped[op] ?? 0) + n;
    }
    const total = Object.values(dropped).reduce((sum, n) => sum + n, 0);
    if (total > 0) this.emit({ op: "truncated", cap: this.cap, dropped: { total, ...dropped }, at: this.lastAt });
  }

  private lastAt = 0;

  private queued(): number {
    let n = 0;
    for (const process of this.processes) n += process.queue.length;
    return n;
  }

  /** Sends out what may go: each process's records in order, a receive once it is paired or may no longer be. */
  private drain(force = false) {
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.clock();
    let soonest = Infinity;
    this.processes.forEach((process, index) => {
      while (process.queue.length > 0) {
        const head = process.queue[0]!;
        const record = head.record;
        let sent: { socket: string; at: number } | undefined;
        if (record.op === "receive" && record.frames) {
          sent = this.matcher.pair(record as TraceRecord);
          if (!sent && !force && now - head.arrived < HOLD_MS && this.mayStillArrive(record as TraceRecord)) {
            soonest = Math.min(soonest, head.arrived + HOLD_MS - now);
            process.blocked = true;
            break;
          }
        }
        process.queue.shift();
        // One shape for every event (see checkRecord), in the order the stream shows them.
        this.send({
          process: process.name,
          socket: record.socket,
          op: record.op,
          at: record.at,
          type: record.type,
          endpoint: record.endpoint,
          address: record.address,
          event: record.event,
          error: record.error,
          frames: record.frames,
          moreFrames: record.moreFrames,
          for: record.for,
          since: record.since,
          sent,
        });
      }
      if (process.blocked && process.queue.length === 0) {
        process.blocked = false;
        this.onRelease(index);
      }
    });
    if (soonest !== Infinity && !this.finished) {
      this.timer = setTimeout(() => this.drain(), Math.max(1, Math.ceil(soonest)));
      this.timer.unref?.();
    }
  }

  /**
   * Whether the send of this receive may not have arrived yet: some process that
   * could have sent it (one with a socket able to send to the receiver, or one
   * whose sockets are not known yet) has not reported up to the receive's time.
   */
  private mayStillArrive(record: TraceRecord): boolean {
    const receiver = this.matcher.socket(record.socket!);
    if (!receiver) return false;
    return this.processes.some((process, index) => {
      if (process.ended || process.watermark >= record.at) return false;
      let known = false;
      for (const socket of this.matcher.socketsOf(index)) {
        known = true;
        if (TraceMatcher.canSendTo(socket.type, receiver.type)) return true;
      }
      return !known;
    });
  }

  private send(event: TraceEvent) {
    this.emitted++;
    this.lastAt = Math.max(this.lastAt, event.at);
    this.emit(event);
  }
}
