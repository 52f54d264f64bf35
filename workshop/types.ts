/** The workshop API's shapes (see workshop/README.md; the UI reads exactly these). */
import type { ProcessDef, TraceEvent } from "../runner/protocol";

export interface WorkshopItem {
  lesson: string;
  snippet?: string;
}

export interface Focus {
  lesson: string;
  anchor: string | null;
  at: string;
}

export interface WorkshopSummary {
  code: string;
  title: string;
  items: WorkshopItem[];
  endsAt: string | null;
  endedAt: string | null;
  focus: Focus | null;
}

export interface CodeFile {
  name: string;
  content: string;
}

/** A broadcast's processes are a run's (runner/protocol/run-spec.ts). */
export type { ProcessDef };

export interface Broadcast {
  id: number;
  lesson: string;
  snippet: string;
  title: string;
  files: CodeFile[];
  processes: ProcessDef[];
  at: string;
}

export interface Hint {
  id: number;
  text: string;
  at: string;
}

export interface Hand {
  raised: true;
  message: string;
  at: string;
}

/** The exercise check of a run, as the board shows it (the runner's `check` event without its details). */
export interface RunCheck {
  passed: boolean;
  title: string;
}

export interface LastRun {
  status: string;
  blocked: boolean;
  lesson: string | null;
  snippet: string | null;
  variant: string | null;
  /** The exercise check of that run; null when it was not run against one. */
  check: RunCheck | null;
  at: string;
}

/** A run the learner started and has not reported the end of yet. */
export interface RunningRun {
  runId: string;
  lesson: string | null;
  snippet: string | null;
  variant: string | null;
  at: string;
}

export interface Tile {
  id: string;
  name: string;
  joinedAt: string;
  lastSeenAt: string;
  location: { lesson: string; anchor: string | null } | null;
  runs: number;
  lastRun: LastRun | null;
  passed: string[];
  /** Exercises (`lesson/snippet`) the learner ran their own code of against the check, passed or not. */
  tried: string[];
  /** Their run going on now, if any (the board may ask for its output so far). */
  running: RunningRun | null;
  hand: Hand | null;
  stuckSince: string | null;
  online: boolean;
}

export interface LearnerCode {
  lesson: string;
  snippet: string;
  variant: string;
  files: CodeFile[];
  at: string;
}

export interface LearnerOutput {
  text: string;
  status: string;
  at: string;
}

/** The output so far of the learner's run going on now. */
export interface LiveOutput {
  runId: string;
  text: string;
  at: string;
  /** A traced run's latest socket events (at most LIVE_TRACE_EVENTS), for the Messages view. */
  trace?: TraceEvent[];
}

export interface LearnerDetail {
  tile: Tile;
  code: LearnerCode | null;
  output: LearnerOutput | null;
  /** Their run going on now (on this server), its output so far; null when none runs. */
  live: LiveOutput | null;
}

export interface Me {
  learner: { id: string; name: string };
  workshop: WorkshopSummary;
  hand: { raised: boolean; message: string } | null;
  hints: Hint[];
  broadcasts: Broadcast[];
  lastEventId: number;
}

export interface Board {
  workshop: WorkshopSummary;
  learners: Tile[];
  lastEventId: number;
}
