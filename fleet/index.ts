/**
 * The site on a fleet of runners (RUNNER_URLS): the site runs no code itself and
 * passes every run to a runner. Unset, the site runs code in its own process.
 */
import type { RunnerConfig } from "../runner/config";
import { parseRunnerUrls, RunnerFleet } from "./members";
import { FleetHttp, type FleetHttpOptions } from "./proxy";

export { FleetHttp, RUNNER_GONE_MESSAGE } from "./proxy";
export { RunnerFleet, parseRunnerUrls, memberKey, splitRunId } from "./members";

/** The fleet RUNNER_URLS names, started (resolved and polled once); undefined when it is unset. */
export async function fleetFromEnv(
  env: Record<string, string | undefined>,
  config: RunnerConfig,
  clientKey?: FleetHttpOptions["clientKey"],
): Promise<FleetHttp | undefined> {
  const urls = env.RUNNER_URLS;
  if (urls === undefined || urls.trim() === "") return undefined;
  const fleet = new RunnerFleet(parseRunnerUrls(urls));
  await fleet.start();
  return new FleetHttp(fleet, { config, token: config.fleetToken, clientKey });
}
