import pg from "pg";
import type { Db, Queryable } from "./types";

const RECONNECT_MS = 1_000;

/**
 * A real PostgreSQL server (DATABASE_URL): a pool for queries and transactions,
 * plus one dedicated connection that LISTENs, reconnected when it drops.
 */
export async function openPostgres(connectionString: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: Number(process.env.WORKSHOP_DB_POOL ?? 10) });
  pool.on("error", (error) => console.warn(`workshop: idle database connection failed: ${error.message}`));
  await pool.query("select 1"); // fail at start-up, with the server's own message, when the URL is wrong
  const channels = new Map<string, Set<(payload: string) => void>>();
  const gapWatchers = new Set<() => void>();
  let listener: pg.Client | null = null;
  let closed = false;
  let connecting: Promise<void> | null = null;

  // Notifications sent while the LISTEN connection is down are gone: the watchers hear of the gap
  // (the workshop module then ends its streams, whose clients replay what they missed from the table).
  const lost = (client: pg.Client, reason: string) => {
    if (listener !== client) return;
    listener = null;
    console.warn(`workshop: LISTEN connection lost (${reason}); reconnecting`);
    client.end().catch(() => {});
    for (const watcher of gapWatchers) watcher();
    reconnectLater();
  };
  const reconnectLater = () => {
    if (closed) return;
    setTimeout(() => {
      ensureListener().catch((error: Error) => {
        console.warn(`workshop: LISTEN reconnection failed (${error.message}); trying again`);
        reconnectLater();
      });
    }, RECONNECT_MS).unref();
  };
  const connectListener = async () => {
    const client = new pg.Client({ connectionString });
    client.on("notification", (message) => {
      for (const fn of channels.get(message.channel) ?? []) fn(message.payload ?? "");
    });
    client.on("error", (error) => lost(client, error.message));
    client.on("end", () => lost(client, "the server closed it"));
    try {
      await client.connect();
      for (const channel of channels.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    listener = client;
  };
  const ensureListener = () => {
    if (listener || closed) return Promise.resolve();
    connecting ??= connectListener().finally(() => (connecting = null));
    return connecting;
  };

  return {
    kind: "postgres",
    query: <T>(sql: string, params?: unknown[]) => pool.query(sql, params).then((r) => ({ rows: r.rows as T[] })),
    exec: (sql: string) => pool.query(sql).then(() => undefined),
    async transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          query: <T>(sql: string, params?: unknown[]) => client.query(sql, params).then((r) => ({ rows: r.rows as T[] })),
          exec: (sql: string) => client.query(sql).then(() => undefined),
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, fn, onGap) {
      if (onGap) gapWatchers.add(onGap);
      let set = channels.get(channel);
      const first = !set;
      if (!set) channels.set(channel, (set = new Set()));
      set.add(fn);
      await ensureListener();
      if (first && listener) await listener.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        set.delete(fn);
        if (onGap) gapWatchers.delete(onGap);
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      const client = listener;
      listener = null;
      await client?.end().catch(() => {});
      await pool.end();
    },
  };
}
