import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { formatBytes } from "./config";
import { ApiError } from "./errors";
import { PROCESS_NAME, type RunRecord } from "./protocol";
import type { Run } from "./run";
import type { Runner } from "./runner";
import type { RunEvent } from "./types";
import { parseJsonObject, validateRunRequest, validateStdinRequest } from "./validate";
import { visitorOf } from "./visitor";

/** JSON escaping can grow text up to 6× (a control character becomes `\u0001`). */
const JSON_ESCAPE_GROWTH = 6;
/** Room in a body for everything beside the text it carries: names, processes, options. */
const BODY_OVERHEAD_BYTES = 16 * 1024;
const BODY_TIMEOUT_MS = 10_000;
const HEARTBEAT_MS = 15_000;
/** Event streams one run may have open at once (tabs, reconnects, an instructor's board). */
const MAX_WATCHERS_PER_RUN = 32;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, error.status, error.toJSON(), error.headers);
}

/**
 * The largest JSON body that carries `textBytes` of text (code, stdin) however it is escaped:
 * bodies are capped by what their content needs, so nothing larger is ever read or parsed.
 */
export function jsonBodyLimit(textBytes: number): number {
  return textBytes * JSON_ESCAPE_GROWTH + BODY_OVERHEAD_BYTES;
}

/** Reads a request body of at most `maxBytes` (413 beyond), within BODY_TIMEOUT_MS (408). */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const tooLarge = () => new ApiError(413, "body-too-large", `The request body may be at most ${formatBytes(maxBytes)}.`);
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (declared > maxBytes) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      reject(new ApiError(408, "body-timeout", "The request body did not arrive in time."));
    }, BODY_TIMEOUT_MS);
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        clearTimeout(timer);
        reject(tooLarge());
        req.removeAllListeners("data");
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", () => {
      clearTimeout(timer);
      reject(new ApiError(400, "body-unreadable", "The request body could not be read."));
    });
  });
}

/**
 * A JSON request body, parsed: `Content-Type: application/json` (415 otherwise: a cross-site
 * form or `text/plain` fetch cannot send it), at most `maxBytes`, one JSON object.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  if (!/^application\/json\s*(;|$)/i.test(req.headers["content-type"] ?? "")) {
    throw new ApiError(415, "unsupported-media-type", "Send the request body as JSON (Content-Type: application/json).");
  }
  return parseJsonObject(await readBody(req, maxBytes));
}

/**
 * The value a trusted reverse proxy put in a forwarding header: the last entry, since proxies
 * append to what arrived and everything before the last one came from the client.
 */
function forwarded(req: IncomingMessage, name: "x-forwarded-for" | "x-forwarded-host" | "x-forwarded-proto"): string | undefined {
  const raw = req.headers[name];
  const text = Array.isArray(raw) ? raw.join(",") : raw;
  return text?.split(",").at(-1)?.trim() || undefined;
}

/** Whether the client sent this request over https (to us, or with `trustProxy` to the proxy). */
export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted === true) return true;
  return trustProxy && forwarded(req, "x-forwarded-proto")?.toLowerCase() === "https";
}

/** Who a request comes from: its address, or with `trustProxy` the address the proxy saw. */
export function clientOf(req: IncomingMessage, trustProxy: boolean): string {
  return (trustProxy ? forwarded(req, "x-forwarded-for") : undefined) ?? req.socket.remoteAddress ?? "unknown";
}

