import { describe, expect, it } from "vitest";
import { configFromEnv, DEFAULTS, formatBytes, formatMs } from "../../runner/config";

describe("runner config", () => {
  it("has the documented defaults", () => {
    expect(DEFAULTS).toMatchObject({
      defaultTimeoutMs: 10_000,
      maxTimeoutMs: 60_000,
      memoryBytes: 256 * 1024 * 1024,
      maxTasks: 64,
      outputBytes: 1024 * 1024,
      tmpBytes: 16 * 1024 * 1024,
      codeBytes: 64 * 1024,
      blockedAfterMs: 2_000,
      unwatchedMs: 30_000,
      cpuMs: 10_000,
      concurrency: 0,
      queueMax: 1_000,
      clientRunning: 2,
      clientQueued: 2,
    });
  });

  it("sizes the memory budget from the host and the warm pool's parallelism from its cores", () => {
    const config = configFromEnv({});
    expect(config.memoryBudgetBytes).toBeGreaterThan(0);
    expect(config.warmParallel).toBeGreaterThan(0);
    expect(configFromEnv({ RUNNER_MEMORY_BUDGET_BYTES: "1073741824" }).memoryBudgetBytes).toBe(1073741824);
  });

  it("reads overrides from the environment", () => {
    const config = configFromEnv({ RUNNER_MEMORY_BYTES: "1048576", RUNNER_CONCURRENCY: "3", RUNNER_TRUST_PROXY: "true" });
    expect(config).toMatchObject({ memoryBytes: 1048576, concurrency: 3, trustProxy: true, maxTasks: 64 });
  });

  it("stops start-up on a malformed value, naming the variable", () => {
    expect(() => configFromEnv({ RUNNER_TIMEOUT_MS: "ten" })).toThrow(/RUNNER_TIMEOUT_MS/);
    expect(() => configFromEnv({ RUNNER_CGROUPS: "maybe" })).toThrow(/RUNNER_CGROUPS/);
    expect(() => configFromEnv({ RUNNER_CLIENT_RUNNING: "0" })).toThrow(/at least 1/);
    expect(() => configFromEnv({ RUNNER_CPU_MS: "0" })).toThrow(/RUNNER_CPU_MS/);
    expect(() => configFromEnv({ RUNNER_TIMEOUT_MS: "70000" })).toThrow(/must not exceed/);
    // The sandbox wires pipes for 4 processes: a fifth would pass validation and then find none.
    expect(() => configFromEnv({ RUNNER_MAX_PROCESSES: "5" })).toThrow(/RUNNER_MAX_PROCESSES must be at most 4/);
    expect(configFromEnv({ RUNNER_MAX_PROCESSES: "4" }).maxProcesses).toBe(4);
  });

  it("names limits the way people read them", () => {
    expect(formatBytes(256 * 1024 * 1024)).toBe("256 MiB");
    expect(formatBytes(64 * 1024)).toBe("64 KiB");
    expect(formatBytes(1000)).toBe("1000 bytes");
    expect(formatMs(10_000)).toBe("10 s");
    expect(formatMs(1_500)).toBe("1.5 s");
  });
});
