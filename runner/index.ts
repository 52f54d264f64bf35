/** The runner's public surface: create one, mount its HTTP handler. */
export { configFromEnv, DEFAULTS, type RunnerConfig } from "./config";
export { closeOnSignals, handleRunnerRequest, isRunnerPath } from "./http";
export { Runner, type HealthReport } from "./runner";
export type { EndStatus, RunEvent, RunEventType, RunRequest } from "./types";
