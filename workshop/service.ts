/**
 * The workshop module, assembled: database, store, event hub, cookie signer,
 * rate limits and open streams. `startWorkshops` opens it in the background so
 * the site serves lessons even when the database cannot open (the workshop
 * endpoints then answer 503 saying why).
 */
import type { IncomingMessage } from "node:http";
import { ApiError } from "../runner/errors";
import { RateLimiter } from "../runner/rate-limit";
import { parseCookies } from "../runner/cookies";
import { CookieSigner, LEARNER_COOKIE_PREFIX, loadSigningKey } from "./auth";
import type { Catalog } from "./catalog";
import { openDatabase } from "./db/open";
import type { Db } from "./db/types";
import { EventHub } from "./events";
import { MissLimiter } from "./rate-limit";
import type { RunLookup } from "./runs";
import { StreamRegistry } from "./sse";
import { Store } from "./store";

const END_SWEEP_MS = 15_000;
/** PGlite runs no autovacuum: replaced tile events are vacuumed this often so their space is reused. */
const VACUUM_EVERY_MS = 10 * 60_000;

export interface WorkshopOptions {
  catalog: Catalog;
  /** The in-process runner's `get`: finished runs are read from it, not from the client. */
  runs: RunLookup;
  env?: Record<string, string | undefined>;
  /** Use this database instead of opening one from the environment (tests). */
  db?: Db;
  /** Tell clients apart by X-Forwarded-For, and trust X-Forwarded-Proto (behind a reverse proxy). */
  trustProxy?: boolean;
  limits?: Partial<WorkshopLimits>;
}

export interface WorkshopLimits {
  /** Unknown codes, wrong keys: misses per client per window before 429. */
  missBurst: number;
  missWindowMs: number;
  /** Workshops one client may create per hour. */
  createsPerHour: number;
  /** New learners (joins without this workshop's cookie) one client may make per 10 minutes; 0 = off. */
  joinsPerAddress: number;
  /** Event streams at once: per learner, and per workshop board (on this server). */
  learnerStreams: number;
  boardStreams: number;
}

export const DEFAULT_LIMITS: WorkshopLimits = {
  missBurst: 20,
  missWindowMs: 10 * 60_000,
  createsPerHour: 10,
  joinsPerAddress: 300,
  learnerStreams: 4,
  boardStreams: 8,
};

