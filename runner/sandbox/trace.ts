/**
 * Socket tracing inside a learner process (a run posted with `"trace": true`).
 *
 * TRACE_SCRIPT is the sandbox's /sandbox/trace.cjs (supervisor.ts); it only
 * defines `enableTrace`, and the boot script loads it and calls that when the process's
 * header asks for a trace. It then wraps the methods of zeromq's socket classes in
 * this process (their prototypes, so `import { Request } from "zeromq"` and
 * `zeromq/v5-compat` are both covered): bind/unbind/connect/disconnect (and v5's
 * bindSync/unbindSync), send/receive, close and `socket.events`, and
 * writes what they do — never changing what they return or throw — to the
 * sandbox's control channel (fd 3), as lines the runner reads beside the
 * supervisor's own reports:
 *
 *     trace <index> <watermark> <JSON array of records>\n
 *
 * Each line is at most TRACE_LINE_BYTES, written in one write(2), so lines of
 * several processes never interleave. The watermark is the process's clock at
 * the flush: every record it made before then is in this line or an earlier one.
 * Records are batched for TRACE_BATCH_MS (and flushed before the process writes
 * to stdout or stderr, and when it exits), so a traced program keeps its speed.
 *
 * A record is a trace event without `process` and `sent` (the runner adds them):
 * `{socket, type?, op, at, ...}` with `at` in milliseconds since the run started,
 * on CLOCK_MONOTONIC, which the sandbox shares with the runner (the header's
 * `origin` is the run's start on it, in nanoseconds). Past `cap` records the
 * process only counts what it leaves out, in a `{op: "dropped", counts}` record,
 * and hands zeromq's own promises to the program untouched.
 *
 * `socket.events`: the trace reads the socket's monitor itself, so that
 * handshakes and disconnects are seen whatever the program does; a program that
 * reads `socket.events` too gets a view of the same events, from its first look
 * on, as if it alone read them. A pending read of the monitor would keep the
 * process alive, so when nothing else does (no pending zeromq operation, no
 * timer, no open handle), the trace stops reading and the process ends as it
 * would untraced.
 */

/** Longest trace line, in bytes: below PIPE_BUF, so one write(2) is never split. */
export const TRACE_LINE_BYTES = 4000;
/** Bytes of each frame shown in a trace (`text` or `hex`). */
export const TRACE_PREVIEW_BYTES = 24;
/** Frames of one message listed in a trace; a longer message says how many more it had. */
export const TRACE_MAX_FRAMES = 8;
/** How long a send or receive may be pending before the trace reports a `wait`. */
export const TRACE_WAIT_MS = 50;
/** How long a process gathers records before writing them. */
export const TRACE_BATCH_MS = 5;

/** How long the trace still reads the events of a socket the program closed (what its monitor already holds). */
export const TRACE_DRAIN_MS = 20;

/** What the boot script passes to enableTrace: from the process's header, plus where things are. */
export interface TraceOptions {
  /** The run's start on CLOCK_MONOTONIC, in nanoseconds (a decimal string). */
  origin: string;
  /** Records this process may send at most (the run's cap). */
  cap: number;
}

