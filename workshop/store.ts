/**
 * Every query of the workshop feature: typed rows in, domain objects out.
 * Each change commits together with the events that announce it, and the
 * events are handed to `publish` once the transaction has committed.
 */
import { ApiError } from "../runner/errors";
import { newCode, newLearnerId } from "./auth";
import type { Db, Queryable } from "./db/types";
import { appendEvent, BOARD, learnerAudience, LEARNERS, type StoredEvent } from "./events";
import { Presence } from "./presence";
import type {
  Board,
  Broadcast,
  CodeFile,
  Focus,
  Hand,
  Hint,
  LastRun,
  LearnerCode,
  LearnerDetail,
  LearnerOutput,
  Me,
  RunCheck,
  RunningRun,
  ProcessDef,
  Tile,
  WorkshopItem,
  WorkshopSummary,
} from "./types";

/** A learner counts as online this long after their last activity, without an open stream. */
export const ONLINE_WINDOW_MS = 60_000;

interface WorkshopRow {
  code: string;
  title: string;
  items: WorkshopItem[];
  key_hash: string;
  created_at: Date;
  ends_at: Date | null;
  ended_at: Date | null;
  focus: Focus | null;
  now: Date;
}

interface LearnerRow {
  id: string;
  workshop: string;
  name: string;
  joined_at: Date;
  last_seen_at: Date;
  location: Tile["location"];
  runs: number;
  last_run: LastRun | null;
  passed: string[];
  tried: string[];
  running: RunningRun | null;
  hand: Hand | null;
  stuck_since: Date | null;
  code: LearnerCode | null;
  output: LearnerOutput | null;
}

export interface WorkshopRecord {
  summary: WorkshopSummary;
  keyHash: string;
  ended: boolean;
}

export interface RunReport {
  runId: string;
  status: string;
  blocked: boolean;
  lesson: string | null;
  snippet: string | null;
  variant: string | null;
  /** The exercise check the run was held to, if any. */
  check: RunCheck | null;
  /** `lesson/snippet` when the run passed an exercise's check (not by running the solution). */
  passed: string | null;
  /** `lesson/snippet` when the learner's own code of an exercise ran against its check, passed or not. */
  tried: string | null;
  /** Null when they are not known (the run's record was lost with its runner): the learner's code stays as it was. */
  files: CodeFile[] | null;
  output: string;
}

export interface ExportRow {
  name: string;
  joinedAt: string;
  runs: number;
  lastStatus: string;
  passed: string[];
  handRaised: boolean;
}

type Emit = (workshop: string, audience: string, type: string, data: unknown) => Promise<StoredEvent>;

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));
const LEARNER_COLUMNS = "id, workshop, name, joined_at, last_seen_at, location, runs, last_run, passed, tried, running, hand, stuck_since, code, output";

/** Names compare without case, in Unicode (the database's lower() may only know ASCII under the C locale). */
const nameKey = (name: string) => name.normalize("NFC").toLowerCase();

function uniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "23505";
}

function summaryOf(row: WorkshopRow): WorkshopSummary {
  const now = new Date(row.now).getTime();
  const expired = row.ends_at !== null && new Date(row.ends_at).getTime() <= now;
  return {
    code: row.code,
    title: row.title,
    items: row.items,
    endsAt: isoOrNull(row.ends_at),
    endedAt: row.ended_at ? iso(row.ended_at) : expired ? iso(row.ends_at!) : null,
    focus: row.focus,
  };
}

export class Store {
  /** Learners with a workshop stream open on this server, for `online`. */
  readonly presence = new Presence();
  /** Set at shutdown: presence changes are no longer written. */
  closing = false;
  private readonly seen = new Set<string>();

  constructor(
    readonly db: Db,
    private readonly origin: string,
    private readonly publish: (events: StoredEvent[]) => void,
  ) {}

  /** Runs `fn` in a transaction with an `emit` for events; publishes them after the commit. */
  private async change<R>(fn: (tx: Queryable, emit: Emit) => Promise<R>): Promise<R> {
    const events: StoredEvent[] = [];
    const result = await this.db.transaction((tx) =>
      fn(tx, async (workshop, audience, type, data) => {
        const event = await appendEvent(tx, this.origin, workshop, audience, type, data);
        events.push(event);
        return event;
      }),
    );
    if (events.length > 0) this.publish(events);
    return result;
  }

