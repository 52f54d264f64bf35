import { constants } from "node:os";
import { StringDecoder } from "node:string_decoder";
import type { RunnerConfig } from "./config";
import { formatBytes, formatMs } from "./config";
import type { ControlMessage, RunSandbox, SandboxBackend } from "./sandbox/launcher";
import { evaluateCheck, noteFor, type RunExpectations } from "./checks";
import { describeLearnerError, hintFor, parseUncaughtError, REPORT_TAIL_CHARS, type LearnerError } from "./learner-error";
import { RunTrace } from "./trace";
import { formatCompileErrors, type TranspileResult } from "./transpile";
import type { EndStatus, RunEvent, RunEventMap, RunEventType, RunRequest, SourceLocation } from "./types";

export type RunState = "queued" | "running" | "ended";

/** What a run reports when it is over, for metrics and the log line. */
export interface RunSummary {
  id: string;
  status: EndStatus;
  durationMs: number;
  queuedMs: number;
  firstOutputMs: number | null;
  outputBytes: number;
  processes: number;
  client: string;
  lesson?: string;
  snippet?: string;
  variant?: string;
}

interface ProcessState {
  name: string;
  entry: string;
  delayMs: number;
  startedAt: number | null;
  exitCode: number | null | undefined;
  openStreams: number;
  exitEmitted: boolean;
  drainTimer?: NodeJS.Timeout;
  /** The uncaught exception it died of, read from its stderr when it exited. */
  failure?: LearnerError;
  /** Killed through the API (POST …/processes/<name>/kill or /restart). */
  killedByRequest?: boolean;
  /** To be started again once its exit is out (a restart of a running process). */
  restartPending?: boolean;
  /** Output that arrived while its trace was held back (a receive waiting for its send): it follows the trace. */
  deferredOutput?: { stream: "stdout" | "stderr"; data: string }[];
  /** Its exit waits for its trace to go out. */
  exitAfterTrace?: boolean;
}

/** What a refused kill or restart says: its HTTP status, code and sentence. */
export interface ProcessActionProblem {
  status: 404 | 409;
  code: string;
  message: string;
}

/** What an event costs in memory beyond its text (object, id, JSON framing). */
const EVENT_OVERHEAD_BYTES = 120;
/** One output event carries at most this much text. */
const MAX_COALESCED_CHARS = 64 * 1024;

function eventWeight(data: unknown): number {
  if (data && typeof data === "object" && "data" in data && typeof (data as { data: unknown }).data === "string") {
    return 2 * (data as { data: string }).data.length;
  }
  // A trace event with frames carries a preview of each.
  if (data && typeof data === "object" && "frames" in data && Array.isArray((data as { frames: unknown }).frames)) {
    return 200 + 80 * (data as { frames: unknown[] }).frames.length;
  }
  return 200;
}

/** A run this young counts as computing: starting its processes is work. */
const BUSY_START_MS = 300;
/** The share of a core a run uses to count as computing. */
const BUSY_SHARE = 0.2;

/** Signal number → name; the first name wins, so 6 is SIGABRT rather than its alias SIGIOT. */
const SIGNAL_NAMES = new Map<number, string>();
for (const [name, number] of Object.entries(constants.signals)) if (!SIGNAL_NAMES.has(number)) SIGNAL_NAMES.set(number, name);

/** bash reports a death by signal N as exit status 128 + N. */
export function decodeExitStatus(status: number): { code: number | null; signal: string | null } {
  const signal = SIGNAL_NAMES.get(status - 128);
  if (status > 128 && signal) return { code: null, signal };
  return { code: status, signal: null };
}

function describeSignal(signal: string): string {
  switch (signal) {
    case "SIGSEGV":
    case "SIGBUS":
      return `crashed (${signal}): a native crash, for example from a socket left half-built after an error`;
    case "SIGABRT":
      return "aborted (SIGABRT): a native crash or process.abort()";
    case "SIGKILL":
      return "was killed (SIGKILL)";
    default:
      return `was ended by ${signal}`;
  }
}

