/**
 * Which learners have a workshop stream open on this server: a learner with a
 * tab open is online at once, and offline the moment their last tab closes
 * (other servers of a fleet go by `last_seen_at` instead).
 */
export class Presence {
  /** Learner id → streams open on this server. */
  private readonly open = new Map<string, number>();
  /** Learners whose last stream here closed (until one opens again). */
  private readonly departed = new Set<string>();

  opened(id: string) {
    this.open.set(id, (this.open.get(id) ?? 0) + 1);
    this.departed.delete(id);
  }

  closed(id: string) {
    const left = (this.open.get(id) ?? 1) - 1;
    if (left > 0) this.open.set(id, left);
    else {
      this.open.delete(id);
      this.departed.add(id);
    }
  }

  /** Online by this server's streams (true), offline because they all closed (false), or unknown here (undefined). */
  here(id: string): boolean | undefined {
    if ((this.open.get(id) ?? 0) > 0) return true;
    return this.departed.has(id) ? false : undefined;
  }

  /** Learners with a stream open here: each may press Run any moment. */
  get online(): number {
    return this.open.size;
  }
}
