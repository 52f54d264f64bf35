import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../runner/rate-limit";

describe("RateLimiter", () => {
  it("allows a burst, then refills at the sustained rate, per client", () => {
    let now = 0;
    const limiter = new RateLimiter(60, 3, () => now);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([0, 0, 0]);
    expect(limiter.take("a")).toBe(1); // one token a second at 60/minute
    expect(limiter.take("b")).toBe(0);
    now += 1_000;
    expect(limiter.take("a")).toBe(0);
    expect(limiter.take("a")).toBe(1);
  });

  it("says how long to wait at slow rates", () => {
    let now = 0;
    const limiter = new RateLimiter(6, 1, () => now);
    expect(limiter.take("a")).toBe(0);
    expect(limiter.take("a")).toBe(10);
    now += 5_000;
    expect(limiter.take("a")).toBe(5);
  });

  it("forgets clients whose bucket is full again", () => {
    let now = 0;
    const limiter = new RateLimiter(60, 2, () => now);
    limiter.take("a");
    limiter.take("b");
    now += 60_000;
    limiter.sweep();
    expect(limiter.size).toBe(0);
  });

  it("is off at a rate of 0", () => {
    const limiter = new RateLimiter(0, 1);
    for (let i = 0; i < 10; i++) expect(limiter.take("a")).toBe(0);
  });
});