export interface RunDependencies {
  config: RunnerConfig;
  host: SandboxBackend;
  /** The clock (Date.now unless a test drives time). */
  now?: () => number;
  onEnd: (summary: RunSummary) => void;
  /** What the lesson expects of this run (its exercise check, its variant's note), when it was started for one. */
  check?: RunExpectations;
}

/**
 * One run: its event log (kept for replay), its sandbox while it runs, and the
 * limits that can end it. Events are only ever appended, so a client that
 * reconnects with Last-Event-ID reads exactly what it missed.
 */
export class Run {
  readonly createdAt: number;
  readonly events: RunEvent[] = [];
  state: RunState = "queued";
  endedAt: number | null = null;
  /** When the last client reading the event stream left. */
  lastWatchedAt: number;
  /** Roughly what the kept events weigh, for the runner's retention budget. */
  retainedBytes = 0;

  private readonly listeners = new Set<(event: RunEvent) => void>();
  private readonly now: () => number;
  private sandbox: RunSandbox | null = null;
  private processes: ProcessState[];
  private startedAt = 0;
  private firstOutputAt: number | null = null;
  private outputBytes = 0;
  private endReason: { status: EndStatus; message: string; limit?: number } | null = null;
  private timers: NodeJS.Timeout[] = [];
  private lastActivityAt = 0;
  private cpuHistory: { at: number; cpu: number }[] = [];
  private blockedEmitted = false;
  private queuePosition = 0;
  private queuePositionAt = 0;
  /** CPU time the sandbox had used when the run got it (its processes booted ahead). */
  private cpuBaselineMs = 0;
  /** The last resource sample: ms since the epoch, and the demand (CPU used + run-queue wait, ms) so far. */
  private lastDemand: { at: number; ms: number } | null = null;
  /** Run-queue wait of the run's processes: the last sum seen, and the rises added up (ms). */
  private waitSeenMs: number | undefined;
  private waitedMs = 0;
  /** Share of a core the run asked for since its last sample (CPU used + run-queue wait). */
  private cpuShare = 0;
  private cpuShareSamples = 0;
  /** Output gathered for one event: one (process, stream) at a time, so order is kept. */
  private pendingOutput: { type: "stdout" | "stderr"; process: string; data: string } | null = null;
  private pendingTimer: NodeJS.Timeout | undefined;
  private lastOutputEmitAt = 0;
  private finished!: () => void;
  private readonly stdin: NodeJS.WritableStream[] = [];
  /** The socket trace of a run posted with "trace": true, once it runs. */
  private trace: RunTrace | null = null;
  /** The run's start on CLOCK_MONOTONIC (ns): the trace's clock, inside the sandbox too. */
  private traceOrigin = 0n;
  readonly done = new Promise<void>((resolve) => (this.finished = resolve));

  constructor(
    readonly id: string,
    readonly request: RunRequest,
    private readonly program: TranspileResult,
    readonly client: string,
    private readonly deps: RunDependencies,
  ) {
    this.now = deps.now ?? Date.now;
    this.createdAt = this.now();
    this.lastWatchedAt = this.createdAt;
    this.processes = request.processes.map((p) => ({
      name: p.name,
      entry: program.entries[p.entry] ?? p.entry,
      delayMs: p.delayMs,
      startedAt: null,
      exitCode: undefined,
      openStreams: 2,
      exitEmitted: false,
    }));
  }

  /** A run whose code did not compile: it ends at once, with the errors as the learner's stderr. */
  static failedToCompile(id: string, request: RunRequest, errors: SourceLocation[], client: string, deps: RunDependencies): Run {
    const run = new Run(id, request, { outputs: {}, entries: {} }, client, deps);
    const text = formatCompileErrors(errors, request.files);
    const name = request.processes[0]!.name;
    run.emit("stderr", { process: name, data: text });
    const first = errors[0]!;
    run.endReason = {
      status: "failed",
      message: `The code does not compile: ${first.file}:${first.line}:${first.column}: ${first.message}`,
    };
    run.complete(errors);
    return run;
  }

