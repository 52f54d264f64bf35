/**
 * A token bucket per client: `burst` runs at once, refilled at `perMinute`.
 * Buckets that have refilled completely are forgotten, so memory stays bounded
 * by the number of recently active clients.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token; returns 0 when allowed, else the seconds until one is available. */
  take(client: string): number {
    if (this.perMinute <= 0) return 0; // 0 turns the limit off
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
  }

  /** Gives back a token taken for a request that was refused for another reason. */
  refund(client: string) {
    const bucket = this.buckets.get(client);
    if (bucket) bucket.tokens = Math.min(this.burst, bucket.tokens + 1);
  }

  /** Drops the buckets that are full again. */
  sweep() {
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * ratePerMs >= this.burst) this.buckets.delete(client);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
