import { describe, expect, it } from "vitest";
import { ApiError } from "../../runner/errors";
import { Workshops, type WorkshopService } from "../../workshop/service";

describe("Workshops", () => {
  it("opens the database on the first request, not when created", async () => {
    let attempts = 0;
    const service = { close: async () => {} } as unknown as WorkshopService;
    const workshops = new Workshops(async () => {
      attempts++;
      return service;
    });
    expect(attempts).toBe(0);
    expect(await workshops.get()).toBe(service);
    expect(await workshops.get()).toBe(service);
    expect(attempts).toBe(1);
  });

  it("answers 503 while the database cannot open, and tries again 30 s after a failure", async () => {
    let now = 0;
    let attempts = 0;
    const service = { close: async () => {} } as unknown as WorkshopService;
    const workshops = new Workshops(async () => {
      attempts++;
      if (attempts < 3) throw new Error(`database down (${attempts})`);
      return service;
    }, () => now);
    const failure = await workshops.get().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(503);
    expect((failure as ApiError).message).toContain("database down (1)");
    now += 29_000;
    await expect(workshops.get()).rejects.toThrow(/database down \(1\)/);
    expect(attempts).toBe(1);
    now += 1_000;
    const [first, second] = await Promise.allSettled([workshops.get(), workshops.get()]);
    expect(attempts).toBe(2); // concurrent requests share one retry
    expect(first.status).toBe("rejected");
    expect(second.status).toBe("rejected");
    now += 30_000;
    expect(await workshops.get()).toBe(service);
    expect(attempts).toBe(3);
  });

  it("does not reopen after close", async () => {
    let now = 0;
    let attempts = 0;
    const workshops = new Workshops(async () => {
      attempts++;
      throw new Error("down");
    }, () => now);
    await expect(workshops.get()).rejects.toThrow(/down/);
    await workshops.close();
    now += 60_000;
    await expect(workshops.get()).rejects.toThrow(/unavailable/);
    expect(attempts).toBe(1);
  });
});