  emit<T extends RunEventType>(type: T, data: RunEventMap[T]) {
    // Output waiting to be gathered goes first: events stay in the order they happened.
    if (this.pendingOutput) this.flushOutput();
    this.append(type, data);
  }

  private append<T extends RunEventType>(type: T, data: RunEventMap[T]) {
    const event = { id: this.events.length + 1, type, data } as RunEvent;
    this.events.push(event);
    this.retainedBytes += EVENT_OVERHEAD_BYTES + eventWeight(data);
    for (const listener of this.listeners) listener(event);
  }

  /** Clients reading the event stream now. */
  get watchers(): number {
    return this.listeners.size;
  }

  /** Calls `listener` for every event after `afterId`, then for new ones; returns the unsubscribe. */
  subscribe(afterId: number, listener: (event: RunEvent) => void): () => void {
    for (const event of this.events) if (event.id > afterId) listener(event);
    this.listeners.add(listener);
    return () => {
      if (this.listeners.delete(listener)) this.lastWatchedAt = this.now();
    };
  }

  /**
   * Tells a waiting run its place. With a thousand runs waiting, announcing every
   * step to every run would be a million events: a run hears of a change at most
   * once a second, except for the last few steps before its turn.
   */
  setQueuePosition(position: number) {
    if (this.state !== "queued" || position === this.queuePosition) return;
    const now = this.now();
    if (this.queuePosition !== 0 && position > 3 && now - this.queuePositionAt < 1_000) return;
    this.queuePosition = position;
    this.queuePositionAt = now;
    this.emit("queued", { position });
  }

  /**
   * Whether the run computes now: its sandbox is still being started, it started less
   * than BUSY_START_MS ago or has no share measured yet, or it asked for a fifth of a core
   * or more since its last sample (used it, or waited for it: see watchResources). A run
   * that waits in receive() does not; a start, a busy loop or a benchmark does.
   */
  get computing(): boolean {
    if (this.state !== "running") return false;
    // Still getting its sandbox (a cold start), or no share measured yet: that is work too.
    if (!this.sandbox || this.cpuShareSamples < 2) return true;
    return this.now() - this.startedAt < BUSY_START_MS || this.cpuShare >= BUSY_SHARE;
  }

  /** Starts the processes (the scheduler calls this when a slot is free); resolves when the run is over. */
  start(): Promise<void> {
    if (this.state !== "queued") return this.done;
    this.state = "running";
    this.startedAt = this.now();
    this.traceOrigin = process.hrtime.bigint();
    this.lastActivityAt = this.startedAt;
    void this.launch();
    return this.done;
  }

  private async launch() {
    const { config, host } = this.deps;
    // The clock starts now, not when the sandbox is up: setting it up is part of the run.
    this.timers.push(
      setTimeout(
        () => this.finish("timeout", `The run took longer than its time limit of ${formatMs(this.request.timeoutMs)} and was stopped.`, this.request.timeoutMs),
        this.request.timeoutMs,
      ),
    );
    let sandbox: RunSandbox;
    try {
      sandbox = await host.acquire(this.processes.length);
    } catch (error) {
      this.endReason ??= { status: "error", message: `The sandbox could not start: ${(error as Error).message}` };
      this.complete();
      return;
    }
    this.sandbox = sandbox;
    // Stopped (or timed out) while the sandbox was being found.
    if (this.endReason) {
      sandbox.kill();
      void sandbox.closed().then(() => this.complete());
      return;
    }
    this.cpuBaselineMs = sandbox.sample().cpuTicks * 10;
    if (this.request.trace) {
      this.trace = new RunTrace(
        this.processes.map((p) => p.name),
        config.traceEvents,
        (event) => this.emit("trace", event),
        undefined,
        (index) => this.traceReleased(index),
      );
    }
    const pipes = sandbox.bind(this.processes.length, this.program.outputs, (message) => this.onControl(message));
    pipes.forEach((pipe, index) => {
      this.stdin.push(pipe.stdin);
      this.readOutput(index, "stdout", pipe.stdout);
      this.readOutput(index, "stderr", pipe.stderr);
    });
    void sandbox.closed().then(() => this.complete());
    this.timers.push(setInterval(() => this.watchResources(), config.sampleMs));
    let waiting = this.processes.length;
    const startOne = (index: number) => {
      if (this.endReason) return;
      const process = this.processes[index]!;
      process.startedAt = this.now();
      this.lastActivityAt = process.startedAt;
      this.emit("start", { process: process.name });
      sandbox.start(index, this.header(index));
      if (--waiting === 0) sandbox.endStarts();
    };
    this.processes.forEach((process, index) => {
      if (process.delayMs === 0) startOne(index);
      else this.timers.push(setTimeout(() => startOne(index), process.delayMs));
    });
  }

