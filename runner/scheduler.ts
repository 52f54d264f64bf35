import { ApiError } from "./errors";
import type { Run } from "./run";

export interface SchedulerLimits {
  /** Runs waiting at most, all clients together. */
  queueMax: number;
  /** Hard cap on runs at once; 0: none, `fits` alone decides. */
  concurrency: number;
  /** Runs one client may have running, and waiting, at once. */
  clientRunning: number;
  clientQueued: number;
}

/**
 * Starts runs while the host has room for them and queues the rest, first in
 * first out. Room is the memory budget (`fits`), not a number of slots: most
 * runs of a ZeroMQ lesson wait in receive() far longer than they compute, so a
 * machine holds hundreds of them at once while the kernel shares the CPU among
 * them fairly. One client cannot crowd the queue: it may hold only a few runs,
 * running and waiting. Time in the queue does not count against a run's limits.
 */
export class Scheduler {
  readonly running = new Set<Run>();
  private readonly queue: Run[] = [];
  /** Recent run durations, to tell a rejected client when to retry. */
  private recentDurations: number[] = [];
  private readonly perClient = new Map<string, { running: number; queued: number }>();

  constructor(
    private readonly limits: SchedulerLimits,
    /** Whether `run` may start now, on top of what runs. */
    private readonly fits: (run: Run) => boolean,
  ) {}

  get queueLength(): number {
    return this.queue.length;
  }

  /** Queues a run (it starts at once when it fits), or throws a 429. */
  enqueue(run: Run) {
    const counts = this.counts(run.client);
    if (counts.running + counts.queued >= this.limits.clientRunning + this.limits.clientQueued) {
      throw new ApiError(
        429,
        "too-many-runs",
        `You already have ${counts.running} runs running and ${counts.queued} waiting; wait for one to end or stop one.`,
        { "Retry-After": "2" },
      );
    }
    if (this.queue.length >= this.limits.queueMax) {
      const seconds = this.estimatedWaitSeconds();
      throw new ApiError(
        429,
        "queue-full",
        `The runner is busy (${this.queue.length} runs waiting); try again in ${seconds} s.`,
        { "Retry-After": String(seconds) },
      );
    }
    counts.queued++;
    this.queue.push(run);
    this.pump();
  }

  /** Takes a queued run out (when it is stopped before it started). */
  remove(run: Run) {
    const index = this.queue.indexOf(run);
    if (index < 0) return;
    this.queue.splice(index, 1);
    this.uncount(run.client, "queued");
    this.announcePositions();
  }

  /** Starts what fits now (after memory was freed, for example). */
  pump() {
    let started = false;
    for (let i = 0; i < this.queue.length; ) {
      const run = this.queue[i]!;
      if (run.state !== "queued") {
        this.queue.splice(i, 1);
        this.uncount(run.client, "queued");
        continue;
      }
      if (this.limits.concurrency > 0 && this.running.size >= this.limits.concurrency) break;
      // At least one run always goes, however small the budget; then memory decides.
      if (this.running.size > 0 && !this.fits(run)) break;
      const counts = this.counts(run.client);
      // A client at its running cap waits its turn without holding back everyone behind it.
      if (counts.running >= this.limits.clientRunning) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      counts.queued--;
      counts.running++;
      this.running.add(run);
      started = true;
      const startedAt = Date.now();
      void run.start().then(() => {
        this.running.delete(run);
        this.uncount(run.client, "running");
        this.recentDurations = [...this.recentDurations.slice(-19), Date.now() - startedAt];
        this.pump();
      });
    }
    if (started || this.queue.length > 0) this.announcePositions();
  }

  estimatedWaitSeconds(): number {
    const durations = this.recentDurations;
    const average = durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : 5_000;
    const parallel = Math.max(1, this.running.size);
    return Math.max(1, Math.ceil(((this.queue.length + 1) / parallel) * (average / 1000)));
  }

  private counts(client: string) {
    let counts = this.perClient.get(client);
    if (!counts) this.perClient.set(client, (counts = { running: 0, queued: 0 }));
    return counts;
  }

  private uncount(client: string, what: "running" | "queued") {
    const counts = this.perClient.get(client);
    if (!counts) return;
    counts[what]--;
    if (counts.running <= 0 && counts.queued <= 0) this.perClient.delete(client);
  }

  private announcePositions() {
    this.queue.forEach((run, index) => run.setQueuePosition(index + 1));
  }
}
