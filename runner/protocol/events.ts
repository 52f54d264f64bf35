/**
 * What a run says while it runs: the events of `GET /api/runs/<id>/events`
 * (shared/runner-api.md), as the runner sends them and the browser reads them.
 */

export type EndStatus =
  | "ok"
  | "failed"
  | "timeout"
  | "stopped"
  | "memory-limit"
  | "cpu-limit"
  | "output-limit"
  | "process-limit"
  | "error";

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The exercise check's verdict (the `check` event). */
export interface CheckResult {
  passed: boolean;
  title: string;
  details: string[];
}

/** One frame of a traced message: its size and a preview of its start (`text` when printable UTF-8, else `hex`). */
export interface TraceFrame {
  size: number;
  text?: string;
  hex?: string;
}

/** What a `trace` event reports (`op`); see shared/runner-api.md "Socket trace". */
export const TRACE_OPS = [
  "open",
  "bind",
  "unbind",
  "connect",
  "disconnect",
  "send",
  "receive",
  "wait",
  "event",
  "close",
  "truncated",
  "kill",
  "restart",
] as const;
export type TraceOp = (typeof TRACE_OPS)[number];

/**
 * A socket's activity in a run posted with `"trace": true` (the `trace` event).
 * `kill` and `restart` are the learner's hand on a process (no `socket`);
 * `truncated` (no `process`) says how much was left out past the cap.
 */
export interface TraceEvent {
  /** The process it happened in (absent on `truncated`). */
  process?: string;
  /** `<process>/<n>`, unique within the run. */
  socket?: string;
  /** REQ, REP, PUB, …: on the socket's first event (`open`). */
  type?: string;
  op: TraceOp;
  /** Milliseconds since the run started, one clock for all processes. */
  at: number;
  /** bind, unbind, connect, disconnect, and events about a peer. */
  endpoint?: string;
  /** A bind's actual address when it differs from `endpoint` (a port of 0 or `*`). */
  address?: string;
  frames?: TraceFrame[];
  /** Frames of the message beyond those listed. */
  moreFrames?: number;
  /** On a receive: the send it came from, when the runner can tell. */
  sent?: { socket: string; at: number };
  /** On a wait: what is pending, and since when. */
  for?: "send" | "receive";
  since?: number;
  /** On an event: what socket.events reported (accept, connect, handshake, disconnect, handshake:error:protocol, …). */
  event?: string;
  /** An operation that failed, or an event's error: its code. */
  error?: string;
  /** On truncated: the cap, and how many records of each op were left out. */
  cap?: number;
  dropped?: Record<string, number>;
}

export interface RunEventMap {
  queued: { position: number };
  start: { process: string };
  stdout: { process: string; data: string };
  stderr: { process: string; data: string };
  /** Socket activity, for a run posted with `"trace": true`. */
  trace: TraceEvent;
  blocked: { processes: string[]; idleMs: number; message: string };
  exit: { process: string; code: number | null; signal: string | null; durationMs: number };
  /** The exercise check, for runs started for an exercise (just before `end`). */
  check: CheckResult;
  end: {
    status: EndStatus;
    durationMs: number;
    message: string;
    /** Where the code went wrong: compile errors, or each process's uncaught exception in the learner's file. */
    errors?: SourceLocation[];
    /** For a lesson variant: what the lesson wants noticed, when the run showed it ("messages were lost: …"). */
    note?: string;
    /**
     * The limit a limit status names in `message`, as a number: milliseconds (`timeout`, `cpu-limit`),
     * bytes (`memory-limit`, `output-limit`), processes and threads (`process-limit`). A page says it in its language.
     */
    limit?: number;
  };
}

export type RunEventType = keyof RunEventMap;

/** Every event type, in the order a run may send them. */
export const RUN_EVENT_TYPES: readonly RunEventType[] = ["queued", "start", "stdout", "stderr", "trace", "blocked", "exit", "check", "end"];

export interface RunEvent<T extends RunEventType = RunEventType> {
  id: number;
  type: T;
  data: RunEventMap[T];
}

/** The `202` answer to `POST /api/runs`. */
export interface RunAccepted {
  id: string;
  /** Where the run's events are read. */
  events: string;
}

/** A `POST /api/runs/<id>/stdin` body. */
export type StdinRequest = { process: string; data: string; eof: false } | { process: string; data: ""; eof: true };

/**
 * A run as a fleet's site reads it from its runner (`GET /api/runs/<id>/record`, only with
 * RUNNER_FLEET_TOKEN): what a workshop needs to tell whose run it is and what it showed.
 * Not part of the public API.
 */
export interface RunRecord {
  id: string;
  /** Who the run counts as (`learner:<id>`, `visitor:<id>`, an address). */
  client: string;
  state: "queued" | "running" | "ended";
  request: import("./run-spec").RunRequest;
  events: RunEvent[];
}
