/**
 * Every limit and knob of the runner, in one place.
 *
 * Each value has a default that suits the 2-core machines we run on and can be
 * overridden by the environment variable named beside it, so operators never
 * edit code to tune a deployment. What a request may ask for defaults to the
 * run spec's public limits (runner/protocol/run-spec.ts), which the workshop,
 * the lesson loader and the browser check against.
 */
import { formatBytes, formatMs, RUN_LIMITS, type RunLimits } from "./protocol";
import { MAX_PROCESSES } from "./sandbox/sandbox";

import { availableParallelism, totalmem } from "node:os";

export interface RunnerConfig extends RunLimits {
  /** Wall time of a run when the request does not ask (RUNNER_TIMEOUT_MS). */
  defaultTimeoutMs: number;
  /** Longest wall time a request may ask for (RUNNER_MAX_TIMEOUT_MS). */
  maxTimeoutMs: number;
  /** Memory for all processes of a run together (RUNNER_MEMORY_BYTES). */
  memoryBytes: number;
  /** Processes and threads in one run's sandbox (RUNNER_MAX_TASKS). */
  maxTasks: number;
  /** stdout + stderr bytes of a whole run (RUNNER_OUTPUT_BYTES). */
  outputBytes: number;
  /** Size of the sandbox's private /tmp (RUNNER_TMP_BYTES). */
  tmpBytes: number;
  /** Source bytes of all files of a run (RUNNER_CODE_BYTES). */
  codeBytes: number;
  /** Files per run (RUNNER_MAX_FILES). */
  maxFiles: number;
  /** Processes per run (RUNNER_MAX_PROCESSES). */
  maxProcesses: number;
  /** Longest start delay of a process (RUNNER_MAX_DELAY_MS). */
  maxDelayMs: number;
  /** Quiet time before a `blocked` event (RUNNER_BLOCKED_AFTER_MS). */
  blockedAfterMs: number;
  /** CPU time of a run, all its processes together (RUNNER_CPU_MS). */
  cpuMs: number;
  /**
   * Memory all sandboxes together may hold, running and warm (RUNNER_MEMORY_BUDGET_BYTES);
   * 0: half of this host's memory. Runs start while it has room: they are bounded
   * by memory, not by cores, because most ZeroMQ demos wait far more than they compute.
   */
  memoryBudgetBytes: number;
  /** What a learner process is expected to hold, until the kernel says (RUNNER_PROCESS_MEMORY_BYTES). */
  processMemoryBytes: number;
  /** A hard cap on runs executing at once, 0 for none: memory decides (RUNNER_CONCURRENCY). */
  concurrency: number;
  /**
   * Runs computing at once (using a fifth of a core or more, or just started) before new
   * runs wait in the queue (RUNNER_BUSY_RUNS); 0: eight per core.
   * Runs that wait (most demos) never count. Past what the cores can do, every run shares
   * them and misses its time limit; waiting to start, runs finish at the cores' pace.
   */
  busyRuns: number;
  /** Runs waiting to start before new ones get 429 (RUNNER_QUEUE_MAX). */
  queueMax: number;
  /** Runs one client may have running at once (RUNNER_CLIENT_RUNNING). */
  clientRunning: number;
  /** Runs one client may have waiting at once (RUNNER_CLIENT_QUEUED). */
  clientQueued: number;
  /** Runs one client may start per minute, sustained (RUNNER_RATE_PER_MINUTE). */
  ratePerMinute: number;
  /** Runs one client may start in a burst (RUNNER_RATE_BURST). */
  rateBurst: number;
  /**
   * Runs one address may start per minute, whatever learner cookies it shows
   * (RUNNER_RATE_ADDRESS_PER_MINUTE): a classroom behind one NAT fits, a page
   * minting cookies does not get fresh budgets.
   */
  addressRatePerMinute: number;
  /** Runs one address may start in a burst (RUNNER_RATE_ADDRESS_BURST). */
  addressRateBurst: number;
  /** Warm sandboxes kept even when idle, of the size most in demand (RUNNER_WARM_MIN). */
  warmMin: number;
  /** Warm sandboxes kept at most (RUNNER_WARM_MAX). */
  warmMax: number;
  /** Sandboxes booting at once while the pool grows (RUNNER_WARM_PARALLEL); 0: the host's cores. */
  warmParallel: number;
  /** Output is gathered this long into one event (RUNNER_COALESCE_MS). */
  coalesceMs: number;
  /** Event bytes kept for ended runs, all together; the oldest go first (RUNNER_RETAIN_BYTES). */
  retainBytes: number;
  /** A run nobody watches for this long is stopped (RUNNER_UNWATCHED_MS). */
  unwatchedMs: number;
  /** How long events stay readable after `end` (RUNNER_RETAIN_MS). */
  retainMs: number;
  /** Bytes one stdin request may carry (RUNNER_STDIN_BYTES). */
  stdinBytes: number;
  /** Use X-Forwarded-For to identify clients, behind a proxy only (RUNNER_TRUST_PROXY). */
  trustProxy: boolean;
  /** Bearer token that opens /metrics; unset: /metrics answers only loopback (RUNNER_METRICS_TOKEN). */
  metricsToken: string | undefined;
  /**
   * Bearer token a site of the fleet sends (RUNNER_FLEET_TOKEN): with it, the runner takes the
   * site's word for whose run it is (X-Runner-Client, a workshop learner). Unset: never.
   */
  fleetToken: string | undefined;
  /**
   * On SIGTERM, how long runs may go on to their end while no new run is taken (RUNNER_DRAIN_MS):
   * a runner pod leaving the fleet finishes what it holds. 0: stop every run at once.
   */
  drainMs: number;
  /** Run code WITHOUT a sandbox: local development only (RUNNER_UNSAFE_NO_SANDBOX). */
  unsafeNoSandbox: boolean;
  /** Run sandboxes WITHOUT their system-call filter, on a host that cannot build it (RUNNER_UNSAFE_NO_SECCOMP). */
  unsafeNoSeccomp: boolean;
  /** Mount the sandbox's /tmp noexec where the host allows (RUNNER_NOEXEC_TMP). */
  noexecTmp: boolean;
  /** Host uid/gid the sandbox runs as when the server is root (RUNNER_SANDBOX_UID). */
  sandboxUid: number;
  /** Where run files are written (RUNNER_WORK_DIR); default: the OS temp dir. */
  workDir: string | undefined;
  /** The bubblewrap binary (RUNNER_BWRAP). */
  bwrapPath: string;
  /** Enforce memory and task limits with cgroups where the host allows (RUNNER_CGROUPS). */
  useCgroups: boolean;
  /** Sampling period of CPU/memory/process counts (RUNNER_SAMPLE_MS). */
  sampleMs: number;
  /** `trace` events of one traced run; past them, one `truncated` event counts the rest (RUNNER_TRACE_EVENTS). */
  traceEvents: number;
  /** Kills and restarts of one run's processes: burst / per minute, 0 = off (RUNNER_PROCESS_ACTIONS_BURST, _PER_MINUTE). */
  processActionsBurst: number;
  processActionsPerMinute: number;
}

