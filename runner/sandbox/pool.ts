import type { RunnerConfig } from "../config";
import { MAX_PROCESSES, type Sandbox } from "./sandbox";

export interface PoolStatus {
  /** Sandboxes waiting for a run (booted or still booting). */
  warm: number;
  /** Of those, the ones still booting, with those being spawned. */
  booting: number;
  /** How many the pool is growing or shrinking to, all sizes together. */
  target: number;
}

export interface TargetInputs {
  /** Sandboxes kept even when idle (RUNNER_WARM_MIN), of the size most in demand. */
  min: number;
  /** The pool's ceiling, all sizes together (RUNNER_WARM_MAX). */
  max: number;
  /** Runs expected soon, as told by the host (a workshop's online learners). */
  expected: number;
  /**
   * The largest burst of recent runs, by their number of processes (index 0: one
   * process): the most that started within BURST_MS of each other in the last
   * DEMAND_WINDOW_MS. A steady trickle needs a sandbox or two; a room needs many.
   */
  recent: number[];
}

/** Bursts of runs within this window are the demand the pool must be ready for again. */
export const DEMAND_WINDOW_MS = 20_000;
/** Runs that start this close together count as one burst (about what the pool needs to boot one sandbox again). */
export const BURST_MS = 2_000;
/** Sandboxes the pool no longer needs are stopped after it has held too many for this long. */
export const IDLE_MS = 30_000;
/** Without recent runs to go by, a run is expected to have two processes (a server and a client). */
const USUAL_PROCESSES = 2;

/**
 * How many warm sandboxes of each size (1–4 processes) to keep: as many as a
 * burst like the last one, or as the host expects split like recent runs, and
 * the floor for the size most in demand; within the ceiling. A size matters: a
 * sandbox with more processes than its run wastes a Node start per process.
 * Memory is checked when each one is started, not here.
 */
export function warmTargets(inputs: TargetInputs): number[] {
  const total = inputs.recent.reduce((a, b) => a + b, 0);
  const shares = total > 0 ? inputs.recent.map((n) => n / total) : inputs.recent.map((_, i) => (i === USUAL_PROCESSES - 1 ? 1 : 0));
  const usual = shares.indexOf(Math.max(...shares));
  const targets = inputs.recent.map((recent, i) =>
    Math.max(recent, Math.ceil(inputs.expected * shares[i]!), i === usual ? inputs.min : 0),
  );
  // Over the ceiling: scale every size down alike.
  const sum = targets.reduce((a, b) => a + b, 0);
  if (sum <= inputs.max) return targets;
  return targets.map((n) => Math.floor((n * inputs.max) / sum));
}

interface Entry {
  sandbox: Sandbox;
  booted: boolean;
}

/**
 * Sandboxes started ahead of demand, each used by one run only, kept by size.
 * The pool grows towards its targets a few at a time (booting costs CPU, at the
 * an eighth of a run's CPU weight, so running runs come first), only while the memory budget
 * has room, and shrinks when sandboxes stay unused.
 */
export class WarmPool {
  /** Warm sandboxes by size: index 0 holds one-process sandboxes. */
  private readonly bySize: Entry[][] = Array.from({ length: MAX_PROCESSES }, () => []);
  private readonly starting: number[] = Array.from({ length: MAX_PROCESSES }, () => 0);
  private disposed = false;
  private takes: { at: number; processes: number }[] = [];
  /** Since when the pool has held more than its target, if it does. */
  private overSince: number | null = null;
  /** Runs the host expects soon (a workshop's online learners); set by the host. */
  expected: () => number = () => 0;
  /** Whether memory allows another sandbox of `processes` processes; set by the runner. */
  hasRoom: (processes: number) => boolean = () => true;

  constructor(
    private readonly config: RunnerConfig,
    private readonly prepare: (processes: number) => Promise<Sandbox>,
    private readonly now: () => number = Date.now,
  ) {}

  targets(): number[] {
    const since = this.now() - DEMAND_WINDOW_MS;
    this.takes = this.takes.filter((take) => take.at > since);
    const recent = this.bySize.map((_, i) => largestBurst(this.takes.filter((take) => take.processes === i + 1).map((take) => take.at)));
    return warmTargets({ min: this.config.warmMin, max: this.config.warmMax, expected: this.expected(), recent });
  }

