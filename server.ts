/**
 * The site's server: Next.js for pages, with the runner mounted in the same
 * process for /api/runs*, /api/health and /metrics (see runner/http.ts).
 */
import { createServer } from "node:http";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { closeOnSignals, configFromEnv, handleRunnerRequest, Runner } from "./runner";
import { lessonChecks } from "./app/_lib/lessons/checks";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
// dist/server.mjs lives one folder below the project.
const dir = dirname(dirname(fileURLToPath(import.meta.url)));

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const runner = Runner.create(configFromEnv());
runner.checks = lessonChecks();
const app = next({ dev, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  handleRunnerRequest(runner, req, res)
    .then((handled) => (handled ? undefined : handle(req, res)))
    .catch((error: unknown) => {
      console.error("server: request failed", error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal error");
    });
});
if (dev) server.on("upgrade", app.getUpgradeHandler());

server.listen(port, hostname, () => {
  const { sandbox } = runner.health();
  console.log(`ZeroMQ Playground on http://localhost:${port} (sandbox: ${sandbox.mode}, limits: ${sandbox.limits})`);
});

closeOnSignals(server, runner);