  /** Process `index`'s trace caught up: the output and exit it held back follow. */
  private traceReleased(index: number) {
    const process = this.processes[index]!;
    const deferred = process.deferredOutput;
    process.deferredOutput = undefined;
    for (const { stream, data } of deferred ?? []) this.output(stream, process.name, data);
    if (process.exitAfterTrace) {
      process.exitAfterTrace = false;
      this.emitExit(process);
    }
  }

  /** Output of process `index`: after its trace, when the trace holds a receive back. */
  private deliver(index: number, stream: "stdout" | "stderr", data: string) {
    const process = this.processes[index]!;
    if (process.deferredOutput || this.trace?.holding(index)) (process.deferredOutput ??= []).push({ stream, data });
    else this.output(stream, process.name, data);
  }

  /** What process `index` is told to run, at its start and at a restart. */
  private header(index: number) {
    const process = this.processes[index]!;
    return {
      main: process.entry,
      name: process.name,
      args: this.request.processes[index]!.args ?? [],
      // Each process may fill an equal share of the run's cap (the runner keeps the cap itself).
      ...(this.trace ? { trace: { origin: String(this.traceOrigin), cap: Math.ceil(this.deps.config.traceEvents / this.processes.length) } } : {}),
    };
  }

  /** Milliseconds since the run started, on the trace's clock. */
  private traceNow(): number {
    return Math.round(Number(process.hrtime.bigint() - this.traceOrigin) / 1e5) / 10;
  }

  /** The process a kill or restart names, when it can be acted on now; else the problem. */
  private actionTarget(name: string): { index: number; problem?: undefined } | { index?: undefined; problem: ProcessActionProblem } {
    const index = this.processes.findIndex((p) => p.name === name);
    if (index < 0) {
      return { problem: { status: 404, code: "unknown-process", message: `This run has no process named "${name}" (it has ${this.processes.map((p) => p.name).join(", ")}).` } };
    }
    if (this.state === "ended" || this.endReason) return { problem: { status: 409, code: "run-ended", message: "The run has already ended." } };
    if (this.state === "queued" || !this.sandbox || this.processes[index]!.startedAt === null) {
      return { problem: { status: 409, code: "process-not-started", message: `"${name}" has not started yet.` } };
    }
    return { index };
  }

  /** Kills a running process (SIGKILL): its exit shows the signal, and it may be restarted. */
  killProcess(name: string): ProcessActionProblem | undefined {
    const target = this.actionTarget(name);
    if (target.problem) return target.problem;
    const process = this.processes[target.index]!;
    if (process.exitCode !== undefined || process.killedByRequest || !this.sandbox!.killProcess(target.index)) {
      return { status: 409, code: "process-exited", message: `"${name}" is not running (it has exited).` };
    }
    process.killedByRequest = true;
    this.trace?.note(target.index, { op: "kill", at: this.traceNow() });
    return undefined;
  }

