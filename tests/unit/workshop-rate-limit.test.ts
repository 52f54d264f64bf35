import { describe, expect, it } from "vitest";
import { MissLimiter } from "../../workshop/rate-limit";

describe("MissLimiter", () => {
  it("allows a burst of misses, then refuses the client everything until the wait is over", () => {
    let now = 0;
    const limiter = new MissLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.wait("a")).toBe(0);
      expect(limiter.miss("a")).toBe(0);
    }
    const wait = limiter.miss("a");
    expect(wait).toBe(20); // one miss back every 20 s
    expect(limiter.wait("a")).toBe(20);
    expect(limiter.wait("b")).toBe(0);
    now += 19_000;
    expect(limiter.wait("a")).toBe(1);
    now += 1_000;
    expect(limiter.wait("a")).toBe(0);
  });

  it("forgets clients once their misses have refilled", () => {
    let now = 0;
    const limiter = new MissLimiter(2, 60_000, () => now);
    limiter.miss("a");
    limiter.miss("a");
    limiter.miss("a");
    now += 120_000;
    limiter.sweep();
    expect(limiter.wait("a")).toBe(0);
    expect(limiter.miss("a")).toBe(0);
  });
});
