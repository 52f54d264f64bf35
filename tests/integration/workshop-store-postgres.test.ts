/** The same store suite on a real PostgreSQL server (the DATABASE_URL path), started for this file. */
import { afterAll } from "vitest";
import { openPostgres } from "../../workshop/db/postgres";
import { startCluster } from "./workshop-postgres";
import { storeSuite } from "./workshop-store-suite";

const cluster = startCluster();
afterAll(() => cluster.stop());

storeSuite("PostgreSQL", async () => openPostgres(await cluster.url("store_suite")));
