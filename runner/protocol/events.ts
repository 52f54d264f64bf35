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

export interface RunEventMap {
  queued: { position: number };
  start: { process: string };
  stdout: { process: string; data: string };
  stderr: { process: string; data: string };
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
  };
}

export type RunEventType = keyof RunEventMap;

/** Every event type, in the order a run may send them. */
export const RUN_EVENT_TYPES: readonly RunEventType[] = ["queued", "start", "stdout", "stderr", "blocked", "exit", "check", "end"];

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