export const DEFAULTS: RunnerConfig = {
  defaultTimeoutMs: RUN_LIMITS.defaultTimeoutMs,
  maxTimeoutMs: RUN_LIMITS.maxTimeoutMs,
  memoryBytes: 256 * 1024 * 1024,
  maxTasks: 64,
  outputBytes: 1024 * 1024,
  tmpBytes: 16 * 1024 * 1024,
  codeBytes: RUN_LIMITS.codeBytes,
  maxFiles: RUN_LIMITS.maxFiles,
  maxProcesses: RUN_LIMITS.maxProcesses,
  maxDelayMs: RUN_LIMITS.maxDelayMs,
  blockedAfterMs: 2_000,
  cpuMs: 10_000,
  memoryBudgetBytes: 0,
  processMemoryBytes: 16 * 1024 * 1024,
  concurrency: 0,
  busyRuns: 0,
  queueMax: 1_000,
  clientRunning: 2,
  clientQueued: 2,
  ratePerMinute: 60,
  rateBurst: 40,
  addressRatePerMinute: 600,
  addressRateBurst: 400,
  warmMin: 2,
  warmMax: 400,
  warmParallel: 0,
  coalesceMs: 5,
  retainBytes: 256 * 1024 * 1024,
  unwatchedMs: 30_000,
  retainMs: 5 * 60_000,
  stdinBytes: 64 * 1024,
  trustProxy: false,
  metricsToken: undefined,
  fleetToken: undefined,
  drainMs: 0,
  unsafeNoSandbox: false,
  unsafeNoSeccomp: false,
  noexecTmp: true,
  sandboxUid: 65534,
  workDir: undefined,
  bwrapPath: "bwrap",
  useCgroups: true,
  sampleMs: 250,
  traceEvents: 2_000,
  processActionsBurst: 10,
  processActionsPerMinute: 30,
};

