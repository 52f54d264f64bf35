/**
 * An event stream (SSE) that loses and repeats nothing, under both the run's
 * events (run/useRun.ts) and the workshop's (workshop/useEventStream.ts).
 *
 * The browser reconnects by itself and sends Last-Event-ID, so the server
 * replays what was missed. When it gives up (the stream answered something
 * other than a 200 event stream: a proxy's 502, a server restarting), the
 * stream is reopened with `?lastEventId=`, waiting longer after each failure
 * in a row, for as long as it takes — a network or server blip ends on its
 * own, and a learner's page must not give up on a run a few seconds too
 * early. But not while the page is hidden (it reopens when shown again), and
 * not after a 4xx that will not change (404: the run or workshop is gone;
 * 401/403: not allowed), found by asking once more when a reopened stream
 * fails again: retrying would spin forever, so the source stops and says why. Ids are compared as decimal strings, exact beyond 2^53, and
 * an event at or below the last id seen is dropped, so a replay never
 * applies anything twice.
 */
import { readApiError, type ApiProblem } from './apiError';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'failed';

/** Waits before reopening, by failures in a row (ms); the last one repeats. */
export const REOPEN_DELAYS_MS = [500, 1000, 2000, 3000, 5000] as const;

export interface ReplayingSourceOptions {
  url: string;
  /** The event types to hear. */
  types: readonly string[];
  /** The last id already known (a snapshot's `lastEventId`): the stream starts after it. */
  after?: string | number | null;
  withCredentials?: boolean;
  onEvent(type: string, data: string, id: string | null): void;
  /** `failed` comes with the server's answer and is final. */
  onStatus?(status: StreamStatus, problem: ApiProblem | null): void;
}

/** The part of EventSource the source uses. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/** What the source needs of the browser; tests pass their own. */
export interface SourceEnvironment {
  openEventSource(url: string, init: EventSourceInit): EventSourceLike;
  fetch(url: string, init: RequestInit): Promise<Response>;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
  visible(): boolean;
  /** Calls `listener` when the page becomes visible; returns how to stop. */
  onVisible(listener: () => void): () => void;
}

/** EventSource.CLOSED: the browser gave up on the stream. */
const CLOSED = 2;

export function browserEnvironment(): SourceEnvironment {
  return {
    openEventSource: (url, init) => new EventSource(url, init) as unknown as EventSourceLike,
    fetch: (url, init) => fetch(url, init),
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    visible: () => document.visibilityState !== 'hidden',
    onVisible(listener) {
      const changed = () => {
        if (document.visibilityState !== 'hidden') listener();
      };
      document.addEventListener('visibilitychange', changed);
      return () => document.removeEventListener('visibilitychange', changed);
    },
  };
}

const DECIMAL = /^\d+$/;

/** Whether decimal id `a` comes after `b`, exactly, however long they are. */
export function isAfter(a: string, b: string): boolean {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  return x.length !== y.length ? x.length > y.length : x > y;
}

/** `url` asking for the events after `id` (none: from the start). */
export function urlAfter(url: string, id: string | null): string {
  return id === null ? url : `${url}${url.includes('?') ? '&' : '?'}lastEventId=${id}`;
}

/** How long asking what the server answers may take before it counts as "not reachable". */
const PROBE_TIMEOUT_MS = 10_000;

/** A 4xx that says the same however often it is asked (a 408 or 429 may pass). */
const isFinal = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

export class ReplayingEventSource {
  private source: EventSourceLike | null = null;
  private timer: unknown = null;
  private lastId: string | null;
  private failures = 0;
  private closed = false;
  private stopWatching: (() => void) | null = null;

  constructor(
    private readonly options: ReplayingSourceOptions,
    private readonly env: SourceEnvironment = browserEnvironment(),
  ) {
    const after = options.after === null || options.after === undefined ? '' : String(options.after);
    this.lastId = DECIMAL.test(after) ? after : null;
    options.onStatus?.('connecting', null);
    this.open();
  }

  /** The last event id seen, or null. */
  get lastEventId(): string | null {
    return this.lastId;
  }

  /** Stops for good: nothing more is heard, nothing reopens. Safe from inside a handler. */
  close(): void {
    this.closed = true;
    this.source?.close();
    this.source = null;
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
    this.stopWatching?.();
    this.stopWatching = null;
  }

  private open(): void {
    if (this.closed) return;
    const es = this.env.openEventSource(urlAfter(this.options.url, this.lastId), { withCredentials: this.options.withCredentials ?? false });
    this.source = es;
    es.onopen = () => {
      if (this.source !== es) return;
      this.failures = 0;
      this.options.onStatus?.('open', null);
    };
    es.onerror = () => {
      if (this.source !== es) return;
      this.options.onStatus?.('reconnecting', null);
      // While CONNECTING the browser retries by itself, sending Last-Event-ID.
      if (es.readyState !== CLOSED) return;
      es.close();
      this.source = null;
      void this.afterGivingUp();
    };
    for (const type of this.options.types) {
      es.addEventListener(type, (event) => {
        if (this.source !== es) return;
        const id = DECIMAL.test(event.lastEventId) ? event.lastEventId : null;
        if (id !== null) {
          if (this.lastId !== null && !isAfter(id, this.lastId)) return;
          this.lastId = id;
        }
        this.options.onEvent(type, event.data, id);
      });
    }
  }

  /**
   * Reopens later. From the second failure in a row it first asks the server
   * what it answers (the first is most often a blip, and costs no request):
   * a final 4xx stops the source; a stream that opens means the server is
   * back, so the source reopens after the shortest wait, not the longest.
   */
  private async afterGivingUp(): Promise<void> {
    const answer = this.failures > 0 ? await this.ask() : 'unknown';
    if (this.closed) return;
    if (answer === 'open') this.reopenLater(REOPEN_DELAYS_MS[0]);
    else if (answer !== 'unknown') {
      this.close();
      this.options.onStatus?.('failed', answer);
    } else this.reopenLater();
  }

  /** What the server answers the stream's request now: it opens, a final problem, or nothing to go by. */
  private async ask(): Promise<'open' | 'unknown' | ApiProblem> {
    const abort = new AbortController();
    const timer = this.env.setTimeout(() => abort.abort(), PROBE_TIMEOUT_MS);
    try {
      const response = await this.env.fetch(urlAfter(this.options.url, this.lastId), {
        headers: { Accept: 'text/event-stream' },
        credentials: this.options.withCredentials ? 'include' : 'same-origin',
        cache: 'no-store',
        signal: abort.signal,
      });
      if (response.ok && /^text\/event-stream/.test(response.headers.get('Content-Type') ?? '')) return 'open';
      return isFinal(response.status) ? await readApiError(response) : 'unknown';
    } catch {
      // Not reachable at all: that may pass.
      return 'unknown';
    } finally {
      // A stream that did open is not read here: the reopened EventSource reads it.
      this.env.clearTimeout(timer);
      abort.abort();
    }
  }

  private reopenLater(wait?: number): void {
    if (!this.env.visible()) {
      // Nobody is looking: reopen when someone is.
      this.stopWatching ??= this.env.onVisible(() => {
        this.stopWatching?.();
        this.stopWatching = null;
        this.open();
      });
      return;
    }
    const delay = wait ?? REOPEN_DELAYS_MS[Math.min(this.failures, REOPEN_DELAYS_MS.length - 1)]!;
    this.failures += 1;
    this.timer = this.env.setTimeout(() => {
      this.timer = null;
      this.open();
    }, delay);
  }
}
