/**
 * Server-sent events for workshops: replay from Last-Event-ID (or a `hello`
 * snapshot), then live, with no gap and no duplicate: the live subscription is
 * taken before the database is read, and what arrives meanwhile is held back
 * and deduplicated by event id.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { openEventStream } from "../runner/http";
import type { EventHub, StoredEvent } from "./events";

const HEARTBEAT_MS = 15_000;
/** A client further behind than this gets a fresh snapshot instead of the backlog. */
const REPLAY_LIMIT = 2_000;

export interface StreamSpec {
  workshop: string;
  audiences: string[];
  /** The snapshot sent as `hello`; `lastEventId` must be read before the state it describes. */
  snapshot: () => Promise<{ data: unknown; lastEventId: number }>;
  onHeartbeat?: () => void;
  onClose?: () => void;
}

/** The event streams open on this server, so shutdown can end them (else server.close() waits forever). */
export class StreamRegistry {
  private readonly open = new Map<() => void, string>();

  add(close: () => void, group: string) {
    this.open.set(close, group);
  }

  delete(close: () => void) {
    this.open.delete(close);
  }

  count(group: string): number {
    let n = 0;
    for (const g of this.open.values()) if (g === group) n++;
    return n;
  }

  get size(): number {
    return this.open.size;
  }

  closeAll() {
    for (const close of [...this.open.keys()]) close();
  }
}

export function formatEvent(id: number, type: string, data: unknown): string {
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

export async function streamWorkshopEvents(
  req: IncomingMessage,
  res: ServerResponse,
  hub: EventHub,
  registry: StreamRegistry,
  group: string,
  spec: StreamSpec,
  after: number | null,
) {
  openEventStream(res);

  let closed = false;
  let live = false;
  const held: StoredEvent[] = [];
  const unsubscribe = hub.subscribe(spec.workshop, spec.audiences, (event) => {
    if (closed) return;
    if (live) res.write(formatEvent(event.id, event.type, event.data));
    else held.push(event);
  });
  const heartbeat = setInterval(() => {
    res.write(": keep-alive\n\n");
    spec.onHeartbeat?.();
  }, HEARTBEAT_MS);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    registry.delete(close);
    res.end();
    spec.onClose?.();
  };
  registry.add(close, group);
  req.on("close", close);
  res.on("error", close);

  try {
    const sent = new Set<number>();
    let floor: number;
    const backlog = after === null ? null : await hub.replay(spec.workshop, spec.audiences, after, REPLAY_LIMIT);
    if (backlog === null || backlog.length >= REPLAY_LIMIT) {
      const snapshot = await spec.snapshot();
      floor = snapshot.lastEventId;
      if (closed) return;
      res.write(formatEvent(snapshot.lastEventId, "hello", snapshot.data));
    } else {
      floor = after!;
      if (closed) return;
      for (const event of backlog) {
        sent.add(event.id);
        res.write(formatEvent(event.id, event.type, event.data));
      }
    }
    for (const event of held) {
      if (event.id > floor && !sent.has(event.id)) res.write(formatEvent(event.id, event.type, event.data));
    }
    held.length = 0;
    live = true;
  } catch (error) {
    console.warn(`workshop: event stream failed: ${(error as Error).message}`);
    close();
  }
}
