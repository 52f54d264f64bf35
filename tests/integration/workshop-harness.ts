/**
 * The workshop wiring of server.ts without Next.js: the real runner and the
 * real workshop module (real database) on node:http, on a free port, plus a
 * small cookie-keeping client and an SSE reader that speak the public API.
 */
import { getLessons } from "../../content/loader";
import { lessonChecks } from "../../content/checks";
import { configFromEnv, type RunnerConfig } from "../../runner/config";
import { handleRunnerRequest } from "../../runner/http";
import { Runner } from "../../runner/runner";
import { listen, sseMessages } from "./harness";
import { catalogFromLessons, handleWorkshopRequest, Workshops, WorkshopService, type WorkshopLimits } from "../../workshop";

export interface WorkshopServer {
  url: string;
  workshops: Workshops;
  runner: Runner;
  /** Null when the database could not open. */
  service: WorkshopService;
  /** Ends open streams, stops the server and the runner, closes the database (unless `keepDb`). */
  close(options?: { keepDb?: boolean }): Promise<void>;
}

export interface StartOptions {
  /** WORKSHOP_DATA_DIR or DATABASE_URL say which database to open. */
  env?: Record<string, string | undefined>;
  limits?: Partial<WorkshopLimits>;
  runner?: Partial<RunnerConfig>;
  /** Tell clients apart by X-Forwarded-For (tests of per-client limits). */
  trustProxy?: boolean;
}

let loaded: ReturnType<typeof getLessons> | undefined;
/** The real lessons, read once: outside production the loader re-reads every lesson folder on each call. */
export function lessons() {
  loaded ??= getLessons();
  return loaded;
}

export async function startWorkshopServer(options: StartOptions = {}): Promise<WorkshopServer> {
  const runner = Runner.create(configFromEnv(process.env, { trustProxy: options.trustProxy ?? false, ...options.runner }), { log: () => {}, checks: lessonChecks() });
  const catalog = catalogFromLessons(lessons);
  const env = options.env ?? process.env;
  const workshops = new Workshops(() =>
    WorkshopService.open({ catalog, runs: (id) => runner.get(id), env, limits: options.limits, trustProxy: options.trustProxy }),
  );
  const service = await workshops.get().catch(() => null as unknown as WorkshopService); // null: unavailable (tests of the 503)
  const { url, stop } = await listen(async (req, res) =>
    (await handleRunnerRequest(runner, req, res, { clientKey: (r) => workshops.learnerKey(r) })) ||
    handleWorkshopRequest(workshops, req, res),
  );
  return {
    url,
    workshops,
    runner,
    service,
    async close(close = {}) {
      workshops.closeStreams();
      await stop();
      await runner.close();
      if (!close.keepDb) await workshops.close();
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** A client with its own cookie jar (one browser). */
export class Client {
  readonly cookies = new Map<string, string>();

  constructor(
    public base: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async call(path: string, init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...this.extraHeaders, ...init.headers };
    if (init.body !== undefined || init.raw !== undefined) headers["content-type"] ??= "application/json";
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    const response = await fetch(this.base + path, {
      method: init.method ?? (init.body !== undefined || init.raw !== undefined ? "POST" : "GET"),
      headers,
      body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // CSV, empty 204
    }
    return { status: response.status, headers: response.headers, body, text };
  }

  post(path: string, body: unknown, headers?: Record<string, string>) {
    return this.call(path, { body, headers });
  }

  /** Opens an SSE stream; events are collected as they arrive. */
  async stream(path: string, options: { lastEventId?: number; headers?: Record<string, string> } = {}): Promise<EventStream> {
    const headers: Record<string, string> = { accept: "text/event-stream", ...this.extraHeaders, ...options.headers };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    if (options.lastEventId !== undefined) headers["last-event-id"] = String(options.lastEventId);
    const controller = new AbortController();
    const response = await fetch(this.base + path, { headers, signal: controller.signal });
    return new EventStream(response, controller);
  }
}

export interface SseEvent {
  id: number;
  type: string;
  data: any;
}

export class EventStream {
  readonly events: SseEvent[] = [];
  retry: number | null = null;
  ended = false;
  private waiters: (() => void)[] = [];
  readonly done: Promise<void>;

  constructor(
    readonly response: Response,
    private readonly controller: AbortController,
  ) {
    this.done = response.status === 200 ? this.read() : Promise.resolve();
  }

  get status() {
    return this.response.status;
  }

  private async read() {
    try {
      for await (const fields of sseMessages(this.response.body!)) {
        if (fields.retry) this.retry = Number(fields.retry);
        if (!fields.event || fields.data === undefined) continue;
        this.events.push({ id: Number(fields.id), type: fields.event, data: JSON.parse(fields.data) });
        this.wake();
      }
    } catch {
      // aborted
    } finally {
      this.ended = true;
      this.wake();
    }
  }

  private wake() {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Waits until an event matches (resolves with it) or the stream ends (rejects). */
  async next(match: (event: SseEvent) => boolean, from = 0): Promise<SseEvent> {
    for (;;) {
      const found = this.events.slice(from).find(match);
      if (found) return found;
      if (this.ended) throw new Error(`stream ended without the event; got ${JSON.stringify(this.events.map((e) => e.type))}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Waits for the stream to be closed by the server. */
  async closedByServer(): Promise<void> {
    await this.done;
  }

  close() {
    this.controller.abort();
  }
}

/** A lesson with an exercise (starter fails its check, solution passes it), read from the real lessons. */
export function exerciseSnippet() {
  for (const lesson of lessons()) {
    for (const snippet of lesson.snippetDetails) {
      const starter = snippet.variants.find((v) => v.id === "starter");
      const solution = snippet.variants.find((v) => v.id === "solution");
      if (snippet.check && starter && solution) return { lesson: lesson.slug, snippet, starter, solution };
    }
  }
  throw new Error("no exercise in the lessons");
}

export function firstLesson() {
  const lesson = lessons()[0]!;
  return { slug: lesson.slug, snippet: lesson.snippetDetails[0]!, anchor: lesson.headings[0]?.slug ?? null };
}
