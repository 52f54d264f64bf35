/** The store suite on embedded PGlite (the default database). */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "../../workshop/db/pglite";
import { storeSuite } from "./workshop-store-suite";

const dir = mkdtempSync(join(tmpdir(), "zmqp-pglite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeSuite("PGlite", () => openPglite(join(dir, "db")));

describe("the PGlite data folder", () => {
  it("is refused while another live process holds it, and taken over from a dead one", async () => {
    const folder = join(dir, "locked");
    writeFileSync(`${folder}.lock`, "1"); // pid 1 is always alive
    await expect(openPglite(folder)).rejects.toThrow(/in use by another server process \(pid 1\)/);
    writeFileSync(`${folder}.lock`, "2147483646"); // no such process
    const db = await openPglite(folder);
    try {
      expect(readFileSync(`${folder}.lock`, "utf8")).toBe(String(process.pid));
      await expect(openPglite(folder)).rejects.toThrow(/already open in this process/);
    } finally {
      await db.close();
    }
    expect(existsSync(`${folder}.lock`)).toBe(false);
  }, 60_000);

  it("is created with its parent folders (data/ does not exist in a fresh checkout)", async () => {
    const folder = join(dir, "fresh", "data", "pglite");
    const db = await openPglite(folder);
    try {
      expect(existsSync(`${folder}.lock`)).toBe(true);
      expect((await db.query<{ one: number }>("select 1 as one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  }, 60_000);
});
