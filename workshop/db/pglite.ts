import { mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, closeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Db, Queryable } from "./types";

/**
 * Embedded PostgreSQL in the server's process, data in a folder. PGlite is one
 * connection: its own `transaction()` serialises transactions, and plain
 * queries wait for the open transaction to finish.
 */
export async function openPglite(dataDir: string): Promise<Db> {
  const memory = dataDir.startsWith("memory://");
  const dir = memory ? dataDir : resolve(dataDir);
  // The lock file sits beside the folder, so the parent (data/ in a fresh checkout) must exist first.
  if (!memory) mkdirSync(dirname(dir), { recursive: true });
  const unlock = memory ? () => {} : lockFolder(dir);
  let pg: PGlite;
  try {
    mkdirSync(dir, { recursive: true });
    pg = await PGlite.create(dir);
  } catch (error) {
    unlock();
    throw error;
  }
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
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is one process's database: two servers writing one folder would corrupt it.
 * A lock file next to the folder holds the owner's pid; a dead owner's lock is taken over.
 */
const held = new Set<string>();

function lockFolder(dir: string): () => void {
  const lock = `${dir}.lock`;
  if (held.has(lock)) throw new Error(`the database folder ${dir} is already open in this process.`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      held.add(lock);
      return () => {
        held.delete(lock);
        try {
          unlinkSync(lock);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lock, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new Error(
          `the database folder ${dir} is in use by another server process (pid ${owner}); embedded PGlite serves one process. Stop that process, or set DATABASE_URL to share a PostgreSQL server between several.`,
        );
      }
      unlinkSync(lock); // left by a process that died, or by this one
    }
  }
  throw new Error(`could not lock the database folder ${dir} (${lock} keeps reappearing).`);
}