function originOf(url: string): string | undefined {
  try {
    const { origin } = new URL(url);
    return origin === "null" ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * The origins this request may come from: the address it was sent to (the Host header, or
 * with `trustProxy` what the proxy forwarded) and SITE_URL, the operator's public address.
 */
function ownOrigins(req: IncomingMessage, trustProxy: boolean, siteUrl: string | undefined): string[] {
  const proto = isHttps(req, trustProxy) ? "https" : "http";
  const host = (trustProxy ? forwarded(req, "x-forwarded-host") : undefined) ?? req.headers.host;
  const origins = [siteUrl ? originOf(siteUrl) : undefined, host ? originOf(`${proto}://${host}`) : undefined];
  return origins.filter((origin): origin is string => origin !== undefined);
}

/**
 * Whether a browser sent this request from a page of another origin. Browsers name the
 * page's origin (`Sec-Fetch-Site`, `Origin`) and pages cannot change either; a request with
 * neither comes from a program (curl, a script), which holds no one's cookies. Another port
 * of the same host is another origin, though the same site: its requests carry our cookies.
 */
export function isCrossOrigin(req: IncomingMessage, trustProxy: boolean, siteUrl = process.env.SITE_URL): boolean {
  const fetchSite = req.headers["sec-fetch-site"];
  // "none": the user typed the address or opened a bookmark, never a page's doing.
  if (typeof fetchSite === "string") return fetchSite !== "same-origin" && fetchSite !== "none";
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const named = originOf(origin);
  return named === undefined || !ownOrigins(req, trustProxy, siteUrl).includes(named);
}

/** Refuses a request made by another origin's page (see isCrossOrigin). */
export function refuseCrossOrigin(req: IncomingMessage, trustProxy: boolean) {
  if (isCrossOrigin(req, trustProxy)) {
    throw new ApiError(403, "cross-origin-request", "This request came from a page of another site; only this site's own pages (or programs without a browser) may make it.");
  }
}

const isStateChanging = (method: string) => method !== "GET" && method !== "HEAD";

export function methodNotAllowed(allowed: string): ApiError {
  return new ApiError(405, "method-not-allowed", `Use ${allowed} for this address.`, { Allow: allowed });
}

function formatEvent(event: RunEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** Paths the runner answers; everything else is left to the caller (the site, or a 404). */
export function isRunnerPath(pathname: string): boolean {
  return pathname === "/api/runs" || pathname.startsWith("/api/runs/") || pathname === "/api/health" || pathname === "/metrics";
}

export interface RunnerHttpOptions {
  /**
   * Who a request counts as for the per-client run limit: the site returns
   * `learner:<id>` for a workshop learner. Undefined → the browser's visitor
   * cookie (runner/visitor.ts), so people behind one NAT never share a budget.
   */
  clientKey?: (req: IncomingMessage) => string | undefined;
}

/**
 * Serves the runner's HTTP API (shared/runner-api.md) on Node's http server.
 * Returns false for paths it does not own, so the site can pass them on.
 */
export async function handleRunnerRequest(runner: Runner, req: IncomingMessage, res: ServerResponse, options: RunnerHttpOptions = {}): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://runner.invalid");
  } catch {
    sendError(res, new ApiError(400, "invalid-url", "The request address is malformed."));
    return true;
  }
  const path = url.pathname;
  if (!isRunnerPath(path)) return false;
  try {
    await route(runner, req, res, url, options);
  } catch (error) {
    sendFailure(res, error, "runner");
  }
  return true;
}

/** Answers a handler's failure: an ApiError as itself, anything else logged and a 500 naming `component`. */
export function sendFailure(res: ServerResponse, error: unknown, component: string) {
  if (error instanceof ApiError) {
    sendError(res, error);
    return;
  }
  console.error(`${component}: unexpected error`, error);
  sendError(res, new ApiError(500, "internal-error", `The ${component} failed unexpectedly; the error was logged.`));
}

/** Starts a server-sent event stream: headers, no Nagle delay, and a 1 s reconnection delay for EventSource. */
export function openEventStream(res: ServerResponse) {
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-cache, no-transform",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
    "X-Content-Type-Options": "nosniff",
  });
  res.socket?.setNoDelay(true);
  res.write("retry: 1000\n\n");
}

/** Loopback: the machine itself (IPv4, IPv6, and IPv4 written as IPv6). */
function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (/^127\./.test(address) || address === "::1" || /^::ffff:127\./i.test(address));
}

/** Whether the request carries `Authorization: Bearer <token>` (compared in constant time). */
export function presentsToken(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? "", "utf8");
  const wanted = Buffer.from(token, "utf8");
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * Whose run a fleet's site says this is (`X-Runner-Client`, e.g. `learner:<id>`): taken only
 * with the fleet's token, as nobody else may speak for a learner.
 */
function fleetClient(req: IncomingMessage, token: string | undefined): string | undefined {
  const named = req.headers["x-runner-client"];
  if (!token || typeof named !== "string" || !/^[A-Za-z0-9:_-]{1,100}$/.test(named)) return undefined;
  return presentsToken(req, token) ? named : undefined;
}

/**
 * /metrics is for operators: with RUNNER_METRICS_TOKEN, requests that present it as a Bearer
 * token; without one, requests from this machine that did not come through a proxy.
 */
