/**
 * The site's API without its pages, as server.ts mounts it: `/api/runs*`,
 * `/api/health` and `/metrics` to the runner in this process — or, with
 * RUNNER_URLS, to a fleet of runners (fleet/) — and `/api/workshops*` to the
 * workshop module; plus what a SIGTERM ends first and closes last. server.ts
 * adds Next.js for the pages; the fleet simulation test runs it alone.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { configFromEnv, handleRunnerRequest, Runner } from "./runner";
import type { RunnerConfig } from "./runner/config";
import { lessonChecks } from "./content/checks";
import { getLessons } from "./content/loader";
import { fleetFromEnv, type FleetHttp } from "./fleet";
import { catalogFromLessons, handleWorkshopRequest, Workshops } from "./workshop";

export interface SiteApi {
  config: RunnerConfig;
  /** Unset on a fleet: the site runs no code itself. */
  runner?: Runner;
  fleet?: FleetHttp;
  workshops: Workshops;
  /** Serves the API's paths; false for any other (a page). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The hooks of closeOnSignals: open event streams end first (their clients reconnect to another server), the database closes last. */
  shutdown: { beforeClose: () => void; afterClose: () => Promise<void> };
}

export async function siteApi(env: Record<string, string | undefined> = process.env): Promise<SiteApi> {
  const config = configFromEnv(env);
  // With RUNNER_URLS, runs go to a fleet of runners (fleet/); else they run in this process.
  const fleet = await fleetFromEnv(env, config, (req) => workshops.learnerKey(req));
  const runner = fleet ? undefined : Runner.create(config, { checks: lessonChecks() });
  // Opens in the background: if the database cannot open, lessons still work and workshops answer 503.
  const workshops = Workshops.start({
    catalog: catalogFromLessons(() => getLessons()),
    runs: (id) => (fleet ? fleet.record(id) : runner!.get(id)),
    env,
    trustProxy: config.trustProxy,
  });
  // Learners in a workshop may all press Run at once: keep that many sandboxes warm.
  runner?.expectRuns(() => workshops.onlineLearners());
  return {
    config,
    runner,
    fleet,
    workshops,
    handle: (req, res) =>
      (fleet ? fleet.handle(req, res) : handleRunnerRequest(runner!, req, res, { clientKey: (r) => workshops.learnerKey(r) })).then(
        (handled) => handled || handleWorkshopRequest(workshops, req, res),
      ),
    shutdown: {
      // Open event streams would keep server.close() waiting; ended, their clients reconnect to the next server.
      beforeClose: () => {
        workshops.closeStreams();
        fleet?.closeStreams();
      },
      afterClose: () => workshops.close(),
    },
  };
}
