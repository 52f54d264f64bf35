/**
 * A site process for the tests: the site's API (site.ts, as server.ts mounts it, with
 * its SIGTERM handling) without Next.js — pages are not on a run's or a workshop's path.
 * Listens on a free port and says which (standalone.ts starts it).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { closeOnSignals } from "../../runner/http";
import { siteApi } from "../../site";

const api = await siteApi(process.env);
const server = createServer((req, res) => {
  void api.handle(req, res).then((handled) => {
    if (handled) return;
    res.writeHead(404, { "Content-Type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ error: { code: "not-found", message: "This test site serves the API only." } }));
  });
});
server.listen(0, "127.0.0.1", () => console.log(`site listening on http://localhost:${(server.address() as AddressInfo).port}`));
closeOnSignals(server, api.runner, api.shutdown);