function limitsFromEnv(env: Record<string, string | undefined>, overrides: Partial<WorkshopLimits> = {}): WorkshopLimits {
  const read = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === "") return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (it is "${value}").`);
    return n;
  };
  return {
    missBurst: read("WORKSHOP_MISS_BURST", DEFAULT_LIMITS.missBurst),
    missWindowMs: DEFAULT_LIMITS.missWindowMs,
    createsPerHour: read("WORKSHOP_CREATES_PER_HOUR", DEFAULT_LIMITS.createsPerHour),
    joinsPerAddress: read("WORKSHOP_JOINS_PER_ADDRESS", DEFAULT_LIMITS.joinsPerAddress),
    learnerStreams: DEFAULT_LIMITS.learnerStreams,
    boardStreams: DEFAULT_LIMITS.boardStreams,
    ...overrides,
  };
}

export class WorkshopService {
  readonly hub: EventHub;
  readonly store: Store;
  readonly streams = new StreamRegistry();
  readonly misses: MissLimiter;
  readonly creates: RateLimiter;
  readonly joins: RateLimiter;
  private readonly sweeper: NodeJS.Timeout;
  private vacuumedAt = Date.now();

  private constructor(
    readonly db: Db,
    readonly signer: CookieSigner,
    readonly catalog: Catalog,
    readonly runs: RunLookup,
    readonly limits: WorkshopLimits,
    readonly trustProxy: boolean,
  ) {
    this.hub = new EventHub(db);
    // Streams that may have missed events end; their clients reconnect and replay from the event table.
    this.hub.onGap = () => this.streams.closeAll();
    this.store = new Store(db, this.hub.origin, (events) => this.hub.publish(events));
    this.misses = new MissLimiter(limits.missBurst, limits.missWindowMs);
    this.creates = new RateLimiter(limits.createsPerHour / 60, limits.createsPerHour);
    this.joins = new RateLimiter(limits.joinsPerAddress / 10, limits.joinsPerAddress);
    this.sweeper = setInterval(() => void this.sweep(), END_SWEEP_MS);
    this.sweeper.unref();
  }

  static async open(options: WorkshopOptions): Promise<WorkshopService> {
    const env = options.env ?? process.env;
    const limits = limitsFromEnv(env, options.limits);
    const db = options.db ?? (await openDatabase(env));
    const signer = new CookieSigner(await loadSigningKey(db, env));
    const service = new WorkshopService(db, signer, options.catalog, options.runs, limits, options.trustProxy ?? false);
    await service.hub.start();
    return service;
  }

  /** Records heartbeats, ends workshops whose end time passed, forgets idle rate-limit buckets. */
  /** The periodic chores; resolves when they are done (tests await it instead of waiting for the timer). */
  async sweep(): Promise<void> {
    this.misses.sweep();
    this.creates.sweep();
    this.joins.sweep();
    const warn = (what: string) => (error: Error) => console.warn(`workshop: ${what}: ${error.message}`);
    const chores = [
      this.store.flushSeen().catch(warn("could not record heartbeats")),
      this.store
        .dueToEnd()
        .then((codes) => Promise.all(codes.map((code) => this.store.end(code, "scheduled"))))
        .catch(warn("could not end due workshops")),
    ];
    if (this.db.kind === "pglite" && Date.now() - this.vacuumedAt >= VACUUM_EVERY_MS) {
      this.vacuumedAt = Date.now();
      chores.push(this.db.exec("vacuum events").catch(warn("vacuum failed")));
    }
    await Promise.all(chores);
  }

  /**
   * The runner's client key for a request with valid learner cookies:
   * `learner:<id>[,<id>…]` (one browser in two workshops is one client), else undefined.
   */
  learnerKey(req: IncomingMessage): string | undefined {
    const ids = this.learnerIds(req);
    return ids.length > 0 ? `learner:${ids.sort().join(",")}` : undefined;
  }

  /** Every learner this request's cookies vouch for. */
  learnerIds(req: IncomingMessage): string[] {
    const ids = new Set<string>();
    for (const [name, value] of parseCookies(req.headers.cookie)) {
      const code = /^(?:__Host-)?zmqp_l_([A-Z0-9]{6})$/.exec(name)?.[1];
      const id = code ? this.signer.learnerFrom(code, value) : undefined;
      if (id) ids.add(id);
    }
    return [...ids];
  }

  /** Whether a run was started by this learner (its client key names them). */
  static ranBy(client: string, learnerId: string): boolean {
    return client.startsWith("learner:") && client.slice("learner:".length).split(",").includes(learnerId);
  }

  /** Ends every open event stream (at shutdown, so clients reconnect to the next server). */
  closeStreams() {
    // Learners leaving because the server goes away are not going offline: skip their presence updates.
    this.store.closing = true;
    this.streams.closeAll();
  }

  async close() {
    clearInterval(this.sweeper);
    this.closeStreams();
    await this.store.flushSeen().catch(() => {});
    await this.hub.stop().catch(() => {});
    await this.db.close();
  }
}

/** After a failed open, the next workshop request tries again once this long has passed. */
const REOPEN_AFTER_MS = 30_000;

/**
 * The module as the server holds it: not opened yet, opening, ready, or
 * unavailable with a reason. The database opens on the first workshop request
 * (or request carrying a learner cookie), not at start-up: embedded PGlite costs
 * ~750 MiB of memory and seconds of CPU, which a site nobody runs a workshop on
 * should not pay. A database that was down at start-up (PostgreSQL restarting, a folder
 * without permissions) is tried again on a later request, so the site recovers
 * without a restart.
 */
export class Workshops {
  private service: WorkshopService | null = null;
  private failure: { message: string; at: number } | null = null;
  private closed = false;
  private ready: Promise<void> | null = null;

  constructor(
    private readonly open: () => Promise<WorkshopService>,
    private readonly now: () => number = Date.now,
  ) {}

  static start(options: WorkshopOptions): Workshops {
    return new Workshops(() => WorkshopService.open(options));
  }

  private attempt(): Promise<void> {
    return this.open().then(
      (service) => {
        if (this.closed) return service.close();
        this.service = service;
        this.failure = null;
      },
      (error: Error) => {
        this.failure = { message: error.message, at: this.now() };
        console.warn(`workshop: workshops are unavailable: ${error.message}`);
      },
    );
  }

  /** The service, once open; a 503 ApiError while it cannot open. */
  async get(): Promise<WorkshopService> {
    if (this.closed) await this.ready;
    else await (this.ready ??= this.attempt());
    if (!this.service && !this.closed && this.failure && this.now() - this.failure.at >= REOPEN_AFTER_MS) {
      this.failure.at = this.now(); // one retry at a time: requests meanwhile wait for it
      this.ready = this.attempt();
    }
    await this.ready;
    if (this.service) return this.service;
    throw new ApiError(
      503,
      "workshops-unavailable",
      `Workshops are unavailable on this server: the database could not be opened (${this.failure?.message ?? "the server is shutting down"}). Lessons and the playground still work.`,
    );
  }

  learnerKey(req: IncomingMessage): string | undefined {
    // A learner's cookie after a restart: open now, so the next request counts them apart.
    if (!this.service && !this.ready && !this.closed && req.headers.cookie?.includes(LEARNER_COOKIE_PREFIX)) void this.get().catch(() => {});
    return this.service?.learnerKey(req);
  }

  /**
   * Learners with a workshop stream open on this server: each may press Run any
   * moment, so the runner keeps that many sandboxes warm.
   */
  onlineLearners(): number {
    return this.service?.store.presence.online ?? 0;
  }

  closeStreams() {
    this.service?.closeStreams();
  }

  async close() {
    this.closed = true;
    await this.ready;
    await this.service?.close();
    this.service = null;
  }
}
