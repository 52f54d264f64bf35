/**
 * The workshop API under /api/workshops (contract: /work/notes/workshop-api.md).
 * Learners act through their signed cookie and only ever see their own data;
 * the instructor acts through the instructor cookie or `Authorization: Bearer`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "../runner/errors";
import { clientOf, isHttps, jsonBodyLimit, lastEventIdOf, methodNotAllowed, readJsonBody, refuseCrossOrigin, sendFailure, sendJson } from "../runner/http";
import { cookieHeader, cookieValue, parseCookies } from "../runner/cookies";
import { hashKey, instructorCookie, keyMatches, learnerCookie, newInstructorKey, normalizeCode } from "./auth";
import { defaultProcesses, findLesson } from "./catalog";
import { exportCsv } from "./csv";
import { BOARD, learnerAudience, LEARNERS } from "./events";
import { isLost, liveOutput, liveTrace, reportRun } from "./runs";
import { WorkshopService, type Workshops } from "./service";
import { streamWorkshopEvents } from "./sse";
import type { WorkshopRecord } from "./store";
import {
  validateActivity,
  validateBroadcast,
  validateCreate,
  validateHand,
  validateHint,
  validateKey,
  validateLowerHand,
  validateName,
  validatePlace,
  MAX_CODE_BYTES,
} from "./validate";

const BODY_BYTES = 64 * 1024;
/** Code updates and broadcasts carry up to MAX_CODE_BYTES of source, JSON-escaped. */
const CODE_BODY_BYTES = jsonBodyLimit(MAX_CODE_BYTES);
const COOKIE_MAX_AGE_S = 30 * 86_400;
/** A one-time instructor link works once, within this time. */
const HANDOFF_TTL_MS = 10 * 60_000;

export function isWorkshopPath(pathname: string): boolean {
  return pathname === "/api/workshops" || pathname.startsWith("/api/workshops/");
}

/** Serves /api/workshops*; returns false for other paths. Never throws. */
export async function handleWorkshopRequest(ws: Workshops, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://workshop.invalid");
  } catch {
    return false;
  }
  if (!isWorkshopPath(url.pathname)) return false;
  try {
    await route(await ws.get(), req, res, url);
  } catch (error) {
    sendFailure(res, error, "workshop server");
  }
  return true;
}

interface Context {
  ws: WorkshopService;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  method: string;
  client: string;
}

function body(ctx: Context, maxBytes = BODY_BYTES): Promise<Record<string, unknown>> {
  return readJsonBody(ctx.req, maxBytes);
}

function only(ctx: Context, method: "GET" | "POST") {
  if (ctx.method !== method && !(method === "GET" && ctx.method === "HEAD")) throw methodNotAllowed(method);
}

function noContent(res: ServerResponse, headers: Record<string, string> = {}) {
  res.writeHead(204, { "Cache-Control": "no-store", ...headers });
  res.end();
}

/** Over https the cookies are Secure and `__Host-` named (see auth.ts). */
function secure(ctx: Context): boolean {
  return isHttps(ctx.req, ctx.ws.trustProxy);
}

/** The bearer key of `Authorization`, undefined when there is no such header, "" when it is malformed. */
function bearerOf(ctx: Context): string | undefined {
  const auth = ctx.req.headers.authorization;
  return auth === undefined ? undefined : (/^Bearer\s+(\S{1,200})$/i.exec(auth)?.[1] ?? "");
}

function tooMany(wait: number, what: string): ApiError {
  return new ApiError(429, "rate-limited", `Too many ${what} from your address; try again in ${wait} s.`, { "Retry-After": String(wait) });
}

/** A miss (unknown code, wrong key) counts against the client; at the limit it becomes a 429. */
function miss(ctx: Context, error: ApiError): ApiError {
  const wait = ctx.ws.misses.miss(ctx.client);
  return wait > 0 ? tooMany(wait, "failed attempts") : error;
}

const notFound = () => new ApiError(404, "workshop-not-found", "There is no workshop with that code. Check the code (6 letters and digits) with your instructor.");
const ended = () => new ApiError(410, "workshop-ended", "This workshop has ended.");

/**
 * An ended workshop takes no more changes, checked here once for every POST: only
 * the instructor may still sign in, end it again (nothing happens) and lower hands.
 */
function changesAfterEnd(path: string): boolean {
  return path === "instructor" || path === "end" || path === "handoff" || /^learners\/[A-Za-z0-9_-]{16}\/hand$/.test(path);
}

