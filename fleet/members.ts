/**
 * The runners a site sends runs to (RUNNER_URLS): every listed address, and every
 * address a listed host name resolves to — a Kubernetes headless Service answers
 * with one address per runner pod, so one name stands for the whole fleet. Each
 * is polled on /api/health for whether it takes runs and how loaded it is.
 *
 * A run's id on the site is its runner's key (8 hex digits of the runner's
 * address) followed by the runner's own id, so every site replica that sees the
 * same fleet finds the run's runner from the id alone: no table to share.
 */
import { createHash } from "node:crypto";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";

/** One runner as the site sees it. */
export interface Member {
  key: string;
  /** Its base address, `http://10.0.0.7:3001`. */
  url: string;
  /** Answered its last health poll with 200 (a draining or unavailable runner answers 503). */
  up: boolean;
  /** Consecutive polls it failed or refused: a stream it serves ends after DOWN_AFTER of them. */
  failures: number;
  running: number;
  queued: number;
  slots: number;
  /** Runs sent to it since its last poll: the poll's figures do not count them yet. */
  sent: number;
}

export interface FleetOptions {
  /** How often every runner's /api/health is read. */
  pollMs?: number;
  /** How often host names are resolved again (pods come and go). */
  resolveMs?: number;
  healthTimeoutMs?: number;
  /** Resolves a host name to all its addresses (tests pass their own). */
  lookup?: (host: string) => Promise<string[]>;
}

const KEY_LENGTH = 8;
/** Polls a runner may miss before the streams it serves end: a moment's overload is not a death. */
export const DOWN_AFTER = 2;
/** How long the key of a runner that left the fleet is remembered: its runs' streams end instead of 404. */
const GONE_MS = 10 * 60_000;

export const memberKey = (url: string) => createHash("sha256").update(url).digest("hex").slice(0, KEY_LENGTH);

/** The site's id for run `remoteId` on runner `key`. */
export const fleetRunId = (key: string, remoteId: string) => `${key}${remoteId}`;

/** A site run id split into its runner's key and the runner's own id; undefined when it is not one. */
export function splitRunId(id: string): { key: string; remoteId: string } | undefined {
  const match = /^([0-9a-f]{8})([A-Za-z0-9_-]{1,56})$/.exec(id);
  return match ? { key: match[1]!, remoteId: match[2]! } : undefined;
}

/**
 * RUNNER_URLS: comma-separated `http://host:port` base addresses (no path, query or
 * credentials). Throws an error naming the entry that is not one.
 */
export function parseRunnerUrls(text: string): URL[] {
  const entries = text.split(",").map((entry) => entry.trim()).filter((entry) => entry !== "");
  if (entries.length === 0) throw new Error("RUNNER_URLS is set but lists no address.");
  return entries.map((entry) => {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`RUNNER_URLS: "${entry}" is not an address (write http://host:port).`);
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) {
      throw new Error(`RUNNER_URLS: "${entry}" must be a plain http(s)://host:port address, with no path, query or credentials.`);
    }
    return url;
  });
}

const defaultLookup = async (host: string) => (await dnsLookup(host, { all: true })).map((entry) => entry.address);

/** The runner fleet: who is in it, who is up, and where the next run goes. */
export class RunnerFleet {
  private readonly byKey = new Map<string, Member>();
  private readonly gone = new Map<string, number>();
  private readonly listeners = new Set<(member: Member) => void>();
  private readonly pollMs: number;
  private readonly resolveMs: number;
  private readonly healthTimeoutMs: number;
  private readonly lookup: (host: string) => Promise<string[]>;
  private timers: NodeJS.Timeout[] = [];
  private resolving: Promise<void> | undefined;

  constructor(
    private readonly targets: URL[],
    options: FleetOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.resolveMs = options.resolveMs ?? 5000;
    this.healthTimeoutMs = options.healthTimeoutMs ?? 1000;
    this.lookup = options.lookup ?? defaultLookup;
  }

