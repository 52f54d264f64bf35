import { migrate } from "./migrate";
import { openPglite } from "./pglite";
import { openPostgres } from "./postgres";
import type { Db } from "./types";

/** PostgreSQL when DATABASE_URL is set (several servers can share it), else PGlite in WORKSHOP_DATA_DIR. */
export async function openDatabase(env: Record<string, string | undefined> = process.env): Promise<Db> {
  const db = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openPglite(env.WORKSHOP_DATA_DIR ?? "data/pglite");
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}
