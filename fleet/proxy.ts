/**
 * The site's runs API when the code runs on a fleet of runners (RUNNER_URLS):
 * the same paths and answers as the in-process runner (runner/http.ts), each
 * passed to the runner that owns the run. A new run goes to the least loaded
 * runner that takes runs; the runner validates and limits it as it always does.
 * A runner that goes away takes its runs with it: their streams end with an
 * `end` event of status "error" that says so, never a hang.
 */
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import { request as httpsRequest } from "node:https";
import { ApiError } from "../runner/errors";
import { clientOf, isHttps, isRunnerPath, jsonBodyLimit, lastEventIdOf, methodNotAllowed, openEventStream, readBody, refuseCrossOrigin, sendFailure, sendJson } from "../runner/http";
import type { RunnerConfig } from "../runner/config";
import type { RunRecord } from "../runner/protocol";
import { fleetRunId, splitRunId, type Member, type RunnerFleet } from "./members";

/** A stream that brought nothing (not even the runner's 15 s keep-alive) for this long: its runner is gone. */
const STREAM_IDLE_MS = 40_000;
const REQUEST_TIMEOUT_MS = 15_000;

export interface FleetHttpOptions {
  config: Pick<RunnerConfig, "codeBytes" | "stdinBytes" | "trustProxy">;
  /** RUNNER_FLEET_TOKEN: proves to the runners that the client key the site names is the site's word. */
  token?: string;
  /** Who a request counts as (a workshop learner): passed to the runner with the token. */
  clientKey?: (req: IncomingMessage) => string | undefined;
}

export const RUNNER_GONE_MESSAGE = "The runner running this program stopped (its machine went away or restarted), so the run ended. Press Run to start it again.";

const notFound = () => new ApiError(404, "run-not-found", "No run has that id (runs are forgotten a few minutes after they end).");

interface Upstream {
  status: number;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

/** One request to a runner, its whole answer read; rejects when the runner cannot be reached. */
function call(member: Member, method: string, path: string, headers: OutgoingHttpHeaders, body?: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const send = member.url.startsWith("https:") ? httpsRequest : httpRequest;
    const req = send(`${member.url}${path}`, { method, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("runner timed out")));
    req.on("error", reject);
    req.end(body);
  });
}

/** The headers a runner gets: who the client is (as this site saw it) and, with the token, whose run it is. */
function forwardHeaders(req: IncomingMessage, options: FleetHttpOptions, body?: Buffer): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    "x-forwarded-for": clientOf(req, options.config.trustProxy),
    "x-forwarded-proto": isHttps(req, options.config.trustProxy) ? "https" : "http",
  };
  if (req.headers.cookie) headers.cookie = req.headers.cookie;
  if (body) {
    headers["content-type"] = "application/json";
    headers["content-length"] = body.length;
  }
  const learner = options.clientKey?.(req);
  if (options.token) {
    headers.authorization = `Bearer ${options.token}`;
    if (learner !== undefined) headers["x-runner-client"] = learner;
  }
  return headers;
}

