/** The same store suite on a real PostgreSQL server (the DATABASE_URL path), started for this file. */
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { migrate } from "../../workshop/db/migrate";
import { openPostgres } from "../../workshop/db/postgres";
import { appendEvent, BOARD, EventHub, type StoredEvent } from "../../workshop/events";
import { Store } from "../../workshop/store";
import { startCluster } from "./workshop-postgres";
import { storeSuite } from "./workshop-store-suite";

const cluster = startCluster();
afterAll(() => cluster.stop());

storeSuite("PostgreSQL", async () => openPostgres(await cluster.url("store_suite")));

describe("the LISTEN connection", () => {
  it("reports a gap when it drops, reconnects, and delivers again", async () => {
    const url = await cluster.url("listen_gap");
    const db = await openPostgres(url);
    await migrate(db);
    const hub = new EventHub(db);
    let gaps = 0;
    hub.onGap = () => gaps++;
    await hub.start();
    const writer = new EventHub(db); // another server's origin
    const store = new Store(db, hub.origin, (events) => hub.publish(events));
    const { code } = await store.createWorkshop("Gap", [{ lesson: "01-what-is-zeromq" }], null, "h");
    const seen: StoredEvent[] = [];
    hub.subscribe(code, [BOARD], (event) => seen.push(event));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await admin.query("select pg_terminate_backend(pid) as killed from pg_stat_activity where query ilike 'LISTEN%' and pid <> pg_backend_pid()");
      expect(rows.length).toBeGreaterThan(0);
      await expect.poll(() => gaps).toBe(1);
      // Once reconnected, another server's events arrive again.
      await expect
        .poll(async () => {
          await db.transaction((tx) => appendEvent(tx, writer.origin, code, BOARD, "workshop", { probe: true }));
          return seen.length;
        }, { timeout: 15_000, interval: 500 })
        .toBeGreaterThan(0);
    } finally {
      await admin.end();
      await hub.stop();
      await db.close();
    }
  });
});
