/**
 * The run API's protocol, for everyone who speaks it — the runner, the
 * workshop, the lesson loader and the browser: what a run is (run-spec.ts)
 * and what it says (events.ts). Browser-safe: nothing here imports Node.
 */
export * from "./events";
export * from "./run-spec";
