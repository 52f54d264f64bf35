/** The workshop API's shapes (see workshop/README.md; the UI reads exactly these). */
import type { ProcessDef } from "../runner/protocol";

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

export interface LastRun {
  status: string;
  blocked: boolean;
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

export interface LearnerDetail {
  tile: Tile;
  code: LearnerCode | null;
  output: LearnerOutput | null;
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