/** Answers with what the runner answered (status, JSON body, the headers that matter to a client). */
function relay(res: ServerResponse, upstream: Upstream, rewrite?: (body: Record<string, unknown>) => Record<string, unknown>) {
  const headers: Record<string, string | string[]> = {};
  for (const name of ["retry-after", "allow", "set-cookie", "www-authenticate"]) {
    const value = upstream.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  let body: unknown;
  try {
    body = JSON.parse(upstream.body.toString("utf8"));
  } catch {
    throw new ApiError(502, "runner-bad-answer", "The runner gave an answer that is not JSON.");
  }
  if (rewrite && typeof body === "object" && body !== null) {
    body = rewrite(body as Record<string, unknown>);
    if (typeof (body as { events?: unknown }).events === "string") headers.location = ((body as { events: string }).events).replace(/\/events$/, "");
  }
  sendJson(res, upstream.status, body, headers as Record<string, string>);
}

/**
 * Serves /api/runs*, /api/health and /metrics through the fleet; false for other paths.
 * Streams being proxied are tracked so that a runner found dead ends them at once.
 */
export class FleetHttp {
  /** Per runner key, how to end each stream proxied from it: `gone` (the runner died) or not (this site is stopping). */
  private readonly streams = new Map<string, Set<(gone: boolean) => void>>();

  constructor(
    readonly fleet: RunnerFleet,
    private readonly options: FleetHttpOptions,
  ) {
    fleet.onDown((member) => {
      for (const end of [...(this.streams.get(member.key) ?? [])]) end(true);
    });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://site.invalid");
    } catch {
      return false;
    }
    if (!isRunnerPath(url.pathname)) return false;
    try {
      await this.route(req, res, url);
    } catch (error) {
      sendFailure(res, error, "runner fleet");
    }
    return true;
  }

  /**
   * A run as its runner holds it (for workshops: whose run, what it showed), with the site's
   * id; `lost` when its runner is gone or cannot be reached (the record went with it);
   * undefined when it is unknown or the fleet has no token to ask with.
   */
  async record(id: string): Promise<RunRecord | { lost: string } | undefined> {
    const split = splitRunId(id);
    if (!split || !this.options.token) return undefined;
    const { member, gone } = this.fleet.find(split.key);
    if (!member) return gone ? { lost: RUNNER_GONE_MESSAGE } : undefined;
    let answer: Upstream;
    try {
      answer = await call(member, "GET", `/api/runs/${split.remoteId}/record`, { authorization: `Bearer ${this.options.token}` });
    } catch {
      return { lost: RUNNER_GONE_MESSAGE };
    }
    if (answer.status !== 200) return undefined;
    try {
      const record = JSON.parse(answer.body.toString("utf8")) as RunRecord;
      return { ...record, id };
    } catch {
      return undefined;
    }
  }

  /**
   * Ends every proxied stream without an end of ours (the site is shutting down, its runs
   * go on): clients reconnect to another replica and resume with Last-Event-ID.
   */
  closeStreams() {
    for (const ends of this.streams.values()) for (const end of [...ends]) end(false);
  }

  private async route(req: IncomingMessage, res: ServerResponse, url: URL) {
    const path = url.pathname;
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") refuseCrossOrigin(req, this.options.config.trustProxy);
    if (path === "/api/health") {
      if (method !== "GET" && method !== "HEAD") throw methodNotAllowed("GET");
      return this.health(res);
    }
    if (path === "/metrics") {
      throw new ApiError(404, "metrics-on-runners", "This site runs no code itself: read /metrics on each runner.");
    }
    if (path === "/api/runs" || path === "/api/runs/") {
      if (method !== "POST") throw methodNotAllowed("POST");
      return this.submit(req, res);
    }
    const match = /^\/api\/runs\/([A-Za-z0-9_-]{1,64})\/(events|stop|stdin|processes\/[^/]*\/(?:kill|restart))$/.exec(path);
    const id = match ? splitRunId(match[1]!) : undefined;
    if (!match || !id) throw notFound();
    const action = match[2]!;
    const { member, gone } = this.fleet.find(id.key);
    if (!member && !gone) throw notFound();
    if (action === "events") {
      if (method !== "GET") throw methodNotAllowed("GET");
      const after = lastEventIdOf(req, url) ?? 0;
      if (!member) return endGone(res, after);
      return this.stream(req, res, member, id.remoteId, after);
    }
    if (method !== "POST") throw methodNotAllowed("POST");
    const body = action === "stdin" ? await readBody(req, jsonBodyLimit(this.options.config.stdinBytes)) : await readBody(req, 4096);
    if (!member) return gonePost(res, action);
    let upstream: Upstream;
    try {
      upstream = await call(member, "POST", `/api/runs/${id.remoteId}/${action}`, forwardHeaders(req, this.options, Buffer.from(body, "utf8")), Buffer.from(body, "utf8"));
    } catch {
      this.fleet.failed(member);
      return gonePost(res, action);
    }
    relay(res, upstream);
  }

  private health(res: ServerResponse) {
    const members = this.fleet.members();
    const up = members.filter((m) => m.up);
    const sum = (pick: (m: (typeof members)[number]) => number) => up.reduce((total, m) => total + pick(m), 0);
    // The site is up whatever its runners do (pages still serve): `status` says whether runs can start.
    sendJson(res, 200, {
      status: up.length > 0 ? "ok" : "no-runners",
      runs: { running: sum((m) => m.running), queued: sum((m) => m.queued), slots: sum((m) => m.slots) },
      fleet: members.map((m) => ({ key: m.key, up: m.up, running: m.running, queued: m.queued, slots: m.slots })),
    });
  }

  /** Sends the run to the least loaded runner; one that cannot be reached or is draining passes it to the next. */
  private async submit(req: IncomingMessage, res: ServerResponse) {
    const body = Buffer.from(await readBody(req, jsonBodyLimit(this.options.config.codeBytes)), "utf8");
    const candidates = this.fleet.ranked();
    let refused: Upstream | undefined;
    for (const member of candidates) {
      let upstream: Upstream;
      // Counted as sent before the answer: the runs of a burst rank the runners as they go.
      member.sent++;
      try {
        upstream = await call(member, "POST", "/api/runs", forwardHeaders(req, this.options, body), body);
      } catch {
        member.sent--;
        this.fleet.failed(member);
        continue;
      }
      if (upstream.status !== 202) member.sent--;
      // 503: draining, or its sandbox is unavailable: another runner may take it.
      if (upstream.status === 503) {
        refused = upstream;
        member.up = false;
        continue;
      }
      return relay(res, upstream, (answer) => {
        if (typeof answer.id !== "string") return answer;
        const id = fleetRunId(member.key, answer.id);
        return { ...answer, id, events: `/api/runs/${id}/events` };
      });
    }
    if (refused) return relay(res, refused);
    throw new ApiError(503, "no-runner", "No runner can take a run right now; try again in a moment.", { "Retry-After": "2" });
  }

  /** Pipes the runner's event stream; if the runner goes away before `end`, ends it with status "error". */
  private stream(req: IncomingMessage, res: ServerResponse, member: Member, remoteId: string, after: number) {
    const send = member.url.startsWith("https:") ? httpsRequest : httpRequest;
    const started = Date.now();
    let lastId = after;
    let sawEnd = false;
    let open = false;
    let done = false;
    let pending = "";
    const ends = this.streams.get(member.key) ?? new Set<(gone: boolean) => void>();
    this.streams.set(member.key, ends);
    /** `gone`: the runner went away before the run's end, so the stream ends with one of ours. */
    const finish = (gone: boolean) => {
      if (done) return;
      done = true;
      ends.delete(finish);
      upstream.destroy();
      if (!gone || sawEnd) {
        // Not started yet (the site is stopping): dropped, so the client tries again.
        if (open) res.end();
        else if (!res.headersSent) res.destroy();
        return;
      }
      if (!open) return endGone(res, lastId);
      res.end(goneEvent(lastId + 1, Date.now() - started));
    };
    ends.add(finish);
    const upstream = send(`${member.url}/api/runs/${remoteId}/events`, { headers: { ...forwardHeaders(req, this.options), "last-event-id": String(after) } }, (answer) => {
      if (answer.statusCode !== 200) {
        // 404 (forgotten), 429 (too many streams): the runner's answer is the answer.
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          done = true;
          ends.delete(finish);
          try {
            relay(res, { status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) });
          } catch (error) {
            sendFailure(res, error, "runner fleet");
          }
        });
        return;
      }
      open = true;
      // The runner's stream starts with its own `retry:` line: its bytes go on as they are.
      res.writeHead(200, {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
        "X-Content-Type-Options": "nosniff",
      });
      res.socket?.setNoDelay(true);
      answer.setEncoding("utf8");
      answer.on("data", (chunk: string) => {
        if (done) return;
        res.write(chunk);
        // Whole lines only: which event came last, and whether it was the end.
        const lines = (pending + chunk).split("\n");
        pending = lines.pop()!;
        for (const line of lines) {
          if (line.startsWith("id: ")) lastId = Number(line.slice(4));
          else if (line === "event: end") sawEnd = true;
        }
      });
      answer.on("end", () => finish(true));
      answer.on("error", () => finish(true));
    });
    upstream.setTimeout(STREAM_IDLE_MS, () => finish(true));
    upstream.on("error", () => {
      if (!open) this.fleet.failed(member);
      finish(true);
    });
    upstream.end();
    req.on("close", () => finish(false));
  }
}

function goneEvent(id: number, durationMs: number): string {
  return `id: ${id}\nevent: end\ndata: ${JSON.stringify({ status: "error", durationMs, message: RUNNER_GONE_MESSAGE })}\n\n`;
}

/** The stream of a run whose runner is gone: only its end. */
function endGone(res: ServerResponse, after: number) {
  openEventStream(res);
  res.end(goneEvent(after + 1, 0));
}

/** A stop of a run whose runner is gone has nothing left to stop; anything else cannot reach it. */
function gonePost(res: ServerResponse, action: string) {
  if (action === "stop") return sendJson(res, 200, { status: "ended" });
  throw new ApiError(409, "run-ended", RUNNER_GONE_MESSAGE);
}