  status(): PoolStatus {
    const entries = this.bySize.flat();
    const starting = this.starting.reduce((a, b) => a + b, 0);
    return {
      warm: entries.length,
      booting: starting + entries.filter((entry) => !entry.booted).length,
      target: this.targets().reduce((a, b) => a + b, 0),
    };
  }

  /** Processes held by warm sandboxes and those being started, for the memory budget. */
  processes(): number {
    return this.bySize.reduce((sum, entries, i) => sum + (entries.length + this.starting[i]!) * (i + 1), 0);
  }

  /** Whether a sandbox with all `processes` processes already booting is waiting. */
  has(processes: number): boolean {
    return this.bySize[processes - 1]!.length > 0;
  }

  /**
   * A warm sandbox for a run of `processes` processes, booted if one is: its own
   * size first, else a larger one (the extra processes exit unused). Undefined
   * when the pool has none that fits (the run then gets a sandbox of its own).
   */
  take(processes: number): Sandbox | undefined {
    this.takes.push({ at: this.now(), processes });
    this.forgetDead();
    const sizes = [processes, ...range(processes + 1, MAX_PROCESSES)];
    let found: Entry | undefined;
    for (const size of sizes) {
      const entries = this.bySize[size - 1]!;
      if (entries.length === 0) continue;
      const index = Math.max(0, entries.findIndex((entry) => entry.booted));
      found = entries.splice(index, 1)[0];
      break;
    }
    this.refill();
    return found?.sandbox;
  }

  /** Starts sandboxes until each size reaches its target, a few at a time. */
  refill() {
    const targets = this.targets();
    for (;;) {
      if (this.disposed || this.booting() >= this.config.warmParallel) return;
      // The size furthest below its target goes next.
      let size = -1;
      let gap = 0;
      targets.forEach((target, i) => {
        const missing = target - this.bySize[i]!.length - this.starting[i]!;
        if (missing > gap) [size, gap] = [i + 1, missing];
      });
      if (size < 0 || !this.hasRoom(size)) return;
      this.start(size);
    }
  }

  /** Called every second: forgets dead sandboxes, stops unneeded ones, tops the pool up. */
  tick() {
    this.forgetDead();
    const targets = this.targets();
    const over = this.bySize.some((entries, i) => entries.length > targets[i]!);
    const now = this.now();
    if (!over) this.overSince = null;
    else if (this.overSince === null) this.overSince = now;
    else if (now - this.overSince >= IDLE_MS) {
      // The oldest first: they have waited longest without being needed.
      this.bySize.forEach((entries, i) => {
        for (const entry of entries.splice(0, Math.max(0, entries.length - targets[i]!))) entry.sandbox.kill();
      });
      this.overSince = null;
    }
    this.refill();
  }

  dispose() {
    this.disposed = true;
    for (const entries of this.bySize) for (const entry of entries.splice(0)) entry.sandbox.kill();
  }

  private booting(): number {
    return this.starting.reduce((a, b) => a + b, 0) + this.bySize.flat().filter((entry) => !entry.booted).length;
  }

  private start(size: number) {
    this.starting[size - 1]!++;
    this.prepare(size)
      .then((sandbox) => {
        if (this.disposed) {
          sandbox.kill();
          return;
        }
        const entry: Entry = { sandbox, booted: false };
        this.bySize[size - 1]!.push(entry);
        void sandbox.ready.then(() => {
          entry.booted = true;
          this.refill();
        });
      })
      .catch((error: unknown) => console.error("runner: could not prepare a sandbox:", (error as Error).message))
      .finally(() => {
        this.starting[size - 1]!--;
      });
  }

  private forgetDead() {
    for (const entries of this.bySize) {
      for (let i = entries.length - 1; i >= 0; i--) {
        const sandbox = entries[i]!.sandbox;
        if (sandbox.broken || sandbox.gone) entries.splice(i, 1);
      }
    }
  }
}

/** The most of `times` (in increasing order) that lie within BURST_MS of each other. */
export function largestBurst(times: number[]): number {
  let best = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= BURST_MS) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** from, from±1, …, to (either direction); empty when from is beyond the 1–MAX_PROCESSES sizes. */
function range(from: number, to: number): number[] {
  const out: number[] = [];
  if (from < 1 || from > MAX_PROCESSES) return out;
  const step = from <= to ? 1 : -1;
  for (let n = from; step > 0 ? n <= to : n >= to; n += step) out.push(n);
  return out;
}
