/**
 * The store's behaviour on a real database, written once and run on each
 * backend (PGlite, and PostgreSQL through DATABASE_URL's driver).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../runner/errors";
import { loadSigningKey } from "../../workshop/auth";
import { migrate } from "../../workshop/db/migrate";
import type { Db } from "../../workshop/db/types";
import { appendEvent, BOARD, EventHub, learnerAudience, LEARNERS, type StoredEvent } from "../../workshop/events";
import { Store, type RunReport } from "../../workshop/store";

const EXERCISE = "01-what-is-zeromq/exercise-ipc";
/** A reported run of the exercise; `passed` names the exercise when its check passed. */
const run = (runId: string, status: string, passed: string | null = null, check: RunReport["check"] = null): RunReport => ({
  runId,
  status,
  blocked: status === "timeout",
  lesson: "01-what-is-zeromq",
  snippet: "exercise-ipc",
  variant: "starter",
  check: check ?? (passed ? { passed: true, title: "Prints pong" } : null),
  passed,
  tried: check || passed ? EXERCISE : null,
  files: [{ name: "main.ts", content: `// ${runId}` }],
  output: `${runId} output`,
});

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

export function storeSuite(backend: string, open: () => Promise<Db>) {
  describe(`workshop store on ${backend}`, () => {
    let db: Db;
    let hub: EventHub;
    let store: Store;
    let published: StoredEvent[] = [];
    let migrations: string[][];

    beforeAll(async () => {
      db = await open();
      // Two servers starting at once on one empty database: the advisory lock lets one apply each migration.
      migrations = await Promise.all([migrate(db), migrate(db)]);
      hub = new EventHub(db);
      await hub.start();
      store = new Store(db, hub.origin, (events) => {
        published.push(...events);
        hub.publish(events);
      });
    }, 60_000); // creating a PGlite database takes seconds on busy shared cores
    afterAll(async () => {
      await hub?.stop();
      await db?.close();
    });

    const workshop = (title = "Test") => store.createWorkshop(title, [{ lesson: "01-what-is-zeromq" }], null, "hash");

    it("applies each migration exactly once, and again nothing", async () => {
      expect(migrations.flat().sort()).toEqual(["001-workshops", "002-tile-events", "003-exercise-progress"]);
      expect(await migrate(db)).toEqual([]);
    });

    it("creates a workshop with a code from the unambiguous alphabet and reads it back", async () => {
      const summary = await store.createWorkshop("Intro", [{ lesson: "01-what-is-zeromq", snippet: "hello-req-rep" }], new Date(Date.now() + 3_600_000), "abc");
      expect(summary.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
      const record = await store.workshop(summary.code);
      expect(record?.keyHash).toBe("abc");
      expect(record?.ended).toBe(false);
      expect(record?.summary).toEqual(summary);
      expect(await store.workshop("ZZZZZZ")).toBeUndefined();
    });

    it("keeps names unique per workshop, case-insensitively, and renames a learner only to a free name", async () => {
      const { code } = await workshop();
      const other = await workshop();
      const ada = await store.join(code, "Ada", undefined);
      expect(ada.created).toBe(true);
      const taken = await rejection(store.join(code, "ADA", undefined));
      expect([taken.status, taken.code]).toEqual([409, "name-taken"]);
      expect((await store.join(other.code, "Ada", undefined)).created).toBe(true);
      const bob = await store.join(code, "Bob", undefined);
      expect((await rejection(store.join(code, "ada", bob.learner.id))).code).toBe("name-taken");
      const renamed = await store.join(code, "Robert", bob.learner.id);
      expect(renamed).toEqual({ learner: { id: bob.learner.id, name: "Robert" }, created: false });
      expect((await store.join(code, "Robert", bob.learner.id)).created).toBe(false);
    });

    it("counts a run once, keeps passed exercises as a set, and tracks when a learner got stuck", async () => {
      const { code } = await workshop();
      const { learner } = await store.join(code, "Grace", undefined);
      expect(await store.recordRun(code, learner.id, run(`${code}-1`, "failed"))).toBe(true);
      expect(await store.recordRun(code, learner.id, run(`${code}-1`, "failed"))).toBe(false);
      const stuck = (await store.detail(code, learner.id)).tile;
      expect(stuck.runs).toBe(1);
      expect(stuck.stuckSince).not.toBeNull();
      await store.recordRun(code, learner.id, run(`${code}-2`, "timeout"));
      const still = await store.detail(code, learner.id);
      expect(still.tile.stuckSince).toBe(stuck.stuckSince);
      expect(still.tile.lastRun).toMatchObject({ status: "timeout", blocked: true, lesson: "01-what-is-zeromq", snippet: "exercise-ipc", variant: "starter" });
      expect(still.output).toMatchObject({ text: `${code}-2 output`, status: "timeout" });
      expect(still.code?.files).toEqual([{ name: "main.ts", content: `// ${code}-2` }]);
      await store.recordRun(code, learner.id, run(`${code}-3`, "ok", "01-what-is-zeromq/exercise-ipc"));
      await store.recordRun(code, learner.id, run(`${code}-4`, "ok", "01-what-is-zeromq/exercise-ipc"));
      const done = (await store.detail(code, learner.id)).tile;
      expect(done).toMatchObject({ runs: 4, passed: ["01-what-is-zeromq/exercise-ipc"], tried: [EXERCISE], stuckSince: null });
    });

    it("keeps a run's check on the tile; code that runs ok but fails its check is stuck, tried and not passed", async () => {
      const { code } = await workshop();
      const { learner } = await store.join(code, "Barbara", undefined);
      const failed = { passed: false, title: "Prints pong" };
      await store.recordRun(code, learner.id, run(`${code}-1`, "ok", null, failed));
      const stuck = (await store.detail(code, learner.id)).tile;
      expect(stuck.lastRun).toMatchObject({ status: "ok", check: failed });
      expect(stuck.stuckSince).not.toBeNull();
      expect(stuck).toMatchObject({ passed: [], tried: [EXERCISE] });
      // Another ok run that fails its check keeps the time it got stuck; a run without a check (a demo) that ends ok clears it.
      await store.recordRun(code, learner.id, run(`${code}-2`, "ok", null, failed));
      expect((await store.detail(code, learner.id)).tile.stuckSince).toBe(stuck.stuckSince);
      await store.recordRun(code, learner.id, run(`${code}-3`, "ok"));
      expect((await store.detail(code, learner.id)).tile).toMatchObject({ stuckSince: null, tried: [EXERCISE], lastRun: { check: null } });
      expect((await store.exportRows(code))[0]!.lastStatus).toBe("ok");
      await store.recordRun(code, learner.id, run(`${code}-4`, "ok", null, failed));
      expect((await store.exportRows(code))[0]!.lastStatus).toBe("ok (check not passed)");
    });

    it("shows a started run as running until its end is recorded, and never after", async () => {
      const { code } = await workshop();
      const { learner } = await store.join(code, "Frances", undefined);
      const running = { runId: `${code}-r1`, lesson: "01-what-is-zeromq", snippet: "exercise-ipc", variant: "starter" };
      await store.setRunning(code, learner.id, running);
      expect((await store.detail(code, learner.id)).tile.running).toMatchObject(running);
      await store.recordRun(code, learner.id, run(`${code}-r1`, "ok"));
      expect((await store.detail(code, learner.id)).tile.running).toBeNull();
      // A start reported after its end (the two raced) changes nothing.
      await store.setRunning(code, learner.id, running);
      expect((await store.detail(code, learner.id)).tile.running).toBeNull();
    });

    it("raises and lowers hands; an instructor's lowering reaches only that learner", async () => {
      const { code } = await workshop();
      const { learner } = await store.join(code, "Linus", undefined);
      await store.setHand(code, learner.id, true, "help");
      expect((await store.detail(code, learner.id)).tile.hand).toMatchObject({ raised: true, message: "help" });
      expect((await store.me(code, learner.id)).hand).toEqual({ raised: true, message: "help" });
      published = [];
      await store.lowerHand(code, learner.id);
      expect((await store.detail(code, learner.id)).tile.hand).toBeNull();
      expect(published.map((e) => [e.audience, e.type])).toEqual([
        [learnerAudience(learner.id), "hand"],
        [BOARD, "learner"],
      ]);
    });

    it("replays exactly the events of an audience after an id, in order", async () => {
      const { code } = await workshop();
      const a = await store.join(code, "A", undefined);
      const b = await store.join(code, "B", undefined);
      const before = await store.lastEventId();
      await store.addHint(code, a.learner.id, "for A");
      await store.addHint(code, b.learner.id, "for B");
      await store.setFocus(code, "01-what-is-zeromq", "frames");
      const forA = await hub.replay(code, [LEARNERS, learnerAudience(a.learner.id)], before, 100);
      expect(forA.map((e) => e.type)).toEqual(["hint", "focus", "workshop"]);
      expect((forA[0]!.data as { text: string }).text).toBe("for A");
      expect(forA.map((e) => e.id)).toEqual([...forA.map((e) => e.id)].sort((x, y) => x - y));
      expect(forA[0]!.id).toBeGreaterThan(before);
      const fromMiddle = await hub.replay(code, [LEARNERS, learnerAudience(a.learner.id)], forA[0]!.id, 100);
      expect(fromMiddle.map((e) => e.type)).toEqual(["focus", "workshop"]);
      expect(await hub.replay(code, [BOARD], before, 100)).toHaveLength(1); // the focus's workshop summary
    });

    it("keeps one tile event per learner in the log, so replay stays short and complete", async () => {
      const { code } = await workshop();
      const a = await store.join(code, "A", undefined);
      const b = await store.join(code, "B", undefined);
      const before = await store.lastEventId();
      for (let i = 0; i < 5; i++) {
        await store.setLocation(code, a.learner.id, "01-what-is-zeromq", `a${i}`);
        await store.setLocation(code, b.learner.id, "01-what-is-zeromq", `b${i}`);
      }
      const { rows } = await db.query<{ n: number | string }>("select count(*) as n from events where workshop = $1 and type = 'learner'", [code]);
      expect(Number(rows[0]!.n)).toBe(2);
      const replayed = await hub.replay(code, [BOARD], before, 100);
      expect(replayed.map((e) => (e.data as { location: { anchor: string } }).location.anchor)).toEqual(["a4", "b4"]);
    });

    it("delivers another server's events through NOTIFY, and a server's own ones once", async () => {
      const { code } = await workshop();
      const other = new EventHub(db);
      await other.start();
      try {
        const seenHere: StoredEvent[] = [];
        const seenThere: StoredEvent[] = [];
        const offHere = hub.subscribe(code, [BOARD], (e) => seenHere.push(e));
        const arrived = new Promise<StoredEvent>((resolve) =>
          other.subscribe(code, [BOARD], (e) => {
            seenThere.push(e);
            resolve(e);
          }),
        );
        const { learner } = await store.join(code, "Remote", undefined);
        const event = await arrived;
        expect(event.type).toBe("learner");
        expect((event.data as { id: string }).id).toBe(learner.id);
        expect(seenHere.map((e) => e.id)).toEqual([event.id]);
        // An event written by `other`'s origin reaches this hub through NOTIFY too.
        const written = await db.transaction((tx) => appendEvent(tx, other.origin, code, BOARD, "workshop", { n: 1 }));
        await expect.poll(() => seenHere.map((e) => e.id)).toEqual([event.id, written.id]);
        expect(seenThere.map((e) => e.id)).toEqual([event.id]);
        offHere();
      } finally {
        await other.stop();
      }
    });

    it("ends a workshop once, including when its end time has passed", async () => {
      const { code } = await workshop();
      published = [];
      await store.end(code);
      await store.end(code);
      expect(published.filter((e) => e.type === "ended")).toHaveLength(1);
      const record = await store.workshop(code);
      expect(record?.ended).toBe(true);
      const due = await store.createWorkshop("Due", [{ lesson: "01-what-is-zeromq" }], new Date(Date.now() + 1_000), "h");
      await db.query("update workshops set ends_at = now() - interval '1 minute' where code = $1", [due.code]);
      expect((await store.workshop(due.code))?.ended).toBe(true); // past its end time, even before the sweep
      expect(await store.dueToEnd()).toContain(due.code);
      await store.end(due.code, "scheduled");
      expect(await store.dueToEnd()).not.toContain(due.code);
      expect((await store.workshop(due.code))?.summary.endedAt).toBe((await store.workshop(due.code))?.summary.endsAt);
    });

    it("builds a board, a learner's me, and export rows from what was stored", async () => {
      const { code } = await workshop();
      const { learner } = await store.join(code, "Edsger", undefined);
      await store.setLocation(code, learner.id, "01-what-is-zeromq", "frames");
      await store.addBroadcast(code, { lesson: "01-what-is-zeromq", snippet: "frames", title: "Look", files: [{ name: "main.ts", content: "1" }], processes: [{ name: "main", entry: "main.ts" }] });
      const board = await store.board(code);
      expect(board.learners).toHaveLength(1);
      expect(board.learners[0]).toMatchObject({ id: learner.id, name: "Edsger", location: { lesson: "01-what-is-zeromq", anchor: "frames" }, runs: 0, lastRun: null, passed: [], tried: [], running: null, hand: null, stuckSince: null, online: true });
      expect(board.lastEventId).toBeGreaterThan(0);
      const me = await store.me(code, learner.id);
      expect(me.broadcasts.map((b) => b.title)).toEqual(["Look"]);
      expect(await store.exportRows(code)).toEqual([{ name: "Edsger", joinedAt: board.learners[0]!.joinedAt, runs: 0, lastStatus: "", passed: [], handRaised: false }]);
    });

    it("records stream heartbeats in one batch", async () => {
      const { code } = await workshop();
      const a = await store.join(code, "A", undefined);
      const b = await store.join(code, "B", undefined);
      await db.query("update learners set last_seen_at = now() - interval '10 minutes' where workshop = $1", [code]);
      store.touch(a.learner.id);
      store.touch(b.learner.id);
      store.touch(a.learner.id);
      await store.flushSeen();
      const board = await store.board(code);
      for (const tile of board.learners) expect(Date.now() - Date.parse(tile.lastSeenAt)).toBeLessThan(5 * 60_000);
      await store.flushSeen(); // nothing pending: no query, no error
    });

    it("keeps one cookie-signing key across restarts", async () => {
      const first = await loadSigningKey(db, {});
      const second = await loadSigningKey(db, {});
      expect(first.equals(second)).toBe(true);
      expect(first.length).toBe(32);
    });
  });
}