  /**
   * Starts a process again with the same file and arguments: a running one is
   * killed first (its exit, then a new start), one that was killed starts now.
   */
  restartProcess(name: string): ProcessActionProblem | undefined {
    const target = this.actionTarget(name);
    if (target.problem) return target.problem;
    const index = target.index;
    const process = this.processes[index]!;
    const stdin = this.stdin[index] as (NodeJS.WritableStream & { writableEnded?: boolean }) | undefined;
    const killed = process.exitCode === 137;
    if (process.restartPending) return { status: 409, code: "restart-pending", message: `"${name}" is already being restarted.` };
    if ((process.exitCode !== undefined && !killed) || !stdin || stdin.writableEnded) {
      return {
        status: 409,
        code: "process-not-restartable",
        message: `"${name}" exited on its own (or its stdin was closed); a process can be restarted while it runs or after it was killed.`,
      };
    }
    this.trace?.note(index, { op: "restart", at: this.traceNow() });
    if (process.exitCode === undefined) {
      if (!this.sandbox!.killProcess(index)) return { status: 409, code: "process-exited", message: `"${name}" is not running (it has exited).` };
      process.killedByRequest = true;
      process.restartPending = true;
    } else if (!process.exitEmitted) process.restartPending = true;
    else this.startAgain(index);
    return undefined;
  }

  private startAgain(index: number) {
    const process = this.processes[index]!;
    process.restartPending = false;
    if (this.endReason || this.state !== "running") return;
    process.exitCode = undefined;
    process.exitEmitted = false;
    process.failure = undefined;
    process.killedByRequest = false;
    process.startedAt = this.now();
    this.lastActivityAt = process.startedAt;
    this.blockedEmitted = false;
    this.trace?.processRestarted(index);
    this.emit("start", { process: process.name });
    this.sandbox?.restart(index, this.header(index));
  }

  /**
   * Every process has exited and none is to start again: killed ones, whose pipes
   * wait in the sandbox for a restart, are let go, so the sandbox can finish.
   */
  private releaseIfAllExited() {
    if (this.processes.some((p) => p.startedAt === null || p.exitCode === undefined || p.restartPending || !p.exitEmitted)) return;
    for (const stdin of this.stdin as (NodeJS.WritableStream & { writableEnded?: boolean })[]) if (!stdin.writableEnded) stdin.end();
  }

  /** Ends the run early with `status`; the first reason wins. Output already sent stays. */
  finish(status: EndStatus, message: string, limit?: number) {
    if (this.state === "ended" || this.endReason) return;
    this.endReason = limit === undefined ? { status, message } : { status, message, limit };
    if (this.state === "queued") {
      this.complete();
      return;
    }
    this.sandbox?.kill();
  }

  stop() {
    this.finish("stopped", "Stopped by the user.");
  }

  /** Writes to a process's stdin; returns a problem to report, or undefined. */
  writeStdin(processName: string, data: string, eof: boolean): { code: string; message: string } | undefined {
    const index = this.processes.findIndex((p) => p.name === processName);
    if (index < 0) {
      return { code: "unknown-process", message: `This run has no process named "${processName}" (it has ${this.processes.map((p) => p.name).join(", ")}).` };
    }
    if (this.state === "ended") return { code: "run-ended", message: "The run has already ended." };
    if (this.processes[index]!.exitCode !== undefined) return { code: "process-exited", message: `"${processName}" has already exited.` };
    const stdin = this.stdin[index] as (NodeJS.WritableStream & { writableEnded?: boolean }) | undefined;
    if (this.state === "queued" || !stdin) return { code: "run-not-started", message: "The run has not started yet; send stdin once its process has started." };
    if (stdin.writableEnded) return { code: "stdin-closed", message: `The stdin of "${processName}" is closed (eof was sent).` };
    if (eof) stdin.end();
    else stdin.write(data);
    return undefined;
  }

  private onControl(message: ControlMessage) {
    if (message.type === "trace") {
      this.trace?.onLine(message.index, message.watermark, message.records);
      return;
    }
    const process = this.processes[message.index];
    if (!process || process.startedAt === null || process.exitCode !== undefined) return;
    process.exitCode = message.code;
    this.lastActivityAt = this.now();
    if (process.openStreams === 0) this.emitExit(process);
    // Output a grandchild keeps open must not hold the exit back for long.
    else process.drainTimer = setTimeout(() => this.emitExit(process), 200);
  }

