import { describe, expect, it } from "vitest";
import { ApiError } from "../../runner/errors";
import type { Run } from "../../runner/run";
import { Scheduler } from "../../runner/scheduler";

/** A run as the scheduler sees it: a client, a state, start() and its queue position. */
class FakeRun {
  state: "queued" | "running" | "ended" = "queued";
  positions: number[] = [];
  private end!: () => void;
  private readonly done = new Promise<void>((resolve) => (this.end = resolve));
  constructor(
    readonly client: string,
    readonly name = client,
  ) {}
  start() {
    this.state = "running";
    return this.done;
  }
  finish() {
    this.state = "ended";
    this.end();
  }
  setQueuePosition(position: number) {
    this.positions.push(position);
  }
}

const limits = { queueMax: 1000, concurrency: 0, clientRunning: 2, clientQueued: 2 };
const asRun = (run: FakeRun) => run as unknown as Run;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function refusal(fn: () => void): ApiError {
  try {
    fn();
  } catch (error) {
    return error as ApiError;
  }
  throw new Error("expected a refusal");
}

describe("Scheduler", () => {
  it("starts every run that fits at once: memory, not a number of slots, decides", () => {
    const scheduler = new Scheduler(limits, () => true);
    const runs = Array.from({ length: 300 }, (_, i) => new FakeRun(`learner-${i}`));
    for (const run of runs) scheduler.enqueue(asRun(run));
    expect(runs.every((run) => run.state === "running")).toBe(true);
    expect(scheduler.queueLength).toBe(0);
  });

  it("queues what does not fit, first in first out, and starts it when room is freed", async () => {
    let room = 2;
    const scheduler: Scheduler = new Scheduler(limits, (): boolean => scheduler.running.size < room);
    const runs = ["a", "b", "c", "d"].map((name) => new FakeRun(name));
    for (const run of runs) scheduler.enqueue(asRun(run));
    expect(runs.map((run) => run.state)).toEqual(["running", "running", "queued", "queued"]);
    expect(runs[2]!.positions.at(-1)).toBe(1);
    expect(runs[3]!.positions.at(-1)).toBe(2);
    runs[0]!.finish();
    await settle();
    expect(runs.map((run) => run.state)).toEqual(["ended", "running", "running", "queued"]);
    room = 4;
    scheduler.pump();
    expect(runs[3]!.state).toBe("running");
  });

  it("always lets one run go, however small the budget", () => {
    const scheduler = new Scheduler(limits, () => false);
    const run = new FakeRun("a");
    scheduler.enqueue(asRun(run));
    expect(run.state).toBe("running");
  });

  it("holds a room of a thousand waiting runs, and refuses the next with Retry-After", () => {
    const scheduler = new Scheduler({ ...limits, concurrency: 1 }, () => true);
    for (let i = 0; i <= 1000; i++) scheduler.enqueue(asRun(new FakeRun(`learner-${i}`)));
    expect(scheduler.queueLength).toBe(1000);
    const error = refusal(() => scheduler.enqueue(asRun(new FakeRun("late"))));
    expect([error.status, error.code]).toEqual([429, "queue-full"]);
    expect(Number(error.headers?.["Retry-After"])).toBeGreaterThanOrEqual(1);
  });

  it("caps one client at 2 running and 2 waiting, so pressing Run ten times pushes nobody back", () => {
    const scheduler = new Scheduler({ ...limits, concurrency: 1 }, () => true);
    const first = new FakeRun("other");
    scheduler.enqueue(asRun(first));
    const eager = Array.from({ length: 4 }, () => new FakeRun("eager"));
    for (const run of eager) scheduler.enqueue(asRun(run));
    const error = refusal(() => scheduler.enqueue(asRun(new FakeRun("eager"))));
    expect([error.status, error.code]).toEqual([429, "too-many-runs"]);
    // Another learner still gets in.
    scheduler.enqueue(asRun(new FakeRun("patient")));
    expect(scheduler.queueLength).toBe(5);
  });

  it("lets a client at its running cap wait without holding back the runs behind it", () => {
    const scheduler = new Scheduler(limits, () => true);
    const [a1, a2, a3, b] = [new FakeRun("a"), new FakeRun("a"), new FakeRun("a"), new FakeRun("b")];
    for (const run of [a1, a2, a3, b]) scheduler.enqueue(asRun(run));
    expect([a1, a2, a3, b].map((run) => run.state)).toEqual(["running", "running", "queued", "running"]);
  });

  it("takes a stopped run out of the queue and forgets a run that ended while waiting", () => {
    const scheduler = new Scheduler({ ...limits, concurrency: 1 }, () => true);
    const runs = ["a", "b", "c"].map((name) => new FakeRun(name));
    for (const run of runs) scheduler.enqueue(asRun(run));
    scheduler.remove(asRun(runs[1]!));
    expect(scheduler.queueLength).toBe(1);
    runs[2]!.state = "ended";
    scheduler.pump();
    expect(scheduler.queueLength).toBe(0);
  });
});