export const TRACE_SCRIPT = String.raw`
function enableTrace(options, env) {
  "use strict";
  const fs = require("node:fs");
  const { performance } = require("node:perf_hooks");
  const FD = 3, LINE_BYTES = ${TRACE_LINE_BYTES}, PREVIEW = ${TRACE_PREVIEW_BYTES}, MAX_FRAMES = ${TRACE_MAX_FRAMES};
  const WAIT_MS = ${TRACE_WAIT_MS}, BATCH_MS = ${TRACE_BATCH_MS}, DRAIN_MS = ${TRACE_DRAIN_MS};
  const TYPES = ["PAIR", "PUB", "SUB", "REQ", "REP", "DEALER", "ROUTER", "PULL", "PUSH", "XPUB", "XSUB", "STREAM",
    "SERVER", "CLIENT", "RADIO", "DISH", "GATHER", "SCATTER", "DGRAM", "PEER", "CHANNEL"];
  let zmq;
  try { zmq = require(env.zeromq); } catch { return; }
  const NativeSocket = zmq.Socket, NativeObserver = zmq.Observer;
  if (typeof NativeSocket !== "function" || typeof NativeObserver !== "function") return;
  const proto = NativeSocket.prototype;
  const eventsGetter = Object.getOwnPropertyDescriptor(proto, "events");
  const observerReceive = NativeObserver.prototype.receive;
  const observerClose = NativeObserver.prototype.close;
  const observerClosed = Object.getOwnPropertyDescriptor(NativeObserver.prototype, "closed");
  const observed = new Set();
  const QUIET = new Set(["bind", "connect:delay", "close", "end", "unknown"]);
  const cap = Math.max(0, options.cap | 0);
  const prefix = "trace " + env.index + " ";
  const originNs = BigInt(options.origin);
  const offset = Number(process.hrtime.bigint() - originNs) / 1e6 - performance.now();
  const at = (t) => Math.round((t + offset) * 10) / 10;
  const now = () => at(performance.now());

  // ---- records, batched onto fd 3 ----
  let batch = [], timer = null, made = 0, droppedChanged = false;
  const dropped = {};
  /** Past the cap: counts an op left out (true), so the record need not be made. */
  function full(op) {
    if (made < cap) return false;
    dropped[op] = (dropped[op] || 0) + 1;
    if (!droppedChanged) {
      droppedChanged = true;
      if (timer === null) { timer = setTimeout(flush, BATCH_MS); timer.unref(); }
    }
    return true;
  }
  function record(r) {
    if (made >= cap) { dropped[r.op] = (dropped[r.op] || 0) + 1; droppedChanged = true; }
    else { made++; batch.push(r); if (made === cap) capped(); }
    if (timer === null) { timer = setTimeout(flush, BATCH_MS); timer.unref(); }
  }
  function flush() {
    if (timer !== null) { clearTimeout(timer); timer = null; }
    if (droppedChanged) { batch.push({ op: "dropped", counts: Object.assign({}, dropped) }); droppedChanged = false; }
    if (batch.length === 0) return;
    // The watermark: a pending send will be dated when it was made, so not past it.
    let watermark = performance.now();
    for (const op of pending) if (op.kind === "send" && op.since < watermark) watermark = op.since;
    const head = prefix + at(watermark) + " [";
    // Counted in UTF-16 units, at most 3 bytes each in UTF-8: a line stays under LINE_BYTES.
    const budget = Math.floor(LINE_BYTES / 3) - head.length - 2;
    let parts = [], units = 0;
    for (const r of batch) {
      const text = JSON.stringify(r);
      if (text.length > budget) continue;
      if (parts.length > 0 && units + text.length + 1 > budget) { write(head + parts.join(",") + "]\n"); parts = []; units = 0; }
      parts.push(text); units += text.length + 1;
    }
    if (parts.length > 0) write(head + parts.join(",") + "]\n");
    batch = [];
  }
  const pause = new Int32Array(new SharedArrayBuffer(4));
  function write(line) {
    const data = Buffer.from(line);
    for (let tries = 0; tries < 2000; tries++) {
      try { fs.writeSync(FD, data); return; }
      catch (error) { if (error.code !== "EAGAIN") return; Atomics.wait(pause, 0, 0, 1); }
    }
  }
  // Records go out before the output that follows them, and before the process ends.
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write;
    stream.write = function write() { if (batch.length > 0 || droppedChanged) flush(); return original.apply(this, arguments); };
  }
  process.on("exit", flush);

  // ---- frames: size and a short preview, the same for what is sent and what arrives ----
  function bytesOf(value) {
    if (value === null || value === undefined) return value === null ? Buffer.alloc(0) : Buffer.from(String(value));
    if (typeof value === "string") return Buffer.from(value.length > PREVIEW + 1 ? value.slice(0, PREVIEW + 1) : value);
    if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, Math.min(value.byteLength, PREVIEW));
    if (value instanceof ArrayBuffer) return Buffer.from(value, 0, Math.min(value.byteLength, PREVIEW));
    return Buffer.from(String(value));
  }
  function sizeOf(value) {
    if (value === null) return 0;
    if (typeof value === "string") return Buffer.byteLength(value);
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
    return Buffer.byteLength(String(value));
  }
  const PRINTABLE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]*$/;
  // Printable ASCII (the usual case) is previewed without copying.
  const ASCII = /^[\x20-\x7e\t\n\r]*$/;
  /** The first n bytes: printable ASCII (TEXT), holding a control byte (BINARY: never text), or neither (UTF-8 maybe). */
  const TEXT = 0, BINARY = 1, OTHER = 2;
  function kindOf(buffer, n) {
    let kind = TEXT;
    for (let i = 0; i < n; i++) {
      const b = buffer[i];
      if ((b < 0x20 && b !== 9 && b !== 10 && b !== 13) || b === 0x7f) return BINARY;
      if (b > 0x7e) kind = OTHER;
    }
    return kind;
  }
  function frame(value) {
    if (typeof value === "string" && ASCII.test(value)) return { size: value.length, text: value.length > PREVIEW ? value.slice(0, PREVIEW) : value };
    if (Buffer.isBuffer(value)) {
      const n = Math.min(value.length, PREVIEW);
      const kind = kindOf(value, n);
      if (kind === TEXT) return { size: value.length, text: value.latin1Slice(0, n) };
      // Binary (an identity, a number, zeros): the usual non-text frame, previewed without decoding.
      if (kind === BINARY) return { size: value.length, hex: value.hexSlice(0, n) };
    }
    const size = sizeOf(value);
    const bytes = bytesOf(value);
    const n = Math.min(bytes.length, PREVIEW, size);
    // Text when it decodes as printable UTF-8; a preview may end inside a character: leave that one out.
    for (let cut = n; cut >= (size > n ? Math.max(0, n - 3) : n); cut--) {
      const text = bytes.toString("utf8", 0, cut);
      if (Buffer.byteLength(text) === cut && PRINTABLE.test(text)) return { size, text };
    }
    return { size, hex: bytes.toString("hex", 0, n) };
  }
  function frames(message) {
    if (!Array.isArray(message)) return { frames: [frame(message)] };
    const list = message;
    const out = { frames: list.slice(0, MAX_FRAMES).map(frame) };
    if (list.length > MAX_FRAMES) out.moreFrames = list.length - MAX_FRAMES;
    return out;
  }
  const short = (text) => String(text).slice(0, 200);
  const errorOf = (error) => short((error && error.code) || (error && error.message) || error);

  // ---- sockets ----
  const sockets = new WeakMap();
  let nextId = 0;
  const typeGetter = Object.getOwnPropertyDescriptor(proto, "type");
  function state(socket) {
    let s = sockets.get(socket);
    if (s) return s;
    let type;
    try { type = typeGetter && typeGetter.get ? typeGetter.get.call(socket) : undefined; } catch {}
    s = { id: env.name + "/" + ++nextId, type: TYPES[type] || String(type), observer: null, view: null, retrying: false };
    sockets.set(socket, s);
    record({ socket: s.id, type: s.type, op: "open", at: now() });
    try { watch(s, socket); } catch {}
    return s;
  }
  // zeromq's classes (Request, Reply, …): the native Socket's methods cannot be
  // redefined (N-API makes them read-only), so each class gets its own wrappers.
  // A socket is named at its first use (bind, connect, send, …), not when it is
  // made: a wrapped constructor would show in the stack of an error it throws.
  const classes = [];
  for (const key of Object.keys(zmq)) {
    let value;
    try { value = zmq[key]; } catch { continue; }
    if (typeof value === "function" && value !== NativeSocket && Object.getPrototypeOf(value) === NativeSocket) classes.push(value.prototype);
  }
  // An error thrown by zeromq through a wrapper: its stack as without the trace.
  const here = __filename;
  function unwrapped(error) {
    try {
      if (error && typeof error.stack === "string" && error.stack.includes(here)) {
        error.stack = error.stack.split("\n").filter((line) => !line.includes(here)).join("\n");
      }
    } catch {}
    return error;
  }

  // ---- pending operations: what keeps the process alive, and what is waited for ----
  let pendingCount = 0;
  const pending = new Set();
  let ticker = null;
  function begin(s, kind, since) {
    pendingCount++;
    const op = { s, kind, since, waited: false };
    pending.add(op);
    tick();
    return op;
  }
  function end(op) { pendingCount--; pending.delete(op); }
  // Every 25 ms while a send or receive may turn into a wait; else every 100 ms (to let the process end).
  let tickerSoon = false;
  function tick() {
    // Already sweeping soon (what every send and receive finds): nothing to change.
    if (ticker !== null && tickerSoon) return;
    let soon = false;
    for (const op of pending) if (!op.waited && op.kind !== "other") { soon = true; break; }
    if (ticker !== null) {
      if (tickerSoon || !soon) return;
      clearTimeout(ticker);
    }
    tickerSoon = soon;
    ticker = setTimeout(sweep, soon ? 25 : 100);
    ticker.unref();
  }
  let idleSweeps = 0;
  function sweep() {
    const t = performance.now();
    for (const op of pending) {
      if (!op.waited && op.kind !== "other" && t - op.since >= WAIT_MS) {
        op.waited = true;
        record({ socket: op.s.id, op: "wait", for: op.kind, since: at(op.since), at: now() });
      }
    }
    if (observed.size > 0 && !busy()) {
      // Nothing but the trace's own monitor reads would keep the process alive: let it end.
      if (++idleSweeps >= 2) for (const s of [...observed]) stopWatching(s);
    } else idleSweeps = 0;
    ticker = null;
    if (pending.size > 0 || observed.size > 0) tick();
  }
  function busy() {
    if (pendingCount > 0) return true;
    let active = process.getActiveResourcesInfo().length;
    if (active === 0) return false;
    for (const handle of process._getActiveHandles()) {
      const h = handle && handle._handle;
      // Unreferenced handles (stdout and stderr when they are pipes, as in the sandbox), and
      // streams that neither read nor write (stdout between writes), keep nothing alive.
      if (!h) continue;
      if (typeof h.hasRef === "function" && !h.hasRef()) active--;
      else if (typeof h.reading === "boolean" && !h.reading && !handle.connecting && !(handle.writableLength > 0)) active--;
    }
    return active > 0;
  }
  // Calls the original and follows its promise; times are taken before the call.
  function track(s, kind, self, original, args, done, failed) {
    const since = performance.now();
    let promise;
    try { promise = original.apply(self, args); } catch (error) { throw unwrapped(error); }
    if (!promise || typeof promise.then !== "function") return promise;
    const op = begin(s, kind, since);
    return promise.then(
      (value) => { end(op); try { done(value, op); } catch {} return value; },
      (error) => { end(op); try { failed(error, op); } catch {} throw error; },
    );
  }

  function define(target, name, value) {
    Object.defineProperty(target, name, { configurable: true, writable: true, enumerable: false, value });
  }
  function wrap(name, make) {
    for (const target of classes) {
      const original = target[name];
      if (typeof original !== "function") continue;
      define(target, name, make(original));
    }
  }
  wrap("bind", (original) => function bind(address) {
    const s = state(this);
    const endpoint = short(address);
    return track(s, "other", this, original, arguments,
      () => { let actual; try { actual = this.lastEndpoint; } catch {} record({ socket: s.id, op: "bind", endpoint, ...(actual && actual !== endpoint ? { address: short(actual) } : {}), at: now() }); },
      (error) => record({ socket: s.id, op: "bind", endpoint, error: errorOf(error), at: now() }));
  });
  wrap("unbind", (original) => function unbind(address) {
    const s = state(this);
    return track(s, "other", this, original, arguments, () => record({ socket: s.id, op: "unbind", endpoint: short(address), at: now() }), () => {});
  });
  // bindSync and unbindSync are zeromq 5's (v5-compat).
  for (const name of ["connect", "disconnect", "bindSync", "unbindSync"]) {
    const op = name.replace("Sync", "");
    wrap(name, (original) => function (address) {
      const s = state(this);
      const t = now();
      const endpoint = short(address);
      try {
        const result = original.apply(this, arguments);
        let actual;
        if (op === "bind") { try { actual = this.lastEndpoint; } catch {} }
        record({ socket: s.id, op, endpoint, ...(actual && actual !== endpoint ? { address: short(actual) } : {}), at: t });
        return result;
      } catch (error) {
        record({ socket: s.id, op, endpoint, error: errorOf(error), at: t });
        throw unwrapped(error);
      }
    });
  }
  // send and receive run for every message. Each class gets one small wrapper for
  // good: below the cap it hands the call to tracedSend or tracedReceive, past it
  // it only counts and gives the program zeromq's own promise. V8 then optimizes
  // the program's loop with that small wrapper inlined, not the trace behind it
  // (compiling the loop with the trace inlined took 17–29 ms instead of 4–6), and
  // recompiles it at the cap at most once, small (the counting branch's first run).
  function sentAt(op, r) {
    if (op.waited) { r.since = at(op.since); r.at = now(); } else r.at = at(op.since);
    return r;
  }
  function tracedSend(self, args, original) {
    const s = state(self);
    const since = performance.now();
    let described;
    try { described = frames(args[0]); } catch { described = { frames: [] }; }
    let promise;
    try { promise = original.apply(self, args); } catch (error) { throw unwrapped(error); }
    const op = begin(s, "send", since);
    return promise.then(
      (value) => {
        end(op);
        if (!full("send")) {
          const r = { socket: s.id, op: "send", frames: described.frames };
          if (described.moreFrames) r.moreFrames = described.moreFrames;
          record(sentAt(op, r));
        }
        return value;
      },
      (error) => {
        end(op);
        if (!full("send")) record(sentAt(op, { socket: s.id, op: "send", frames: described.frames, error: errorOf(error) }));
        throw error;
      },
    );
  }
  function tracedReceive(self, args, original) {
    const s = state(self);
    const since = performance.now();
    let promise;
    try { promise = original.apply(self, args); } catch (error) { throw unwrapped(error); }
    const op = begin(s, "receive", since);
    return promise.then(
      (message) => {
        end(op);
        if (!full("receive")) { try { const r = frames(message); r.socket = s.id; r.op = "receive"; r.at = now(); record(r); } catch {} }
        return message;
      },
      (error) => {
        end(op);
        if (!self.closed && !full("receive")) record({ socket: s.id, op: "receive", error: errorOf(error), at: now() });
        throw error;
      },
    );
  }
  // Called through a Proxy: V8 inlines only plain functions, so the trace's code stays
  // out of the program's optimized loop (compiling it there cost more than running it).
  const traceSend = new Proxy(tracedSend, {}), traceReceive = new Proxy(tracedReceive, {});
  wrap("send", (original) => function send(message) {
    if (made < cap) return traceSend(this, arguments, original);
    full("send");
    try { return arguments.length === 1 ? original.call(this, message) : original.apply(this, arguments); } catch (error) { throw unwrapped(error); }
  });
  wrap("receive", (original) => function receive() {
    if (made < cap) return traceReceive(this, arguments, original);
    full("receive");
    try { return arguments.length === 0 ? original.call(this) : original.apply(this, arguments); } catch (error) { throw unwrapped(error); }
  });
  wrap("close", (original) => function close() {
    const s = sockets.get(this);
    const wasOpen = !this.closed;
    let result;
    try { result = original.apply(this, arguments); } catch (error) { throw unwrapped(error); }
    if (s && wasOpen) {
      record({ socket: s.id, op: "close", at: now() });
      // The monitor of a closed socket ends only when its linger is over, and a pending
      // read of it would keep the process alive meanwhile (untraced, Node would reach its
      // exit and wait there): once what it already holds is read, the trace stops reading
      // it — unless the program reads socket.events itself, which would keep it alive too.
      if (s.observer && !s.view && observed.has(s)) setTimeout(() => { if (!s.view) stopWatching(s); }, DRAIN_MS).unref();
    }
    return result;
  });
  // ---- socket.events: read by the trace, shown to the program as its own ----
  function watch(s, socket) {
    if (!eventsGetter || !eventsGetter.get || made >= cap) return;
    try { s.observer = eventsGetter.get.call(socket); } catch { return; }
    observed.add(s);
    tick();
    void read(s);
  }
  async function read(s) {
    const observer = s.observer;
    for (;;) {
      let event;
      try {
        if (observerClosed.get.call(observer)) break;
        event = await observerReceive.call(observer);
      } catch { break; }
      if (!event) break;
      onEvent(s, event);
      if (s.view) s.view.push(event);
      if (event.type === "end") break;
    }
    observed.delete(s);
    if (s.view) s.view.finish();
  }
  // At the cap, the events the trace reads would all be left out: it stops reading
  // them, except where the program reads them too.
  function capped() {
    for (const s of [...observed]) if (!s.view) stopWatching(s);
  }
  function stopWatching(s) {
    observed.delete(s);
    try { observerClose.call(s.observer); } catch {}
  }
  function onEvent(s, event) {
    const type = String(event.type);
    if (QUIET.has(type)) return;
    if (type === "connect:retry") { if (s.retrying) return; s.retrying = true; }
    if (type === "connect" || type === "accept" || type === "handshake") s.retrying = false;
    const r = { socket: s.id, op: "event", event: type };
    if (event.address) r.endpoint = short(event.address);
    if (event.error) r.error = errorOf(event.error);
    r.at = now();
    record(r);
  }
  function observerError(message, code, errno) {
    const error = new Error(message);
    error.code = code; error.errno = errno;
    return error;
  }
  // What the program sees as socket.events: the same events, from its first look on.
  function view(s) {
    const queue = [];
    let waiter = null, closed = false;
    const v = Object.create(NativeObserver.prototype);
    const settle = (value) => { const w = waiter; waiter = null; pendingCount--; w(value); };
    Object.defineProperties(v, {
      closed: { configurable: true, get: () => closed },
      receive: { configurable: true, writable: true, value: function receive() {
        if (closed) throw observerError("Socket is closed", "EBADF", 9);
        if (waiter) throw observerError("Observer is busy reading; only one receive operation may be in progress at any time", "EBUSY", 16);
        if (queue.length > 0) { const event = queue.shift(); if (event.type === "end") closed = true; return Promise.resolve(event); }
        pendingCount++;
        return new Promise((resolve) => { waiter = resolve; });
      } },
      close: { configurable: true, writable: true, value: function close() {
        closed = true; queue.length = 0;
        if (waiter) settle(undefined);
      } },
    });
    s.view = {
      object: v,
      push(event) {
        if (closed) return;
        if (waiter) { if (event.type === "end") closed = true; settle(event); }
        else if (queue.length < 1000) queue.push(event);
      },
      finish() { if (waiter) { closed = true; settle(undefined); } },
    };
    return v;
  }
  if (eventsGetter && eventsGetter.get) for (const target of classes) Object.defineProperty(target, "events", {
    configurable: true,
    enumerable: eventsGetter ? eventsGetter.enumerable : false,
    get() {
      const s = state(this);
      if (!s.observer) return eventsGetter.get.call(this);
      return s.view ? s.view.object : view(s);
    },
  });
}
module.exports.enableTrace = enableTrace;
`;