async function route(ws: WorkshopService, req: IncomingMessage, res: ServerResponse, url: URL) {
  // Before anything counts: another site's page must neither act with our cookies nor spend a classroom's misses.
  // Every method: no page of another origin has a use for this API (it cannot read the answers).
  refuseCrossOrigin(req, ws.trustProxy);
  const ctx: Context = { ws, req, res, url, method: req.method ?? "GET", client: clientOf(req, ws.trustProxy) };
  const parts = url.pathname.split("/").slice(3); // "", "api", "workshops", …
  if (parts.at(-1) === "") parts.pop();
  if (parts.length === 0) {
    if (ctx.method !== "POST") throw methodNotAllowed("POST");
    await create(ctx);
    return;
  }
  const [rawCode, ...rest] = parts;
  const cookies = parseCookies(req.headers.cookie);
  const code = normalizeCode(rawCode!);
  const workshop = code ? await ws.store.workshop(code) : undefined;
  // A client out of misses gets nothing (not even a hit) unless it holds a valid cookie or key of this workshop;
  // the answer is the same 429 whether or not the code exists.
  const bearer = bearerOf(ctx);
  const vouched =
    code !== undefined &&
    (ws.signer.learnerFrom(code, cookieValue(cookies, learnerCookie(code))) !== undefined ||
      (workshop !== undefined &&
        (ws.signer.instructorValid(code, workshop.keyHash, cookieValue(cookies, instructorCookie(code))) || (!!bearer && keyMatches(bearer, workshop.keyHash)))));
  const wait = vouched ? 0 : ws.misses.wait(ctx.client);
  if (wait > 0) throw tooMany(wait, "failed attempts");
  if (!code || !workshop) throw miss(ctx, notFound());
  const path = rest.join("/");
  if (ctx.method === "POST" && workshop.ended && !changesAfterEnd(path)) throw ended();
  switch (path) {
    case "":
      only(ctx, "GET");
      return sendJson(res, 200, workshop.summary);
    case "join":
      only(ctx, "POST");
      return join(ctx, workshop, cookies);
    case "instructor":
      only(ctx, "POST");
      return exchangeKey(ctx, workshop);
    case "me":
    case "activity":
    case "hand":
    case "events":
      return learnerRoute(ctx, workshop, path, await learnerOf(ctx, workshop, cookies));
  }
  instructorOf(ctx, workshop, cookies);
  const learnerPath = /^learners\/([A-Za-z0-9_-]{16})(?:\/(hint|hand))?$/.exec(path);
  if (learnerPath) return learnerAction(ctx, workshop, learnerPath[1]!, learnerPath[2]);
  return instructorRoute(ctx, workshop, path);
}

async function create(ctx: Context) {
  const input = validateCreate(await body(ctx), ctx.ws.catalog);
  const wait = ctx.ws.creates.take(ctx.client);
  if (wait > 0) throw tooMany(wait, "new workshops");
  const key = newInstructorKey();
  const summary = await ctx.ws.store.createWorkshop(input.title, input.items, input.endsAt, hashKey(key));
  sendJson(ctx.res, 201, {
    code: summary.code,
    title: summary.title,
    joinPath: `/w/${summary.code}`,
    instructorPath: `/w/${summary.code}/instructor#key=${key}`,
    instructorKey: key,
  }, { Location: `/api/workshops/${summary.code}` });
}

async function join(ctx: Context, workshop: WorkshopRecord, cookies: Map<string, string>) {
  const name = validateName(await body(ctx));
  const code = workshop.summary.code;
  const current = ctx.ws.signer.learnerFrom(code, cookieValue(cookies, learnerCookie(code)));
  // Each join without this workshop's cookie makes a learner and a cookie: so many per address, no more
  // (a page cannot mint learners without end). A renaming (the cookie comes along) makes nothing new.
  if (current === undefined) {
    const wait = ctx.ws.joins.take(ctx.client);
    if (wait > 0) throw tooMany(wait, "joins");
  }
  const { learner, created } = await ctx.ws.store.join(code, name, current);
  const cookie = cookieHeader(learnerCookie(code, secure(ctx)), ctx.ws.signer.learnerValue(code, learner.id), { maxAgeSeconds: COOKIE_MAX_AGE_S, secure: secure(ctx) });
  sendJson(ctx.res, created ? 201 : 200, { learner }, { "Set-Cookie": cookie });
}

