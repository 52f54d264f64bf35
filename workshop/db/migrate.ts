import { MIGRATIONS, type Migration } from "./migrations";
import type { Db } from "./types";

/** Any fixed number: the advisory lock that keeps two servers starting on one database from racing. */
const MIGRATION_LOCK = 7_201_908;

/** Applies the migrations not applied yet, each in its own transaction; returns the ids applied now. */
export async function migrate(db: Db, migrations: Migration[] = MIGRATIONS): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await tx.query("create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())");
      const { rows } = await tx.query("select 1 from schema_migrations where id = $1", [migration.id]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query("insert into schema_migrations (id) values ($1)", [migration.id]);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}