  /** Resolves the fleet and polls it once (so the first run has somewhere to go), then keeps doing both. */
  async start() {
    await this.resolve();
    await this.poll();
    this.timers = [
      setInterval(() => void this.resolve(), this.resolveMs),
      setInterval(() => void this.poll(), this.pollMs),
    ];
    for (const timer of this.timers) timer.unref();
  }

  close() {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  members(): Member[] {
    return [...this.byKey.values()];
  }

  /** The runner for a run's key; `gone` when it was in the fleet and left (its runs died with it). */
  find(key: string): { member?: Member; gone: boolean } {
    const member = this.byKey.get(key);
    if (member) return { member, gone: false };
    return { gone: this.gone.has(key) };
  }

  /**
   * Runners that take runs, least loaded first: waiting and running runs per slot, counting
   * the runs sent since the last poll, so a room's burst spreads instead of piling on one.
   */
  ranked(): Member[] {
    const load = (m: Member) => (m.running + m.queued + m.sent) / Math.max(1, m.slots);
    return this.members()
      .filter((m) => m.up)
      .sort((a, b) => load(a) - load(b));
  }

  /** Called with a runner that stopped answering (DOWN_AFTER polls): its streams end. */
  onDown(listener: (member: Member) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A request to the runner failed outright: take it out of the choice until it answers a poll again. */
  failed(member: Member) {
    member.up = false;
  }

  private async resolve(): Promise<void> {
    // One resolution at a time: a slow DNS must not stack lookups.
    this.resolving ??= this.resolveNow().finally(() => (this.resolving = undefined));
    return this.resolving;
  }

  private async resolveNow() {
    const urls = new Set<string>();
    for (const target of this.targets) {
      const port = target.port || (target.protocol === "https:" ? "443" : "80");
      const host = target.hostname.replace(/^\[|\]$/g, "");
      // https keeps its name (the certificate is for it); an IP or a failed lookup stays as written.
      let addresses = [host];
      if (target.protocol === "http:" && isIP(host) === 0) {
        try {
          addresses = await this.lookup(host);
        } catch {
          addresses = [];
        }
      }
      for (const address of addresses) urls.add(`${target.protocol}//${isIP(address) === 6 ? `[${address}]` : address}:${port}`);
    }
    const now = Date.now();
    for (const url of urls) {
      const key = memberKey(url);
      if (!this.byKey.has(key)) this.byKey.set(key, { key, url, up: false, failures: 0, running: 0, queued: 0, slots: 1, sent: 0 });
      this.gone.delete(key);
    }
    for (const [key, member] of this.byKey) {
      if (urls.has(member.url)) continue;
      this.byKey.delete(key);
      this.gone.set(key, now);
      for (const listener of this.listeners) listener(member);
    }
    for (const [key, at] of this.gone) if (now - at > GONE_MS) this.gone.delete(key);
  }

  private async poll() {
    await Promise.all(this.members().map((member) => this.pollOne(member)));
  }

  private async pollOne(member: Member) {
    try {
      const response = await fetch(`${member.url}/api/health`, { signal: AbortSignal.timeout(this.healthTimeoutMs) });
      const body = (await response.json()) as { runs?: { running?: unknown; queued?: unknown; slots?: unknown } };
      const whole = (value: unknown, fallback: number) => (Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : fallback);
      member.running = whole(body.runs?.running, 0);
      member.queued = whole(body.runs?.queued, 0);
      member.slots = Math.max(1, whole(body.runs?.slots, 1));
      member.sent = 0;
      member.up = response.status === 200;
      // A runner that answers is alive, draining or not: the runs it holds go on.
      member.failures = 0;
    } catch {
      member.up = false;
      member.failures++;
      if (member.failures === DOWN_AFTER) for (const listener of this.listeners) listener(member);
    }
  }
}