async function exchangeKey(ctx: Context, workshop: WorkshopRecord) {
  const given = validateKey(await body(ctx));
  const code = workshop.summary.code;
  if ("handoff" in given) {
    if (!(await ctx.ws.store.useHandoff(code, hashKey(given.handoff)))) {
      throw miss(ctx, new ApiError(403, "handoff-used", "That one-time instructor link was used already or has expired: make a new one on the board."));
    }
  } else if (!keyMatches(given.key, workshop.keyHash)) throw miss(ctx, new ApiError(403, "wrong-key", "That instructor key does not belong to this workshop."));
  const cookie = cookieHeader(instructorCookie(code, secure(ctx)), ctx.ws.signer.instructorValue(code, workshop.keyHash), { maxAgeSeconds: COOKIE_MAX_AGE_S, secure: secure(ctx) });
  noContent(ctx.res, { "Set-Cookie": cookie });
}

async function learnerOf(ctx: Context, workshop: WorkshopRecord, cookies: Map<string, string>): Promise<string> {
  const code = workshop.summary.code;
  const id = ctx.ws.signer.learnerFrom(code, cookieValue(cookies, learnerCookie(code)));
  if (!id || !(await ctx.ws.store.learnerExists(code, id))) {
    throw new ApiError(401, "not-joined", "You have not joined this workshop (or your session is no longer valid); join it with your name.");
  }
  return id;
}

function instructorOf(ctx: Context, workshop: WorkshopRecord, cookies: Map<string, string>) {
  const code = workshop.summary.code;
  const bearer = bearerOf(ctx);
  if (bearer !== undefined) {
    if (!bearer || !keyMatches(bearer, workshop.keyHash)) throw miss(ctx, new ApiError(403, "wrong-key", "That instructor key does not belong to this workshop."));
    return;
  }
  if (!ctx.ws.signer.instructorValid(code, workshop.keyHash, cookieValue(cookies, instructorCookie(code)))) {
    throw new ApiError(401, "not-instructor", "Only the instructor can do this: open the instructor link of this workshop.");
  }
}

async function learnerRoute(ctx: Context, workshop: WorkshopRecord, path: string, id: string) {
  const { ws, res } = ctx;
  const code = workshop.summary.code;
  switch (path) {
    case "me":
      only(ctx, "GET");
      return sendJson(res, 200, await ws.store.me(code, id));
    case "activity": {
      only(ctx, "POST");
      const activity = validateActivity(await body(ctx, CODE_BODY_BYTES), ws.catalog);
      if (activity.type === "location") await ws.store.setLocation(code, id, activity.lesson, activity.anchor);
      else if (activity.type === "code") await ws.store.setCode(code, id, activity);
      else {
        const found = await ws.runs(activity.runId);
        const notFound = () => new ApiError(404, "run-not-found", "You have no run with that id (runs are forgotten a few minutes after they end).");
        if (isLost(found)) {
          // Its runner went away with its record: ended with an error, if it is the run the board shows them running.
          if (activity.type === "run" && (await ws.store.recordLostRun(code, id, activity.runId, found.lost))) return noContent(res);
          throw notFound();
        }
        const run = found;
        // Only the learner's own runs (started with their cookie): another's run id reads as unknown.
        if (!run || !WorkshopService.ranBy(run.client, id)) throw notFound();
        if (activity.type === "run-start") {
          // A run that already ended is reported by its end; nothing runs any more.
          if (run.state !== "ended") {
            const { lesson, snippet, variant } = run.request;
            await ws.store.setRunning(code, id, { runId: run.id, lesson: lesson ?? null, snippet: snippet ?? null, variant: variant ?? null });
          }
          return noContent(res);
        }
        const report = reportRun(run);
        if (report === "running") throw new ApiError(409, "run-not-ended", "That run has not ended yet; report it after its end event.");
        await ws.store.recordRun(code, id, report);
      }
      return noContent(res);
    }
    case "hand": {
      only(ctx, "POST");
      const hand = validateHand(await body(ctx));
      await ws.store.setHand(code, id, hand.raised, hand.message);
      return noContent(res);
    }
    case "events":
      only(ctx, "GET");
      return learnerStream(ctx, code, id);
  }
}

