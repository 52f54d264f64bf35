/**
 * The site's server: Next.js for pages, and the site's API (site.ts): the runner
 * mounted in the same process for /api/runs*, /api/health and /metrics (see
 * runner/http.ts) — or, with RUNNER_URLS, those passed to a fleet of runners
 * (fleet/) — and workshops for /api/workshops* (see workshop/http.ts). Pages get
 * their script policy here (csp.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { applyScriptPolicy } from "./csp";
import { closeOnSignals, isHttps, visitorOf } from "./runner";
import { ApiError } from "./runner/errors";
import { sendError } from "./runner/http";
import { siteApi } from "./site";
import { serveVendorFile } from "./vendor-files";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
// dist/server.mjs lives one folder below the project.
const dir = dirname(dirname(fileURLToPath(import.meta.url)));

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// The runs (here or on a fleet of runners) and workshops: site.ts.
const api = await siteApi(process.env);
const { config, runner, fleet } = api;
const app = next({ dev, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/** Whether the path's percent-encoding decodes (Next.js answers 500 to `/lessons/%C0`). */
function decodablePath(url: string | undefined): boolean {
  try {
    decodeURIComponent(new URL(url ?? "/", "http://site.invalid").pathname);
    return true;
  } catch {
    return false;
  }
}

const BAD_ADDRESS_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Bad address · ZeroMQ Playground</title><p>This address is not valid: its percent-encoding is malformed. <a href="/">Go to the home page</a>.</p></html>`;

/** A browser loading a page (or an embed's frame), not a script, style or data request. */
function isPageLoad(req: IncomingMessage): boolean {
  if (req.method !== "GET") return false;
  const dest = req.headers["sec-fetch-dest"];
  return dest !== undefined ? dest === "document" || dest === "iframe" : (req.headers.accept ?? "").includes("text/html");
}

function page(req: IncomingMessage, res: ServerResponse) {
  if (!decodablePath(req.url)) {
    if (req.url?.startsWith("/api/")) return sendError(res, new ApiError(400, "invalid-url", "The request address is not valid percent-encoding."));
    res.writeHead(400, {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Content-Security-Policy": "frame-ancestors 'none'; script-src 'none'; object-src 'none'; base-uri 'none'",
    });
    res.end(BAD_ADDRESS_PAGE);
    return;
  }
  applyScriptPolicy(req, res, { dev });
  // A browser gets its visitor id with its first page, so its first Run already counts as its own.
  if (isPageLoad(req)) {
    const { setCookie } = visitorOf(req, isHttps(req, config.trustProxy));
    if (setCookie) res.appendHeader("Set-Cookie", setCookie);
  }
  return handle(req, res);
}

const server = createServer((req, res) => {
  api
    .handle(req, res)
    .then((handled) => handled || serveVendorFile(req, res, join(dir, "public")))
    .then((handled) => (handled ? undefined : page(req, res)))
    .catch((error: unknown) => {
      console.error("server: request failed", error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal error");
    });
});
if (dev) server.on("upgrade", app.getUpgradeHandler());

server.listen(port, hostname, () => {
  if (fleet) console.log(`ZeroMQ Playground on http://localhost:${port} (runs on the fleet: ${fleet.fleet.members().length} runners)`);
  else {
    const { sandbox } = runner!.health();
    console.log(`ZeroMQ Playground on http://localhost:${port} (sandbox: ${sandbox.mode}, limits: ${sandbox.limits})`);
  }
});

closeOnSignals(server, runner, api.shutdown);