  private emitExit(process: ProcessState) {
    if (process.exitEmitted || process.startedAt === null) return;
    const index = this.processes.indexOf(process);
    if (this.trace?.holding(index) && this.state !== "ended") {
      process.exitAfterTrace = true;
      return;
    }
    process.exitEmitted = true;
    clearTimeout(process.drainTimer);
    const { code, signal } =
      process.exitCode === undefined || process.exitCode === null
        ? { code: null, signal: "SIGKILL" }
        : decodeExitStatus(process.exitCode);
    if (code !== null && code !== 0) this.readFailure(process);
    this.trace?.processEnded(index);
    this.emit("exit", { process: process.name, code, signal, durationMs: this.now() - process.startedAt });
    if (process.restartPending) this.startAgain(index);
    else this.releaseIfAllExited();
  }

  /**
   * A process that exited with an error: reads Node's report of an uncaught
   * exception from the end of its stderr (for the end message and `end.errors`),
   * and adds a hint below it when the cause is a well-known one.
   */
  private readFailure(process: ProcessState) {
    this.flushOutput();
    let tail = "";
    for (let i = this.events.length - 1; i >= 0 && tail.length < REPORT_TAIL_CHARS; i--) {
      const event = this.events[i]!;
      if (event.type === "stderr" && (event.data as RunEventMap["stderr"]).process === process.name) {
        tail = (event.data as RunEventMap["stderr"]).data + tail;
      }
    }
    process.failure = parseUncaughtError(tail.slice(-REPORT_TAIL_CHARS), Object.keys(this.request.files));
    const hint = process.failure && hintFor(process.failure);
    if (hint) this.append("stderr", { process: process.name, data: hint.stderr });
  }

  /** Where the learner's code threw, for the editor to mark: one per process that died of an exception. */
  private runtimeErrors(): SourceLocation[] {
    return this.processes.flatMap((p) => (p.failure?.location ? [{ ...p.failure.location, message: p.failure.message }] : []));
  }

  private readOutput(index: number, stream: "stdout" | "stderr", readable: NodeJS.ReadableStream) {
    const process = this.processes[index]!;
    const decoder = new StringDecoder("utf8");
    const limit = this.deps.config.outputBytes;
    readable.on("data", (chunk: Buffer) => {
      if (this.endReason?.status === "output-limit") return;
      this.lastActivityAt = this.now();
      this.firstOutputAt ??= this.lastActivityAt;
      let bytes = chunk;
      const room = limit - this.outputBytes;
      if (bytes.length > room) bytes = bytes.subarray(0, Math.max(0, room));
      this.outputBytes += bytes.length;
      const data = decoder.write(bytes);
      if (data) this.deliver(index, stream, data);
      if (bytes.length < chunk.length) {
        this.finish("output-limit", `The run printed more than its output limit of ${formatBytes(limit)} and was stopped.`, limit);
      }
    });
    readable.on("error", () => {});
    readable.on("close", () => {
      const rest = decoder.end();
      if (rest && this.endReason?.status !== "output-limit") this.deliver(index, stream, rest);
      process.openStreams--;
      if (process.openStreams === 0 && process.exitCode !== undefined) this.emitExit(process);
    });
  }

  /**
   * Output becomes events, gathered: a program writing one byte at a time would
   * otherwise make tens of thousands of events, each kept for replay. The first
   * chunk after a quiet spell goes out at once (a prompt or a first line is never
   * held back); chunks that follow within `coalesceMs` join it.
   */
  private output(type: "stdout" | "stderr", process: string, data: string) {
    const pending = this.pendingOutput;
    if (pending && pending.type === type && pending.process === process && pending.data.length < MAX_COALESCED_CHARS) {
      pending.data += data;
      return;
    }
    if (pending) this.flushOutput();
    const now = this.now();
    const wait = this.deps.config.coalesceMs;
    if (wait === 0 || now - this.lastOutputEmitAt >= wait) {
      this.lastOutputEmitAt = now;
      this.append(type, { process, data });
      return;
    }
    this.pendingOutput = { type, process, data };
    this.pendingTimer = setTimeout(() => this.flushOutput(), wait);
  }