function refuseMetrics(req: IncomingMessage, token: string | undefined) {
  if (token) {
    if (presentsToken(req, token)) return;
    throw new ApiError(401, "metrics-unauthorized", "The metrics need the operator's token: send Authorization: Bearer <RUNNER_METRICS_TOKEN>.", {
      "WWW-Authenticate": 'Bearer realm="metrics"',
    });
  }
  const proxied = req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined || req.headers["x-real-ip"] !== undefined;
  if (!isLoopback(req.socket.remoteAddress) || proxied) {
    throw new ApiError(403, "metrics-forbidden", "The metrics are served only to this machine (loopback, not through a proxy); set RUNNER_METRICS_TOKEN to read them from elsewhere.");
  }
}

async function route(runner: Runner, req: IncomingMessage, res: ServerResponse, url: URL, options: RunnerHttpOptions) {
  const path = url.pathname;
  const method = req.method ?? "GET";
  if (isStateChanging(method)) refuseCrossOrigin(req, runner.config.trustProxy);
  if (path === "/api/health") {
    if (method !== "GET" && method !== "HEAD") throw methodNotAllowed("GET");
    const report = runner.health();
    sendJson(res, report.status === "ok" ? 200 : 503, report);
    return;
  }
  if (path === "/metrics") {
    if (method !== "GET") throw methodNotAllowed("GET");
    refuseMetrics(req, runner.config.metricsToken);
    const text = await runner.metrics.registry.metrics();
    res.writeHead(200, { "Content-Type": runner.metrics.registry.contentType, "Cache-Control": "no-store" });
    res.end(text);
    return;
  }
  if (path === "/api/runs" || path === "/api/runs/") {
    if (method !== "POST") throw methodNotAllowed("POST");
    const body = await readJsonBody(req, jsonBodyLimit(runner.config.codeBytes));
    const request = validateRunRequest(body, runner.config);
    const address = clientOf(req, runner.config.trustProxy);
    const learner = options.clientKey?.(req) ?? fleetClient(req, runner.config.fleetToken);
    const visitor = learner === undefined ? visitorOf(req, isHttps(req, runner.config.trustProxy)) : undefined;
    const run = await runner.submit(request, { key: learner ?? visitor?.key ?? address, address });
    const events = `/api/runs/${run.id}/events`;
    sendJson(res, 202, { id: run.id, events }, { Location: `/api/runs/${run.id}`, ...(visitor?.setCookie ? { "Set-Cookie": visitor.setCookie } : {}) });
    return;
  }
  const action = /^\/api\/runs\/([A-Za-z0-9_-]{1,64})\/processes\/([^/]*)\/(kill|restart)$/.exec(path);
  if (action) {
    const run = runner.get(action[1]!);
    if (!run) throw new ApiError(404, "run-not-found", "No run has that id (runs are forgotten a few minutes after they end).");
    if (method !== "POST") throw methodNotAllowed("POST");
    let name: string;
    try {
      name = decodeURIComponent(action[2]!);
    } catch {
      name = "";
    }
    if (!PROCESS_NAME.test(name)) throw new ApiError(400, "invalid-process-name", `A process name is 1–32 letters, digits, "_" or "-".`);
    runner.processAction(run, name, action[3] as "kill" | "restart");
    sendJson(res, 200, { status: action[3] === "kill" ? "killed" : "restarting" });
    return;
  }
  const record = /^\/api\/runs\/([A-Za-z0-9_-]{1,64})\/record$/.exec(path);
  if (record) {
    // For the fleet's sites only: to anyone else the address does not exist.
    const token = runner.config.fleetToken;
    const run = token && presentsToken(req, token) ? runner.get(record[1]!) : undefined;
    if (!run) throw new ApiError(404, "run-not-found", "No run has that id (runs are forgotten a few minutes after they end).");
    if (method !== "GET") throw methodNotAllowed("GET");
    const body: RunRecord = { id: run.id, client: run.client, state: run.state, request: run.request, events: run.events };
    sendJson(res, 200, body);
    return;
  }
  const match = /^\/api\/runs\/([A-Za-z0-9_-]{1,64})\/(events|stop|stdin)$/.exec(path);
  const run = match ? runner.get(match[1]!) : undefined;
  if (!match || !run) {
    throw new ApiError(404, "run-not-found", "No run has that id (runs are forgotten a few minutes after they end).");
  }
  switch (match[2]) {
    case "events":
      if (method !== "GET") throw methodNotAllowed("GET");
      streamEvents(run, req, res, url);
      return;
    case "stop":
      if (method !== "POST") throw methodNotAllowed("POST");
      if (run.state === "ended") sendJson(res, 200, { status: "ended" });
      else {
        runner.stop(run);
        sendJson(res, 200, { status: "stopping" });
      }
      return;
    case "stdin": {
      if (method !== "POST") throw methodNotAllowed("POST");
      const body = validateStdinRequest(await readJsonBody(req, jsonBodyLimit(runner.config.stdinBytes)), runner.config);
      const problem = run.writeStdin(body.process, body.data, body.eof);
      if (problem) throw new ApiError(problem.code === "unknown-process" ? 400 : 409, problem.code, problem.message);
      sendJson(res, 200, { status: "written" });
      return;
    }
  }
}