  /**
   * Tells the board about a learner, and drops their previous tile event: a tile
   * is the learner's whole state, so a client replaying from before it loses
   * nothing by getting only the newest. The log then holds one tile per learner
   * instead of one per update (200 learners × 12 updates a minute).
   */
  private async emitTile(tx: Queryable, emit: Emit, code: string, row: LearnerRow) {
    const event = await emit(code, BOARD, "learner", this.tileOf(row));
    await tx.query(
      `with previous as (select tile_event from learners where id = $1),
            moved as (update learners set tile_event = $2 where id = $1)
       delete from events where id = (select tile_event from previous)`,
      [row.id, event.id],
    );
  }

  tileOf(row: LearnerRow): Tile {
    const lastSeen = new Date(row.last_seen_at).getTime();
    return {
      id: row.id,
      name: row.name,
      joinedAt: iso(row.joined_at),
      lastSeenAt: iso(row.last_seen_at),
      location: row.location,
      runs: row.runs,
      // Rows from before checks were kept have no `check`: they read as runs without one.
      lastRun: row.last_run && { ...row.last_run, check: row.last_run.check ?? null },
      passed: row.passed,
      tried: row.tried,
      running: row.running,
      hand: row.hand,
      stuckSince: isoOrNull(row.stuck_since),
      // Recent activity stands in for a stream held by another server; not for a learner who just closed their last tab here.
      online: this.presence.here(row.id) ?? Date.now() - lastSeen < ONLINE_WINDOW_MS,
    };
  }