async function learnerStream(ctx: Context, code: string, id: string) {
  const { ws } = ctx;
  const after = lastEventIdOf(ctx.req, ctx.url);
  const group = `learner:${id}`;
  if (ws.streams.count(group) >= ws.limits.learnerStreams) {
    throw new ApiError(429, "too-many-streams", `You already have ${ws.limits.learnerStreams} workshop tabs listening; close one.`, { "Retry-After": "5" });
  }
  ws.store.streamOpened(code, id);
  await streamWorkshopEvents(ctx.req, ctx.res, ws.hub, ws.streams, group, {
    workshop: code,
    audiences: [LEARNERS, learnerAudience(id)],
    snapshot: async () => {
      const me = await ws.store.me(code, id);
      return { data: me, lastEventId: me.lastEventId };
    },
    onHeartbeat: () => ws.store.touch(id),
    onClose: () => ws.store.streamClosed(code, id),
  }, after);
}

async function learnerAction(ctx: Context, workshop: WorkshopRecord, id: string, action: string | undefined) {
  const { ws, res } = ctx;
  const code = workshop.summary.code;
  if (action === undefined) {
    only(ctx, "GET");
    const detail = await ws.store.detail(code, id);
    // Their run going on now, read from this server's runner (a run on another server shows once it ends).
    const found = detail.tile.running ? await ws.runs(detail.tile.running.runId) : undefined;
    const running = isLost(found) ? undefined : found;
    const text = running && WorkshopService.ranBy(running.client, id) ? liveOutput(running) : undefined;
    if (text !== undefined) {
      const trace = liveTrace(running!);
      detail.live = { runId: running!.id, text, at: new Date().toISOString(), ...(trace ? { trace } : {}) };
    }
    return sendJson(res, 200, detail);
  }
  only(ctx, "POST");
  if (action === "hint") {
    const text = validateHint(await body(ctx));
    return sendJson(res, 201, await ws.store.addHint(code, id, text));
  }
  validateLowerHand(await body(ctx));
  await ws.store.detail(code, id); // 404 for an unknown learner
  await ws.store.lowerHand(code, id);
  return noContent(res);
}

async function instructorRoute(ctx: Context, workshop: WorkshopRecord, path: string) {
  const { ws, res } = ctx;
  const code = workshop.summary.code;
  switch (path) {
    case "board":
      only(ctx, "GET");
      return sendJson(res, 200, await ws.store.board(code));
    case "board/events": {
      only(ctx, "GET");
      const after = lastEventIdOf(ctx.req, ctx.url);
      const group = `board:${code}`;
      if (ws.streams.count(group) >= ws.limits.boardStreams) {
        throw new ApiError(429, "too-many-streams", `This workshop's board is already open ${ws.limits.boardStreams} times; close one.`, { "Retry-After": "5" });
      }
      return streamWorkshopEvents(ctx.req, res, ws.hub, ws.streams, group, {
        workshop: code,
        audiences: [BOARD],
        snapshot: async () => {
          const board = await ws.store.board(code);
          return { data: board, lastEventId: board.lastEventId };
        },
      }, after);
    }
    case "focus": {
      only(ctx, "POST");
      const place = validatePlace(await body(ctx), ws.catalog);
      await ws.store.setFocus(code, place.lesson, place.anchor);
      return noContent(res);
    }
    case "broadcasts": {
      only(ctx, "POST");
      const input = validateBroadcast(await body(ctx, CODE_BODY_BYTES), ws.catalog);
      const snippet = findLesson(ws.catalog, input.lesson)!.snippets.find((s) => s.id === input.snippet)!;
      const processes = input.processes ?? defaultProcesses(snippet, input.files.map((f) => f.name));
      return sendJson(res, 201, await ws.store.addBroadcast(code, { ...input, processes }));
    }
    case "end":
      only(ctx, "POST");
      await ws.store.end(code);
      return noContent(res);
    case "handoff": {
      // A one-time link that signs the instructor in on another device (a phone, the projector's laptop).
      only(ctx, "POST");
      const token = newInstructorKey();
      const expiresAt = await ws.store.addHandoff(code, hashKey(token), HANDOFF_TTL_MS);
      return sendJson(res, 201, { path: `/w/${code}/instructor#handoff=${token}`, expiresAt });
    }
    case "export.csv": {
      only(ctx, "GET");
      const csv = exportCsv(await ws.store.exportRows(code));
      res.writeHead(200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="workshop-${code}.csv"`,
        "Content-Length": Buffer.byteLength(csv),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      res.end(ctx.method === "HEAD" ? undefined : csv);
      return;
    }
  }
  throw new ApiError(404, "not-found", "There is no such workshop address.");
}