  private flushOutput() {
    clearTimeout(this.pendingTimer);
    const pending = this.pendingOutput;
    if (!pending) return;
    this.pendingOutput = null;
    this.lastOutputEmitAt = this.now();
    this.append(pending.type, { process: pending.process, data: pending.data });
  }

  private watchResources() {
    const sandbox = this.sandbox;
    if (!sandbox || this.state !== "running" || this.endReason) return;
    const { config } = this.deps;
    const sample = sandbox.sample();
    // The task limit first: a fork bomb also eats memory, but its cause is the processes.
    if (sandbox.taskLimitHits() > 0 || sample.tasks >= config.maxTasks) {
      this.finish(
        "process-limit",
        `The run tried to use more than its limit of ${config.maxTasks} processes and threads and was stopped.`,
        config.maxTasks,
      );
      return;
    }
    if (sandbox.oomKills() > 0 || sample.memoryBytes > config.memoryBytes) {
      this.finish("memory-limit", `The run used more than its memory limit of ${formatBytes(config.memoryBytes)} and was stopped.`, config.memoryBytes);
      return;
    }
    const at = this.now();
    const cpuMs = sample.cpuTicks * 10;
    // The sum falls when a process exits (its wait goes with it): only rises count.
    if (sample.waitMs !== undefined) {
      if (this.waitSeenMs !== undefined) this.waitedMs += Math.max(0, sample.waitMs - this.waitSeenMs);
      this.waitSeenMs = sample.waitMs;
    }
    // What the run asks of the CPU: what it got, and what it waited for. On a machine
    // short of cores a run that computes gets little CPU; measured by what it got, it
    // would look like one that waits in receive() (and let more runs in, or look blocked).
    const demandMs = cpuMs + this.waitedMs;
    if (this.lastDemand && at > this.lastDemand.at) this.cpuShare = (demandMs - this.lastDemand.ms) / (at - this.lastDemand.at);
    this.lastDemand = { at, ms: demandMs };
    this.cpuShareSamples++;
    if (cpuMs - this.cpuBaselineMs > config.cpuMs) {
      this.finish(
        "cpu-limit",
        `The run used more than its CPU-time limit of ${formatMs(config.cpuMs)} (all processes together) and was stopped.`,
        config.cpuMs,
      );
      return;
    }
    // CPU only: an idle process that wakes for a timer on a busy machine waits for a core
    // each time, and that wait must not hide a deadlock's quiet.
    this.detectBlocked(sample.cpuTicks);
  }

  /**
   * Emits `blocked` once per quiet spell: no output and (almost) no CPU for `blockedAfterMs`.
   */
  private detectBlocked(cpu: number) {
    const now = this.now();
    const window = this.deps.config.blockedAfterMs;
    this.cpuHistory.push({ at: now, cpu });
    while (this.cpuHistory.length > 2 && this.cpuHistory[1]!.at <= now - window) this.cpuHistory.shift();
    const oldest = this.cpuHistory[0]!;
    // Clock ticks are 10 ms: allow two for timers and the odd wake-up of an idle process.
    const cpuQuiet = oldest.at <= now - window && cpu - oldest.cpu <= 2;
    const outputQuiet = now - this.lastActivityAt >= window;
    if (!cpuQuiet || !outputQuiet) {
      this.blockedEmitted = false;
      return;
    }
    const pending = this.processes.some((p) => p.startedAt === null);
    const live = this.processes.filter((p) => p.startedAt !== null && p.exitCode === undefined).map((p) => p.name);
    if (this.blockedEmitted || pending || live.length === 0) return;
    this.blockedEmitted = true;
    const idleMs = now - Math.max(this.lastActivityAt, oldest.at);
    const who = live.length === 1 ? `"${live[0]}" has` : `All processes (${live.join(", ")}) have`;
    this.emit("blocked", {
      processes: live,
      idleMs: Math.max(idleMs, window),
      message: `${who} been waiting for ${formatMs(window)} without using the CPU or printing anything. Something is waiting for an event that will never come: a receive() or send() with no partner (a deadlock), or a process that cannot exit while undelivered messages linger. Stop the run, or it ends at its time limit.`,
    });
  }