  async createWorkshop(title: string, items: WorkshopItem[], endsAt: Date | null, keyHash: string): Promise<WorkshopSummary> {
    for (let attempt = 0; ; attempt++) {
      try {
        const { rows } = await this.db.query<WorkshopRow>(
          `insert into workshops (code, title, items, key_hash, ends_at) values ($1, $2, $3::jsonb, $4, $5) returning *, now() as now`,
          [newCode(), title, JSON.stringify(items), keyHash, endsAt?.toISOString() ?? null],
        );
        return summaryOf(rows[0]!);
      } catch (error) {
        // 31^6 ≈ 887 million codes: a collision is rare, two in a row rarer still.
        if (!uniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  async workshop(code: string, db: Queryable = this.db): Promise<WorkshopRecord | undefined> {
    const { rows } = await db.query<WorkshopRow>("select *, now() as now from workshops where code = $1", [code]);
    const row = rows[0];
    if (!row) return undefined;
    const summary = summaryOf(row);
    return { summary, keyHash: row.key_hash, ended: summary.endedAt !== null };
  }

  private async learnerRow(db: Queryable, code: string, id: string): Promise<LearnerRow | undefined> {
    const { rows } = await db.query<LearnerRow>(`select ${LEARNER_COLUMNS} from learners where workshop = $1 and id = $2`, [code, id]);
    return rows[0];
  }

  async learnerExists(code: string, id: string): Promise<boolean> {
    const { rows } = await this.db.query("select 1 from learners where workshop = $1 and id = $2", [code, id]);
    return rows.length > 0;
  }

  /** Joins (or, for a learner already in, renames when the new name is free). */
  async join(code: string, name: string, currentId: string | undefined): Promise<{ learner: { id: string; name: string }; created: boolean }> {
    try {
      return await this.change(async (tx, emit) => {
        const current = currentId ? await this.learnerRow(tx, code, currentId) : undefined;
        let row: LearnerRow;
        if (current) {
          if (current.name === name) return { learner: { id: current.id, name: current.name }, created: false };
          const { rows } = await tx.query<LearnerRow>(
            `update learners set name = $3, name_key = $4, last_seen_at = now() where workshop = $1 and id = $2 returning ${LEARNER_COLUMNS}`,
            [code, current.id, name, nameKey(name)],
          );
          row = rows[0]!;
        } else {
          const { rows } = await tx.query<LearnerRow>(
            `insert into learners (id, workshop, name, name_key) values ($1, $2, $3, $4) returning ${LEARNER_COLUMNS}`,
            [newLearnerId(), code, name, nameKey(name)],
          );
          row = rows[0]!;
        }
        await this.emitTile(tx, emit, code, row);
        return { learner: { id: row.id, name: row.name }, created: !current };
      });
    } catch (error) {
      if (uniqueViolation(error)) throw new ApiError(409, "name-taken", `Someone in this workshop is already called "${name}"; pick another name.`);
      throw error;
    }
  }

  /**
   * Updates a learner with `set` (SQL assignments over $3…) and tells the board.
   * `byLearner`: the learner did it, so they were seen now.
   */
  private async updateLearner(
    code: string,
    id: string,
    set: string,
    params: unknown[],
    options: { byLearner: boolean; extra?: (emit: Emit) => Promise<unknown> } = { byLearner: true },
  ): Promise<LearnerRow> {
    return this.change(async (tx, emit) => {
      const { rows } = await tx.query<LearnerRow>(
        `update learners set ${set}${options.byLearner ? ", last_seen_at = now()" : ""} where workshop = $1 and id = $2 returning ${LEARNER_COLUMNS}`,
        [code, id, ...params],
      );
      const row = rows[0];
      if (!row) throw new ApiError(404, "learner-not-found", "No learner with that id is in this workshop.");
      await options.extra?.(emit);
      await this.emitTile(tx, emit, code, row);
      return row;
    });
  }

  async setLocation(code: string, id: string, lesson: string, anchor: string | null) {
    await this.updateLearner(code, id, "location = $3::jsonb", [JSON.stringify({ lesson, anchor })]);
  }

  async setCode(code: string, id: string, value: Omit<LearnerCode, "at">) {
    await this.updateLearner(code, id, "code = $3::jsonb", [JSON.stringify({ ...value, at: new Date().toISOString() })]);
  }

  /**
   * A run the learner started (not yet ended): the board shows it as running and
   * may ask for its output so far. A run already recorded (its end came first) is left alone.
   */
  async setRunning(code: string, id: string, running: Omit<RunningRun, "at">) {
    await this.change(async (tx, emit) => {
      const { rows } = await tx.query<LearnerRow>(
        `update learners set running = $3::jsonb, last_seen_at = now()
         where workshop = $1 and id = $2 and not exists (select 1 from learner_runs where run_id = $4)
         returning ${LEARNER_COLUMNS}`,
        [code, id, JSON.stringify({ ...running, at: new Date().toISOString() }), running.runId],
      );
      if (rows[0]) await this.emitTile(tx, emit, code, rows[0]);
    });
  }

  /**
   * A run whose runner went away (and its record with it) before its end was reported: recorded as
   * ended with an error when it is the run the learner is shown running — theirs, checked when it
   * started — or true when it was recorded already. False otherwise (a run id the learner may not claim).
   */
  async recordLostRun(code: string, id: string, runId: string, message: string): Promise<boolean> {
    const { rows } = await this.db.query<{ running: RunningRun | null; recorded: boolean }>(
      "select running, exists (select 1 from learner_runs where run_id = $3 and learner = $2) as recorded from learners where workshop = $1 and id = $2",
      [code, id, runId],
    );
    // Reported twice, it counts once (as any run).
    if (rows[0]?.recorded) return true;
    const running = rows[0]?.running;
    if (running?.runId !== runId) return false;
    const { lesson, snippet, variant } = running;
    await this.recordRun(code, id, { runId, status: "error", blocked: false, lesson, snippet, variant, check: null, passed: null, tried: null, files: null, output: `[error] ${message}` });
    return true;
  }

  /** Records a finished run once (a run reported twice counts once); false when it was already recorded. */
  async recordRun(code: string, id: string, report: RunReport): Promise<boolean> {
    return this.change(async (tx, emit) => {
      const inserted = await tx.query("insert into learner_runs (run_id, learner, status) values ($1, $2, $3) on conflict (run_id) do nothing returning run_id", [
        report.runId,
        id,
        report.status,
      ]);
      if (inserted.rows.length === 0) return false;
      const at = new Date().toISOString();
      const { lesson, snippet, variant, check } = report;
      const lastRun: LastRun = { status: report.status, blocked: report.blocked, lesson, snippet, variant, check, at };
      const runCode: LearnerCode | null = lesson && snippet && variant && report.files ? { lesson, snippet, variant, files: report.files, at } : null;
      // Code that runs and does the wrong thing is the commonest way to be stuck: a failed check is not ok.
      const ok = report.status === "ok" && check?.passed !== false;
      const { rows } = await tx.query<LearnerRow>(
        `update learners set
           runs = runs + 1,
           last_run = $3::jsonb,
           output = $4::jsonb,
           passed = case when $6::text is null or passed ? $6::text then passed else passed || jsonb_build_array($6::text) end,
           tried = case when $8::text is null or tried ? $8::text then tried else tried || jsonb_build_array($8::text) end,
           stuck_since = case when $5::boolean or $6::text is not null then null else coalesce(stuck_since, now()) end,
           code = coalesce($7::jsonb, code),
           running = case when running->>'runId' = $9::text then null else running end,
           last_seen_at = now()
         where workshop = $1 and id = $2 returning ${LEARNER_COLUMNS}`,
        [
          code,
          id,
          JSON.stringify(lastRun),
          JSON.stringify({ text: report.output, status: report.status, at }),
          ok,
          report.passed,
          runCode && JSON.stringify(runCode),
          report.tried,
          report.runId,
        ],
      );
      const row = rows[0];
      if (!row) throw new ApiError(404, "learner-not-found", "No learner with that id is in this workshop.");
      await this.emitTile(tx, emit, code, row);
      return true;
    });
  }

  async setHand(code: string, id: string, raised: boolean, message: string) {
    const hand: Hand | null = raised ? { raised: true, message, at: new Date().toISOString() } : null;
    await this.updateLearner(code, id, "hand = $3::jsonb", [hand && JSON.stringify(hand)]);
  }

  async lowerHand(code: string, id: string) {
    await this.updateLearner(code, id, "hand = null", [], {
      byLearner: false,
      extra: (emit) => emit(code, learnerAudience(id), "hand", { raised: false, by: "instructor" }),
    });
  }

  /**
   * Marks a learner as seen (a heartbeat of their stream), without telling anyone.
   * Written in batches by `flushSeen`: 200 streams' heartbeats as 200 queries in
   * one burst would hold the (single) PGlite connection and the event loop.
   */
  touch(id: string) {
    this.seen.add(id);
  }

  async flushSeen() {
    if (this.seen.size === 0) return;
    const ids = [...this.seen];
    this.seen.clear();
    await this.db.query("update learners set last_seen_at = now() where id = any($1::text[])", [ids]);
  }

  /** A learner's workshop stream opened on this server: they are online, and the board hears it. */
  streamOpened(code: string, id: string) {
    this.presence.opened(id);
    void this.presenceChanged(code, id);
  }

  /** A learner's workshop stream closed: offline once it was their last. */
  streamClosed(code: string, id: string) {
    this.presence.closed(id);
    void this.presenceChanged(code, id);
  }

  /** Tells the board a learner's stream opened or closed (their `online` changed). */
  private async presenceChanged(code: string, id: string) {
    if (this.closing) return;
    try {
      await this.updateLearner(code, id, "last_seen_at = now()", [], { byLearner: false });
    } catch (error) {
      console.warn(`workshop: presence: ${(error as Error).message}`);
    }
  }

  async setFocus(code: string, lesson: string, anchor: string | null) {
    await this.change(async (tx, emit) => {
      const { rows } = await tx.query<WorkshopRow>(
        "update workshops set focus = $2::jsonb where code = $1 returning *, now() as now",
        [code, JSON.stringify({ lesson, anchor, at: new Date().toISOString() })],
      );
      const summary = summaryOf(rows[0]!);
      await emit(code, LEARNERS, "focus", summary.focus);
      await emit(code, LEARNERS, "workshop", summary);
      await emit(code, BOARD, "workshop", summary);
    });
  }

  async addBroadcast(code: string, input: { lesson: string; snippet: string; title: string; files: CodeFile[]; processes: ProcessDef[] }): Promise<Broadcast> {
    return this.change(async (tx, emit) => {
      const { rows } = await tx.query<{ id: number | string; at: Date }>(
        "insert into broadcasts (workshop, lesson, snippet, title, files, processes) values ($1, $2, $3, $4, $5::jsonb, $6::jsonb) returning id, at",
        [code, input.lesson, input.snippet, input.title, JSON.stringify(input.files), JSON.stringify(input.processes)],
      );
      const broadcast: Broadcast = { id: Number(rows[0]!.id), ...input, at: iso(rows[0]!.at) };
      await emit(code, LEARNERS, "broadcast", broadcast);
      return broadcast;
    });
  }

  async addHint(code: string, id: string, text: string): Promise<Hint> {
    return this.change(async (tx, emit) => {
      if (!(await this.learnerRow(tx, code, id))) throw new ApiError(404, "learner-not-found", "No learner with that id is in this workshop.");
      const { rows } = await tx.query<{ id: number | string; at: Date }>("insert into hints (learner, text) values ($1, $2) returning id, at", [id, text]);
      const hint: Hint = { id: Number(rows[0]!.id), text, at: iso(rows[0]!.at) };
      await emit(code, learnerAudience(id), "hint", hint);
      return hint;
    });
  }

  /** Ends a workshop now (idempotent): learners hear `ended`, boards get the summary. */
  async end(code: string, at: "now" | "scheduled" = "now") {
    await this.change(async (tx, emit) => {
      const { rows } = await tx.query<WorkshopRow>(
        `update workshops set ended_at = ${at === "now" ? "least(now(), coalesce(ends_at, now()))" : "ends_at"} where code = $1 and ended_at is null returning *, now() as now`,
        [code],
      );
      if (!rows[0]) return;
      const summary = summaryOf(rows[0]);
      await emit(code, LEARNERS, "ended", { at: summary.endedAt });
      await emit(code, LEARNERS, "workshop", summary);
      await emit(code, BOARD, "workshop", summary);
    });
  }

  /** Workshops whose end time has passed but that were not ended yet. */
  async dueToEnd(): Promise<string[]> {
    const { rows } = await this.db.query<{ code: string }>("select code from workshops where ended_at is null and ends_at <= now() limit 100");
    return rows.map((r) => r.code);
  }

  async board(code: string): Promise<Board> {
    const lastEventId = await this.lastEventId();
    const workshop = await this.workshop(code);
    if (!workshop) throw new ApiError(404, "workshop-not-found", "There is no workshop with that code.");
    const { rows } = await this.db.query<LearnerRow>(`select ${LEARNER_COLUMNS} from learners where workshop = $1 order by joined_at, id`, [code]);
    return { workshop: workshop.summary, learners: rows.map((r) => this.tileOf(r)), lastEventId };
  }

  async detail(code: string, id: string): Promise<LearnerDetail> {
    const row = await this.learnerRow(this.db, code, id);
    if (!row) throw new ApiError(404, "learner-not-found", "No learner with that id is in this workshop.");
    return { tile: this.tileOf(row), code: row.code, output: row.output, live: null };
  }

  async me(code: string, id: string): Promise<Me> {
    const lastEventId = await this.lastEventId();
    const workshop = await this.workshop(code);
    const row = await this.learnerRow(this.db, code, id);
    if (!workshop || !row) throw new ApiError(401, "not-joined", "You have not joined this workshop (or your session ended); join again.");
    const hints = await this.db.query<{ id: number | string; text: string; at: Date }>("select id, text, at from hints where learner = $1 order by id", [id]);
    const broadcasts = await this.db.query<{ id: number | string; lesson: string; snippet: string; title: string; files: CodeFile[]; processes: ProcessDef[]; at: Date }>(
      "select id, lesson, snippet, title, files, processes, at from broadcasts where workshop = $1 order by id",
      [code],
    );
    return {
      learner: { id: row.id, name: row.name },
      workshop: workshop.summary,
      hand: row.hand ? { raised: true, message: row.hand.message } : null,
      hints: hints.rows.map((h) => ({ id: Number(h.id), text: h.text, at: iso(h.at) })),
      broadcasts: broadcasts.rows.map((b) => ({ ...b, id: Number(b.id), at: iso(b.at) })),
      lastEventId,
    };
  }

  async exportRows(code: string): Promise<ExportRow[]> {
    const { rows } = await this.db.query<LearnerRow>(`select ${LEARNER_COLUMNS} from learners where workshop = $1 order by lower(name), id`, [code]);
    return rows.map((r) => ({
      name: r.name,
      joinedAt: iso(r.joined_at),
      runs: r.runs,
      lastStatus: r.last_run
        ? `${r.last_run.status}${r.last_run.blocked && r.last_run.status !== "ok" ? " (blocked)" : ""}${r.last_run.check?.passed === false ? " (check not passed)" : ""}`
        : "",
      passed: r.passed,
      handRaised: r.hand !== null,
    }));
  }

  /** A one-time sign-in link's token (by its hash), good until `expiresAt`; older used or expired ones are swept. */
  async addHandoff(code: string, tokenHash: string, ttlMs: number): Promise<string> {
    await this.db.query("delete from handoffs where workshop = $1 and (used_at is not null or expires_at <= now())", [code]);
    const { rows } = await this.db.query<{ expires_at: Date }>(
      "insert into handoffs (token_hash, workshop, expires_at) values ($1, $2, now() + $3::int * interval '1 millisecond') returning expires_at",
      [tokenHash, code, ttlMs],
    );
    return iso(rows[0]!.expires_at);
  }

  /** Uses a one-time token: true once, for a token of this workshop that has not expired; false ever after. */
  async useHandoff(code: string, tokenHash: string): Promise<boolean> {
    const { rows } = await this.db.query(
      "update handoffs set used_at = now() where token_hash = $1 and workshop = $2 and used_at is null and expires_at > now() returning 1",
      [tokenHash, code],
    );
    return rows.length > 0;
  }

  lastEventId(): Promise<number> {
    return this.db.query<{ id: number | string }>("select coalesce(max(id), 0) as id from events").then(({ rows }) => Number(rows[0]!.id));
  }
}
