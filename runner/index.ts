/** The runner's public surface: create one, mount its HTTP handler; the protocol types it speaks. */
export { configFromEnv, DEFAULTS, type RunnerConfig } from "./config";
export { closeOnSignals, handleRunnerRequest, isHttps, isRunnerPath } from "./http";
export { visitorOf } from "./visitor";
export { Runner, type HealthReport, type RunnerOptions } from "./runner";
export type { EndStatus, RunEvent, RunEventType, RunRequest, RunSpec } from "./protocol";
