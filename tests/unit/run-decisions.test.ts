/** A run's decisions (blocked, limits, how it ended) over a scripted sandbox and a driven clock. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULTS, type RunnerConfig } from "../../runner/config";
import { Run } from "../../runner/run";
import type { RunEvent } from "../../runner/types";
import { FakeBackend, type FakeSandbox } from "./fake-sandbox";

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

function startRun(options: { processes?: string[]; timeoutMs?: number; config?: Partial<RunnerConfig> } = {}) {
  const names = options.processes ?? ["main"];
  const backend = new FakeBackend();
  const config = { ...DEFAULTS, ...options.config };
  const request = {
    files: Object.fromEntries(names.map((n) => [`${n}.ts`, ""])),
    processes: names.map((name) => ({ name, entry: `${name}.ts`, delayMs: 0 })),
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  const program = { outputs: {}, entries: Object.fromEntries(names.map((n) => [`${n}.ts`, `${n}.mjs`])) };
  const run = new Run("r1", request, program, "client", { config, host: backend, now: () => Date.now(), onEnd: () => {} });
  void run.start();
  const sandbox = async (): Promise<FakeSandbox> => {
    await vi.advanceTimersByTimeAsync(0);
    return backend.sandboxes[0]!;
  };
  const types = () => run.events.map((e: RunEvent) => e.type);
  const end = () => run.events.find((e) => e.type === "end")?.data as { status: string; message: string } | undefined;
  return { run, sandbox, types, end };
}

describe("a run's decisions", () => {
  it("calls a quiet run blocked once per quiet spell, after the quiet time and not before", async () => {
    const { run, sandbox, types } = startRun({ processes: ["server", "client"], config: { blockedAfterMs: 2_000, sampleMs: 250 } });
    const box = await sandbox();
    box.print(0, "waiting for a request\n");
    box.print(1, "sent, waiting for the reply\n");
    await vi.advanceTimersByTimeAsync(1_800);
    expect(types()).not.toContain("blocked");
    await vi.advanceTimersByTimeAsync(500);
    const blocked = run.events.filter((e) => e.type === "blocked");
    expect(blocked).toHaveLength(1);
    expect(blocked[0]!.data).toMatchObject({ processes: ["server", "client"] });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(run.events.filter((e) => e.type === "blocked")).toHaveLength(1);
    // Output ends the spell; a new quiet spell is reported again.
    box.print(0, "still here\n");
    await vi.advanceTimersByTimeAsync(2_500);
    expect(run.events.filter((e) => e.type === "blocked")).toHaveLength(2);
  });

  it("counts as computing while it starts and while it uses a fifth of a core, not while it waits (admission holds new runs back on it)", async () => {
    const { run, sandbox } = startRun({ config: { sampleMs: 250 } });
    expect(run.computing).toBe(true); // its sandbox is on its way
    const box = await sandbox();
    expect(run.computing).toBe(true); // no share measured yet
    await vi.advanceTimersByTimeAsync(500);
    expect(run.computing).toBe(false); // two samples, no CPU: it waits
    box.cpuTicks += 10; // 100 ms in the next 250 ms: 40 % of a core
    await vi.advanceTimersByTimeAsync(250);
    expect(run.computing).toBe(true);
    await vi.advanceTimersByTimeAsync(250);
    expect(run.computing).toBe(false);
    run.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run.computing).toBe(false);
  });

  it("counts a run that waits for a core as computing: a starved run is not an idle one", async () => {
    const { run, sandbox } = startRun({ config: { sampleMs: 250, blockedAfterMs: 2_000 } });
    const box = await sandbox();
    box.waitMs = 0;
    await vi.advanceTimersByTimeAsync(500);
    expect(run.computing).toBe(false);
    // No CPU got, but 200 ms of each 250 spent ready to run with no core free.
    for (let t = 0; t < 3_000; t += 250) {
      box.waitMs += 200;
      await vi.advanceTimersByTimeAsync(250);
      expect(run.computing).toBe(true);
    }
    // A process that exits takes its wait out of the sum: that is no negative demand.
    box.waitMs = 50;
    await vi.advanceTimersByTimeAsync(250);
    expect(run.computing).toBe(false);
  });

  it("does not call a busy run blocked: CPU is progress even without output", async () => {
    const { sandbox, types } = startRun({ config: { blockedAfterMs: 2_000, sampleMs: 250 } });
    const box = await sandbox();
    for (let t = 0; t < 5_000; t += 250) {
      box.cpuTicks += 20; // 200 ms of CPU each 250 ms
      await vi.advanceTimersByTimeAsync(250);
    }
    expect(types()).not.toContain("blocked");
  });

  it("ends at the time limit, the CPU limit, the output limit, and says which", async () => {
    const timeout = startRun({ timeoutMs: 1_000 });
    await timeout.sandbox();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(timeout.end()).toMatchObject({ status: "timeout" });

    const cpu = startRun({ config: { cpuMs: 500, sampleMs: 250 } });
    const busy = await cpu.sandbox();
    busy.cpuTicks = 60;
    await vi.advanceTimersByTimeAsync(250);
    expect(cpu.end()).toMatchObject({ status: "cpu-limit" });

    const output = startRun({ config: { outputBytes: 100 } });
    const chatty = await output.sandbox();
    chatty.print(0, "x".repeat(300));
    await vi.advanceTimersByTimeAsync(50);
    expect(output.end()).toMatchObject({ status: "output-limit" });
    expect(chatty.killed).toBe(true);
  });

  it("ends ok when every process exits 0, and names the first that did not", async () => {
    const good = startRun({ processes: ["server", "client"] });
    const both = await good.sandbox();
    both.exit(1, 0);
    both.exit(0, 0);
    await vi.advanceTimersByTimeAsync(10);
    expect(good.end()).toMatchObject({ status: "ok" });

    const bad = startRun({ processes: ["server", "client"] });
    const one = await bad.sandbox();
    one.exit(1, 3);
    one.exit(0, 0);
    await vi.advanceTimersByTimeAsync(10);
    expect(bad.end()).toMatchObject({ status: "failed", message: '"client" exited with code 3.' });
  });

  it("names the memory and task limits when the kernel enforced them", async () => {
    const memory = startRun();
    const hog = await memory.sandbox();
    hog.oom = 1;
    await vi.advanceTimersByTimeAsync(DEFAULTS.sampleMs);
    expect(memory.end()).toMatchObject({ status: "memory-limit" });

    const tasks = startRun();
    const bomb = await tasks.sandbox();
    bomb.taskHits = 1;
    await vi.advanceTimersByTimeAsync(DEFAULTS.sampleMs);
    expect(tasks.end()).toMatchObject({ status: "process-limit" });
  });
});