  /** Emits the last events once the sandbox is gone (or never started). */
  private complete(errors?: SourceLocation[]) {
    if (this.state === "ended") return;
    const wasRunning = this.state === "running";
    this.state = "ended";
    for (const timer of this.timers) clearTimeout(timer);
    this.flushOutput();
    for (const process of this.processes) process.restartPending = false;
    this.trace?.finish();
    for (const process of this.processes) this.emitExit(process);
    const now = this.now();
    this.endedAt = now;
    const { status, message, limit } = this.endReason ?? this.outcome();
    const durationMs = wasRunning ? now - this.startedAt : 0;
    const expected = this.deps.check;
    if (expected?.check) this.emit("check", evaluateCheck(expected.check, this.record(status)));
    const end: RunEventMap["end"] = { status, durationMs, message };
    if (limit !== undefined) end.limit = limit;
    const located = errors ?? this.runtimeErrors();
    if (located.length > 0) end.errors = located;
    const note = expected?.variant && noteFor(expected.variant, this.record(status));
    if (note) end.note = note;
    this.emit("end", end);
    this.deps.onEnd({
      id: this.id,
      status,
      durationMs,
      queuedMs: wasRunning ? this.startedAt - this.createdAt : now - this.createdAt,
      firstOutputMs: this.firstOutputAt === null ? null : this.firstOutputAt - this.startedAt,
      outputBytes: this.outputBytes,
      processes: this.processes.length,
      client: this.client,
      lesson: this.request.lesson,
      snippet: this.request.snippet,
      variant: this.request.variant,
    });
    this.finished();
  }

  /** What the run showed, as checks read it. */
  private record(status: EndStatus) {
    const stdout: Record<string, string> = {};
    for (const event of this.events) {
      if (event.type !== "stdout") continue;
      const { process, data } = event.data as RunEventMap["stdout"];
      stdout[process] = (stdout[process] ?? "") + data;
    }
    return { status, blocked: this.events.some((event) => event.type === "blocked"), stdout };
  }

  /** The end status when no limit or stop ended the run: what the processes' exits say. */
  private outcome(): { status: EndStatus; message: string; limit?: number } {
    const sandbox = this.sandbox;
    // A process that could not create a thread at the task limit often aborts
    // (libzmq does) before the next sample: the limit is still the cause.
    if (sandbox && sandbox.taskLimitHits() > 0) {
      const limit = this.deps.config.maxTasks;
      return { status: "process-limit", message: `The run tried to use more than its limit of ${limit} processes and threads and was stopped.`, limit };
    }
    if (sandbox && sandbox.oomKills() > 0) {
      const limit = this.deps.config.memoryBytes;
      return { status: "memory-limit", message: `The run used more than its memory limit of ${formatBytes(limit)} and was stopped.`, limit };
    }
    if (this.processes.every((p) => p.exitCode === undefined)) {
      const detail = sandbox?.diagnostics.trim().split("\n")[0];
      return {
        status: detail ? "error" : "failed",
        message: detail
          ? `The sandbox failed to start: ${detail}`
          : "The run's processes were ended from inside the sandbox before they could report.",
      };
    }
    for (const process of this.processes) {
      if (process.exitCode === undefined) {
        return { status: "failed", message: `"${process.name}" was ended from inside the sandbox.` };
      }
      const { code, signal } = decodeExitStatus(process.exitCode ?? 137);
      if (signal && process.killedByRequest) return { status: "failed", message: `"${process.name}" was killed (SIGKILL), as asked.` };
      if (signal) return { status: "failed", message: `"${process.name}" ${describeSignal(signal)}.` };
      if (code !== 0) {
        if (process.failure) return { status: "failed", message: describeLearnerError(process.name, process.failure) };
        return { status: "failed", message: `"${process.name}" exited with code ${code}.` };
      }
    }
    const n = this.processes.length;
    return { status: "ok", message: n === 1 ? "The program finished normally." : `All ${n} processes finished normally.` };
  }
}
