/**
 * The event log and its fan-out. Every change a client must hear about is a row
 * in `events` (bigserial id = the SSE event id), written in the same transaction
 * as the change, with a NOTIFY so every server on the database hears of it.
 * A server delivers its own events at once, others' when their NOTIFY arrives.
 */
import { randomBytes } from "node:crypto";
import type { Db, Queryable } from "./db/types";

export const CHANNEL = "workshop_events";
export const BOARD = "board";
export const LEARNERS = "learners";
export const learnerAudience = (learnerId: string) => `learner:${learnerId}`;

export interface StoredEvent {
  id: number;
  workshop: string;
  audience: string;
  type: string;
  data: unknown;
}

type Listener = (event: StoredEvent) => void;

interface Subscription {
  audiences: Set<string>;
  listener: Listener;
}

/** Appends an event inside the caller's transaction; the NOTIFY goes out when it commits. */
export async function appendEvent(tx: Queryable, origin: string, workshop: string, audience: string, type: string, data: unknown): Promise<StoredEvent> {
  const { rows } = await tx.query<{ id: number | string }>(
    `with e as (insert into events (workshop, audience, type, data) values ($1, $2, $3, $4::jsonb) returning id)
     select id, pg_notify('${CHANNEL}', $5::text || ' ' || id::text || ' ' || $1::text || ' ' || $2::text) from e`,
    [workshop, audience, type, JSON.stringify(data), origin],
  );
  return { id: Number(rows[0]!.id), workshop, audience, type, data };
}

export class EventHub {
  /** Tells this server's own NOTIFYs apart from other servers'. */
  readonly origin = randomBytes(6).toString("hex");
  private readonly subscriptions = new Map<string, Set<Subscription>>();
  private unlisten: (() => Promise<void>) | null = null;
  /** Called when other servers' events may have been missed (the LISTEN connection dropped). */
  onGap: () => void = () => {};

  constructor(private readonly db: Db) {}

  async start() {
    this.unlisten = await this.db.listen(CHANNEL, (payload) => this.onNotify(payload), () => this.onGap());
  }

  async stop() {
    await this.unlisten?.();
    this.unlisten = null;
  }

  /** Delivers events this server committed. */
  publish(events: StoredEvent[]) {
    for (const event of events) this.deliver(event);
  }

  subscribe(workshop: string, audiences: string[], listener: Listener): () => void {
    let set = this.subscriptions.get(workshop);
    if (!set) this.subscriptions.set(workshop, (set = new Set()));
    const subscription = { audiences: new Set(audiences), listener };
    set.add(subscription);
    return () => {
      set.delete(subscription);
      if (set.size === 0 && this.subscriptions.get(workshop) === set) this.subscriptions.delete(workshop);
    };
  }

  /** Events after `afterId` for these audiences, oldest first, at most `limit`. */
  async replay(workshop: string, audiences: string[], afterId: number, limit: number): Promise<StoredEvent[]> {
    const { rows } = await this.db.query<{ id: number | string; audience: string; type: string; data: unknown }>(
      `select id, audience, type, data from events where workshop = $1 and audience = any($2::text[]) and id > $3 order by id limit $4`,
      [workshop, audiences, afterId, limit],
    );
    return rows.map((r) => ({ id: Number(r.id), workshop, audience: r.audience, type: r.type, data: r.data }));
  }

  private deliver(event: StoredEvent) {
    for (const subscription of this.subscriptions.get(event.workshop) ?? []) {
      if (subscription.audiences.has(event.audience)) subscription.listener(event);
    }
  }

  private onNotify(payload: string) {
    const [origin, id, workshop, audience] = payload.split(" ");
    if (origin === this.origin || !id || !workshop || !audience) return;
    const interested = [...(this.subscriptions.get(workshop) ?? [])].some((s) => s.audiences.has(audience));
    if (!interested) return;
    this.db
      .query<{ type: string; data: unknown }>("select type, data from events where id = $1", [Number(id)])
      .then(({ rows }) => {
        if (rows[0]) this.deliver({ id: Number(id), workshop, audience, type: rows[0].type, data: rows[0].data });
      })
      .catch((error: Error) => console.warn(`workshop: could not read event ${id}: ${error.message}`));
  }
}
