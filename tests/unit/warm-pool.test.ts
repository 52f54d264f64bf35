import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../../runner/config";
import { BURST_MS, DEMAND_WINDOW_MS, IDLE_MS, largestBurst, WarmPool, warmTargets } from "../../runner/sandbox/pool";
import type { Sandbox } from "../../runner/sandbox/sandbox";

describe("warmTargets", () => {
  it("keeps the floor of two-process sandboxes when nothing has run yet", () => {
    expect(warmTargets({ min: 2, max: 400, expected: 0, recent: [0, 0, 0, 0] })).toEqual([0, 2, 0, 0]);
  });

  it("expects a workshop's online learners, split like recent runs", () => {
    expect(warmTargets({ min: 2, max: 400, expected: 200, recent: [0, 0, 0, 0] })).toEqual([0, 200, 0, 0]);
    expect(warmTargets({ min: 2, max: 400, expected: 100, recent: [1, 3, 0, 0] })).toEqual([25, 75, 0, 0]);
  });

  it("is ready for a burst like the last one", () => {
    expect(warmTargets({ min: 2, max: 400, expected: 10, recent: [0, 0, 40, 0] })).toEqual([0, 0, 40, 0]);
  });

  it("stays under the ceiling, scaling every size alike", () => {
    const targets = warmTargets({ min: 2, max: 100, expected: 300, recent: [100, 200, 0, 0] });
    expect(targets.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100);
    expect(targets[1]).toBeGreaterThan(targets[0]!);
  });
});

/** A sandbox as the pool sees it: ready when booted, and whether it has died. */
class FakeSandbox {
  broken = false;
  gone = false;
  killed = false;
  private boot!: () => void;
  readonly ready = new Promise<void>((resolve) => (this.boot = resolve));
  constructor(readonly size: number) {}
  booted() {
    this.boot();
  }
  kill() {
    this.killed = true;
    this.gone = true;
  }
}

function pool(overrides: Partial<typeof DEFAULTS> = {}, room = () => true) {
  let now = 0;
  const made: FakeSandbox[] = [];
  const config = { ...DEFAULTS, warmMin: 2, warmMax: 400, warmParallel: 2, ...overrides };
  const warm = new WarmPool(
    config,
    async (size) => {
      const sandbox = new FakeSandbox(size);
      made.push(sandbox);
      return sandbox as unknown as Sandbox;
    },
    () => now,
  );
  warm.hasRoom = room;
  return { warm, made, advance: (ms: number) => (now += ms) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("WarmPool", () => {
  it("boots a few sandboxes at a time until it reaches its target", async () => {
    const { warm, made } = pool();
    warm.expected = () => 5;
    warm.refill();
    await settle();
    expect(made).toHaveLength(2); // warmParallel: the others wait for these to boot
    for (const sandbox of made) sandbox.booted();
    await settle();
    await settle();
    expect(made.length).toBeGreaterThanOrEqual(4);
    while (made.some((s) => s.size === 2) && warm.status().booting > 0) {
      for (const sandbox of made) sandbox.booted();
      await settle();
      await settle();
    }
    expect(warm.status()).toMatchObject({ warm: 5, booting: 0, target: 5 });
  });

  it("grows only while memory has room", async () => {
    let room = 3;
    const { warm, made } = pool({ warmParallel: 10 }, () => room-- > 0);
    warm.expected = () => 10;
    warm.refill();
    await settle();
    expect(made).toHaveLength(3);
  });

  it("hands out the run's own size first, then a larger one, never a smaller (it has pipes for its own processes only)", async () => {
    const { warm, made } = pool({ warmParallel: 10 });
    // One of each size: a burst of runs with 1, 2 and 4 processes.
    warm.take(1);
    warm.take(2);
    warm.take(4);
    await settle();
    for (const sandbox of made) sandbox.booted();
    await settle();
    const sizeOf = (sandbox: Sandbox | undefined) => (sandbox as unknown as { size: number } | undefined)?.size;
    const held = (size: number) => made.filter((s) => s.size === size).length;
    // Runs of 3 processes: only 4-process sandboxes fit, however many smaller ones wait.
    expect(held(1) + held(2)).toBeGreaterThan(0);
    const forThree: (number | undefined)[] = [];
    for (let size = sizeOf(warm.take(3)); size !== undefined && forThree.length < 10; size = sizeOf(warm.take(3))) forThree.push(size);
    expect(forThree.length).toBeGreaterThan(0);
    expect(new Set(forThree)).toEqual(new Set([4]));
    // A run of one process takes its own size first.
    expect(sizeOf(warm.take(1))).toBe(1);
  });

  it("forgets sandboxes that died while waiting", async () => {
    const { warm, made } = pool();
    warm.refill();
    await settle();
    for (const sandbox of made) sandbox.broken = true;
    expect(warm.take(2)).toBeUndefined();
  });

  it("shrinks back after its demand has passed", async () => {
    const { warm, made, advance } = pool({ warmParallel: 50 });
    warm.expected = () => 20;
    warm.refill();
    await settle();
    for (const sandbox of made) sandbox.booted();
    await settle();
    expect(warm.status().warm).toBe(20);
    warm.expected = () => 0;
    warm.tick();
    advance(IDLE_MS - 1);
    warm.tick();
    expect(warm.status().warm).toBe(20); // not at once: the room may come back
    advance(2);
    warm.tick();
    expect(warm.status().warm).toBe(2);
    expect(made.filter((s) => s.killed)).toHaveLength(18);
  });

  it("takes a trickle of runs for a small demand and a room's burst for a large one", () => {
    const { warm, advance } = pool();
    for (let i = 0; i < 20; i++) {
      warm.take(1);
      advance(700);
    }
    expect(warm.targets()[0]).toBe(3);
    expect(largestBurst([0, 100, BURST_MS, BURST_MS + 50, 10_000])).toBe(3);
  });

  it("counts recent runs as demand only within the window", () => {
    const { warm, advance } = pool();
    for (let i = 0; i < 30; i++) warm.take(1);
    expect(warm.targets()[0]).toBe(30);
    advance(DEMAND_WINDOW_MS + 1);
    expect(warm.targets()).toEqual([0, 2, 0, 0]);
  });
});