/**
 * Last-Event-ID from the header (a reconnecting EventSource) or `?lastEventId=` (a fresh
 * one); null when absent. Whole numbers of up to 15 digits: exact as JavaScript numbers.
 */
export function lastEventIdOf(req: IncomingMessage, url: URL): number | null {
  const raw = req.headers["last-event-id"] ?? url.searchParams.get("lastEventId");
  if (raw === undefined || raw === null) return null;
  const text = (Array.isArray(raw) ? raw[0]! : raw).trim();
  if (!/^\d{1,15}$/.test(text)) throw new ApiError(400, "invalid-last-event-id", "Last-Event-ID must be the whole-number id of an event.");
  return Number(text);
}

function streamEvents(run: Run, req: IncomingMessage, res: ServerResponse, url: URL) {
  const after = lastEventIdOf(req, url) ?? 0;
  if (run.watchers >= MAX_WATCHERS_PER_RUN) {
    throw new ApiError(429, "too-many-streams", `This run already has ${MAX_WATCHERS_PER_RUN} open event streams; close one first.`, {
      "Retry-After": "5",
    });
  }
  openEventStream(res);
  let closed = false;
  const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
  // Events that come together (a trace line holds dozens, a replay hundreds) go out as one
  // write: a write per event costs a chunk header and an iovec each (a traced run's 2000).
  let out: string[] = [];
  const flush = () => {
    if (out.length === 0 || closed) return;
    res.write(out.join(""));
    out = [];
  };
  const close = () => {
    if (closed) return;
    flush();
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  };
  // The subscription replays the backlog synchronously, before `unsubscribe` exists:
  // an `end` seen then closes right after, one seen later closes on the next tick.
  let replaying = true;
  let endSeen = false;
  const unsubscribe = run.subscribe(after, (event) => {
    if (closed) return;
    if (out.length === 0) queueMicrotask(flush);
    out.push(formatEvent(event));
    if (event.type !== "end") return;
    endSeen = true;
    if (!replaying) setImmediate(close);
  });
  replaying = false;
  if (endSeen || run.state === "ended") {
    close();
    return;
  }
  req.on("close", close);
}

/**
 * On SIGINT/SIGTERM: stop accepting, stop every run (their sandboxes go with them), exit.
 * With RUNNER_DRAIN_MS, runs first go on to their end for that long while no new one is
 * taken (health answers 503 "draining", so a load balancer sends runs elsewhere) and the
 * server keeps answering, so their event streams go on. `beforeClose` ends other long-lived responses (a
 * site's workshop streams) so their clients reconnect elsewhere; `afterClose` runs last
 * (closing a database). Without a runner (a site on a fleet) only the hooks run.
 */
export function closeOnSignals(server: Server, runner: Runner | undefined, hooks: { beforeClose?: () => void; afterClose?: () => Promise<void> } = {}) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      hooks.beforeClose?.();
      const drainMs = runner?.config.drainMs ?? 0;
      // Draining, it keeps answering: health says "draining" and the runs' streams go on.
      if (drainMs === 0) server.close();
      void (runner ? (drainMs > 0 ? runner.drain(drainMs) : runner.close()) : Promise.resolve())
        .then(async () => {
          // The last events of drained runs are still being written: let their streams end first (briefly).
          await new Promise((resolve) => {
            server.close(resolve);
            server.closeIdleConnections();
            setTimeout(resolve, drainMs > 0 ? 2_000 : 0).unref();
          });
          return hooks.afterClose?.();
        })
        .catch((error: unknown) => console.error("server: shutdown failed", error))
        .then(() => process.exit(0));
    });
  }
}
