/**
 * Every limit and knob of the runner, in one place.
 *
 * Each value has a default that suits the 2-core machines we run on and can be
 * overridden by the environment variable named beside it, so operators never
 * edit code to tune a deployment.
 */

export interface RunnerConfig {
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
  /** Runs executing at once (RUNNER_CONCURRENCY). */
  concurrency: number;
  /** Runs waiting for a slot before new ones get 429 (RUNNER_QUEUE_MAX). */
  queueMax: number;
  /** Runs one client may start per minute, sustained (RUNNER_RATE_PER_MINUTE). */
  ratePerMinute: number;
  /** Runs one client may start in a burst (RUNNER_RATE_BURST). */
  rateBurst: number;
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
  /** Run code WITHOUT a sandbox: local development only (RUNNER_UNSAFE_NO_SANDBOX). */
  unsafeNoSandbox: boolean;
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
}

export const DEFAULTS: RunnerConfig = {
  defaultTimeoutMs: 10_000,
  maxTimeoutMs: 60_000,
  memoryBytes: 256 * 1024 * 1024,
  maxTasks: 64,
  outputBytes: 1024 * 1024,
  tmpBytes: 16 * 1024 * 1024,
  codeBytes: 64 * 1024,
  maxFiles: 8,
  maxProcesses: 4,
  maxDelayMs: 5_000,
  blockedAfterMs: 2_000,
  concurrency: 4,
  queueMax: 60,
  ratePerMinute: 60,
  rateBurst: 40,
  unwatchedMs: 30_000,
  retainMs: 5 * 60_000,
  stdinBytes: 64 * 1024,
  trustProxy: false,
  metricsToken: undefined,
  unsafeNoSandbox: false,
  sandboxUid: 65534,
  workDir: undefined,
  bwrapPath: "bwrap",
  useCgroups: true,
  sampleMs: 250,
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
  concurrency: "RUNNER_CONCURRENCY",
  queueMax: "RUNNER_QUEUE_MAX",
  ratePerMinute: "RUNNER_RATE_PER_MINUTE",
  rateBurst: "RUNNER_RATE_BURST",
  unwatchedMs: "RUNNER_UNWATCHED_MS",
  retainMs: "RUNNER_RETAIN_MS",
  stdinBytes: "RUNNER_STDIN_BYTES",
  trustProxy: "RUNNER_TRUST_PROXY",
  metricsToken: "RUNNER_METRICS_TOKEN",
  unsafeNoSandbox: "RUNNER_UNSAFE_NO_SANDBOX",
  sandboxUid: "RUNNER_SANDBOX_UID",
  workDir: "RUNNER_WORK_DIR",
  bwrapPath: "RUNNER_BWRAP",
  useCgroups: "RUNNER_CGROUPS",
  sampleMs: "RUNNER_SAMPLE_MS",
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
  if (config.concurrency < 1) throw new Error("RUNNER_CONCURRENCY must be at least 1");
  if (config.defaultTimeoutMs > config.maxTimeoutMs) {
    throw new Error("RUNNER_TIMEOUT_MS must not exceed RUNNER_MAX_TIMEOUT_MS");
  }
  return config;
}

/** "256 MiB", "1 MiB", "64 KiB": how limits are named in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

export function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

export { ENV_NAMES };
