import type { RunnerConfig } from "../config";
import type { Sandbox } from "./sandbox";

export interface PoolStatus {
  /** Sandboxes waiting for a run (booted or still booting). */
  warm: number;
  /** Of those, the ones still booting. */
  booting: number;
  /** How many the pool is growing or shrinking to. */
  target: number;
}

export interface TargetInputs {
  /** The pool's floor (RUNNER_WARM_MIN). */
  min: number;
  /** The pool's ceiling (RUNNER_WARM_MAX). */
  max: number;
  /** Runs expected soon, as told by the host (a workshop's online learners). */
  expected: number;
  /** Runs started in the last DEMAND_WINDOW_MS. */
  recent: number;
}

/** Runs started within this window count as the demand the pool must be ready for again. */
export const DEMAND_WINDOW_MS = 20_000;
/** A sandbox the pool no longer needs is kept this long before it is stopped. */
export const IDLE_MS = 30_000;

/**
 * How many warm sandboxes to keep: as many as a burst like the last one (or as
 * the host expects), within the floor and the ceiling. Memory is checked when
 * each one is started, not here.
 */
export function warmTarget(inputs: TargetInputs): number {
  return Math.max(0, Math.min(inputs.max, Math.max(inputs.min, inputs.expected, inputs.recent)));
}

interface Entry {
  sandbox: Sandbox;
  booted: boolean;
}

/**
 * Sandboxes started ahead of demand, each used by one run only. It grows
 * towards the target a few at a time (booting costs CPU, at the lowest CPU
 * weight so running runs come first), only while the memory budget has room,
 * and shrinks when the sandboxes stay unused.
 */
export class WarmPool {
  private readonly entries: Entry[] = [];
  private starting = 0;
  private disposed = false;
  private takes: number[] = [];
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

  target(): number {
    const since = this.now() - DEMAND_WINDOW_MS;
    this.takes = this.takes.filter((at) => at > since);
    return warmTarget({ min: this.config.warmMin, max: this.config.warmMax, expected: this.expected(), recent: this.takes.length });
  }

  status(): PoolStatus {
    return { warm: this.entries.length, booting: this.starting + this.entries.filter((e) => !e.booted).length, target: this.target() };
  }

  /** Processes held by warm sandboxes, for the memory budget. */
  processes(): number {
    return (this.entries.length + this.starting) * this.config.warmProcesses;
  }

  /** A warm sandbox, booted if one is; undefined when the pool is empty. */
  take(): Sandbox | undefined {
    this.takes.push(this.now());
    this.drop((entry) => entry.sandbox.broken || entry.sandbox.gone);
    const index = Math.max(0, this.entries.findIndex((entry) => entry.booted));
    const [entry] = this.entries.splice(index, 1);
    this.refill();
    return entry?.sandbox;
  }

  /** Starts sandboxes until the pool reaches its target, a few at a time. */
  refill() {
    const target = this.target();
    const booting = () => this.starting + this.entries.filter((entry) => !entry.booted).length;
    while (
      !this.disposed &&
      this.entries.length + this.starting < target &&
      booting() < this.config.warmParallel &&
      this.hasRoom(this.config.warmProcesses)
    ) {
      this.starting++;
      this.prepare(this.config.warmProcesses)
        .then((sandbox) => {
          if (this.disposed) {
            sandbox.kill();
            return;
          }
          const entry: Entry = { sandbox, booted: false };
          this.entries.push(entry);
          void sandbox.ready.then(() => {
            entry.booted = true;
            this.refill();
          });
        })
        .catch((error: unknown) => console.error("runner: could not prepare a sandbox:", (error as Error).message))
        .finally(() => {
          this.starting--;
        });
    }
  }

  /** Called every second: forgets dead sandboxes, stops unneeded ones, tops the pool up. */
  tick() {
    this.drop((entry) => entry.sandbox.broken || entry.sandbox.gone);
    const target = this.target();
    const now = this.now();
    if (this.entries.length <= target) this.overSince = null;
    else if (this.overSince === null) this.overSince = now;
    else if (now - this.overSince >= IDLE_MS) {
      // The oldest first: they have waited longest without being needed.
      for (const entry of this.entries.splice(0, this.entries.length - target)) entry.sandbox.kill();
      this.overSince = null;
    }
    this.refill();
  }

  dispose() {
    this.disposed = true;
    for (const entry of this.entries.splice(0)) entry.sandbox.kill();
  }

  private drop(predicate: (entry: Entry) => boolean) {
    for (let i = this.entries.length - 1; i >= 0; i--) if (predicate(this.entries[i]!)) this.entries.splice(i, 1);
  }
}
