/** Types at the runner's public boundary (see shared/runner-api.md). */

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

export interface ProcessSpec {
  name: string;
  entry: string;
  delayMs: number;
  /** Command-line arguments: `process.argv.slice(2)` (absent: none). */
  args?: string[];
}

/** A validated `POST /api/runs` body. */
export interface RunRequest {
  files: Record<string, string>;
  processes: ProcessSpec[];
  timeoutMs: number;
  lesson?: string;
  snippet?: string;
  variant?: string;
  /** Which playground on the client's page started it: a new run of it replaces the previous one. */
  playground?: string;
}

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface RunEventMap {
  queued: { position: number };
  start: { process: string };
  stdout: { process: string; data: string };
  stderr: { process: string; data: string };
  blocked: { processes: string[]; idleMs: number; message: string };
  exit: { process: string; code: number | null; signal: string | null; durationMs: number };
  /** The exercise check, for runs started for an exercise (just before `end`). */
  check: { passed: boolean; title: string; details: string[] };
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

export interface RunEvent<T extends RunEventType = RunEventType> {
  id: number;
  type: T;
  data: RunEventMap[T];
}
