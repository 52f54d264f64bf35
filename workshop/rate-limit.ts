import { RateLimiter } from "../runner/rate-limit";

/**
 * Limits failures per client (unknown codes, wrong keys): `burst` misses, refilled
 * over `windowMs`. Once a client is out of misses it is refused everything,
 * hits included, until the wait is over, so enumerating codes gains nothing.
 */
export class MissLimiter {
  private readonly misses: RateLimiter;
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    burst: number,
    windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.misses = new RateLimiter((burst * 60_000) / windowMs, burst, now);
  }

  /** Seconds the client must wait before trying again, or 0. */
  wait(client: string): number {
    const until = this.blockedUntil.get(client);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left > 0) return Math.ceil(left / 1000);
    this.blockedUntil.delete(client);
    return 0;
  }

  /** Counts a miss; returns the seconds to wait when this one used up the client's misses. */
  miss(client: string): number {
    const wait = this.misses.take(client);
    if (wait > 0) this.blockedUntil.set(client, this.now() + wait * 1000);
    return wait;
  }

  sweep() {
    this.misses.sweep();
    const now = this.now();
    for (const [client, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(client);
  }
}
