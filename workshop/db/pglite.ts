import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Db, Queryable } from "./types";

/**
 * Embedded PostgreSQL in the server's process, data in a folder. PGlite is one
 * connection: its own `transaction()` serialises transactions, and plain
 * queries wait for the open transaction to finish.
 */
export async function openPglite(dataDir: string): Promise<Db> {
  const dir = dataDir.startsWith("memory://") ? dataDir : resolve(dataDir);
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const pg = await PGlite.create(dir);
  let closed = false;
  return {
    kind: "pglite",
    query: <T>(sql: string, params?: unknown[]) => pg.query<T>(sql, params as unknown[]).then((r) => ({ rows: r.rows })),
    exec: (sql: string) => pg.exec(sql).then(() => undefined),
    transaction: <R>(fn: (tx: Queryable) => Promise<R>) =>
      pg.transaction((tx) =>
        fn({
          query: <T>(sql: string, params?: unknown[]) => tx.query<T>(sql, params as unknown[]).then((r) => ({ rows: r.rows })),
          exec: (sql: string) => tx.exec(sql).then(() => undefined),
        }),
      ),
    listen: async (channel, fn) => {
      const stop = await pg.listen(channel, fn);
      return async () => {
        if (!closed) await stop();
      };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
}