const ENV_NAMES: { [K in keyof RunnerConfig]: string } = {
  defaultTimeoutMs: "RUNNER_TIMEOUT_MS",
  maxTimeoutMs: "RUNNER_MAX_TIMEOUT_MS",
  memoryBytes: "RUNNER_MEMORY_BYTES",
  maxTasks: "RUNNER_MAX_TASKS",
  outputBytes: "RUNNER_OUTPUT_BYTES",
  tmpBytes: "RUNNER_TMP_BYTES",
  codeBytes: "RUNNER_CODE_BYTES",
  maxFiles: "RUNNER_MAX_FILES",
  maxProcesses: "RUNNER_MAX_PROCESSES",
  maxDelayMs: "RUNNER_MAX_DELAY_MS",
  blockedAfterMs: "RUNNER_BLOCKED_AFTER_MS",
  cpuMs: "RUNNER_CPU_MS",
  memoryBudgetBytes: "RUNNER_MEMORY_BUDGET_BYTES",
  processMemoryBytes: "RUNNER_PROCESS_MEMORY_BYTES",
  concurrency: "RUNNER_CONCURRENCY",
  busyRuns: "RUNNER_BUSY_RUNS",
  queueMax: "RUNNER_QUEUE_MAX",
  clientRunning: "RUNNER_CLIENT_RUNNING",
  clientQueued: "RUNNER_CLIENT_QUEUED",
  ratePerMinute: "RUNNER_RATE_PER_MINUTE",
  rateBurst: "RUNNER_RATE_BURST",
  addressRatePerMinute: "RUNNER_RATE_ADDRESS_PER_MINUTE",
  addressRateBurst: "RUNNER_RATE_ADDRESS_BURST",
  warmMin: "RUNNER_WARM_MIN",
  warmMax: "RUNNER_WARM_MAX",
  warmParallel: "RUNNER_WARM_PARALLEL",
  coalesceMs: "RUNNER_COALESCE_MS",
  retainBytes: "RUNNER_RETAIN_BYTES",
  unwatchedMs: "RUNNER_UNWATCHED_MS",
  retainMs: "RUNNER_RETAIN_MS",
  stdinBytes: "RUNNER_STDIN_BYTES",
  trustProxy: "RUNNER_TRUST_PROXY",
  metricsToken: "RUNNER_METRICS_TOKEN",
  fleetToken: "RUNNER_FLEET_TOKEN",
  drainMs: "RUNNER_DRAIN_MS",
  unsafeNoSandbox: "RUNNER_UNSAFE_NO_SANDBOX",
  unsafeNoSeccomp: "RUNNER_UNSAFE_NO_SECCOMP",
  noexecTmp: "RUNNER_NOEXEC_TMP",
  sandboxUid: "RUNNER_SANDBOX_UID",
  workDir: "RUNNER_WORK_DIR",
  bwrapPath: "RUNNER_BWRAP",
  useCgroups: "RUNNER_CGROUPS",
  sampleMs: "RUNNER_SAMPLE_MS",
  traceEvents: "RUNNER_TRACE_EVENTS",
  processActionsBurst: "RUNNER_PROCESS_ACTIONS_BURST",
  processActionsPerMinute: "RUNNER_PROCESS_ACTIONS_PER_MINUTE",
};

/** Reads overrides from `env`; a malformed value stops start-up with its name. */
export function configFromEnv(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<RunnerConfig> = {},
): RunnerConfig {
  const config: RunnerConfig = { ...DEFAULTS };
  const target = config as unknown as Record<string, unknown>;
  for (const key of Object.keys(DEFAULTS) as (keyof RunnerConfig)[]) {
    const raw = env[ENV_NAMES[key]];
    if (raw === undefined || raw === "") continue;
    const fallback = DEFAULTS[key];
    if (typeof fallback === "boolean") {
      if (!/^(1|0|true|false|yes|no)$/i.test(raw)) {
        throw new Error(`${ENV_NAMES[key]} must be 1 or 0, got "${raw}"`);
      }
      target[key] = /^(1|true|yes)$/i.test(raw);
    } else if (typeof fallback === "number") {
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 0) {
        throw new Error(`${ENV_NAMES[key]} must be a whole number ≥ 0, got "${raw}"`);
      }
      target[key] = value;
    } else {
      target[key] = raw;
    }
  }
  Object.assign(config, overrides);
  if (config.memoryBudgetBytes === 0) config.memoryBudgetBytes = Math.floor(totalmem() / 2);
  if (config.warmParallel === 0) config.warmParallel = availableParallelism();
  if (config.busyRuns === 0) config.busyRuns = 8 * availableParallelism();
  if (config.clientRunning < 1) throw new Error("RUNNER_CLIENT_RUNNING must be at least 1");
  if (config.cpuMs < 1) throw new Error("RUNNER_CPU_MS must be at least 1");
  if (config.defaultTimeoutMs > config.maxTimeoutMs) {
    throw new Error("RUNNER_TIMEOUT_MS must not exceed RUNNER_MAX_TIMEOUT_MS");
  }
  // More would pass validation and then find no pipes for the fifth process.
  if (config.maxProcesses > MAX_PROCESSES) {
    throw new Error(`RUNNER_MAX_PROCESSES must be at most ${MAX_PROCESSES}: the sandbox wires pipes for ${MAX_PROCESSES} processes, got ${config.maxProcesses}`);
  }
  return config;
}

export { formatBytes, formatMs };


export { ENV_NAMES };
