/**
 * The runner as a service of its own (`npm run runner`): the same engine and
 * endpoints as in the site, for running code on other hosts.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { configFromEnv } from "./config";
import { closeOnSignals, handleRunnerRequest } from "./http";
import { Runner } from "./runner";
import { lessonChecks } from "../content/checks";

const port = Number(process.env.RUNNER_PORT ?? process.env.PORT ?? 3001);
const runner = Runner.create(configFromEnv(), { checks: lessonChecks() });

const server = createServer((req, res) => {
  handleRunnerRequest(runner, req, res).then((handled) => {
    if (handled) return;
    res.writeHead(404, { "Content-Type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ error: { code: "not-found", message: "The runner serves /api/runs, /api/health and /metrics." } }));
  });
});

server.listen(port, () => {
  const { sandbox } = runner.health();
  // The port actually bound: RUNNER_PORT=0 takes a free one (the tests do).
  const bound = (server.address() as AddressInfo).port;
  console.log(`runner listening on http://localhost:${bound} (sandbox: ${sandbox.mode}, limits: ${sandbox.limits})`);
});

closeOnSignals(server, runner);
