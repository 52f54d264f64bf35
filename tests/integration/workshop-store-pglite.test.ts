/** The store suite on embedded PGlite (the default database). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { openPglite } from "../../workshop/db/pglite";
import { storeSuite } from "./workshop-store-suite";

const dir = mkdtempSync(join(tmpdir(), "zmqp-pglite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeSuite("PGlite", () => openPglite(join(dir, "db")));
