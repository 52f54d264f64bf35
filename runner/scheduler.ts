import { ApiError } from "./errors";
import type { Run } from "./run";

/**
 * A fixed number of runs at a time and a bounded FIFO queue for the rest.
 * Time in the queue does not count against a run's limit: its clock starts
 * when `Run.start` is called here.
 */
export class Scheduler {
  readonly running = new Set<Run>();
  private readonly queue: Run[] = [];
  /** Recent run durations, to tell a rejected client when to retry. */
  private recentDurations: number[] = [];

  constructor(
    private readonly slots: number,
    private readonly queueMax: number,
  ) {}

  get queueLength(): number {
    return this.queue.length;
  }

  /** Queues a run, or throws a 429 when the queue is full. */
  enqueue(run: Run) {
    if (this.running.size >= this.slots && this.queue.length >= this.queueMax) {
      const seconds = this.estimatedWaitSeconds();
      throw new ApiError(
        429,
        "queue-full",
        `The runner is busy (${this.queue.length} runs waiting); try again in ${seconds} s.`,
        { "Retry-After": String(seconds) },
      );
    }
    this.queue.push(run);
    this.pump();
  }

  /** Takes a queued run out (when it is stopped before it started). */
  remove(run: Run) {
    const index = this.queue.indexOf(run);
    if (index < 0) return;
    this.queue.splice(index, 1);
    this.announcePositions();
  }

  estimatedWaitSeconds(): number {
    const durations = this.recentDurations;
    const average = durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : 5_000;
    return Math.max(1, Math.ceil(((this.queue.length + 1) / this.slots) * (average / 1000)));
  }

  private pump() {
    while (this.running.size < this.slots && this.queue.length > 0) {
      const run = this.queue.shift()!;
      if (run.state !== "queued") continue;
      this.running.add(run);
      const startedAt = Date.now();
      void run.start().then(() => {
        this.running.delete(run);
        this.recentDurations = [...this.recentDurations.slice(-19), Date.now() - startedAt];
        this.pump();
      });
    }
    this.announcePositions();
  }

  private announcePositions() {
    this.queue.forEach((run, index) => run.setQueuePosition(index + 1));
  }
}
