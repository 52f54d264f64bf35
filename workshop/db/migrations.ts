/**
 * The schema, as ordered migrations kept in TypeScript so the bundled server
 * carries them. Never edit an applied migration: add the next one.
 * Plain PostgreSQL 15 (PGlite is PostgreSQL compiled to wasm).
 */
export interface Migration {
  id: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    id: "001-workshops",
    sql: `
      create table settings (
        key text primary key,
        value text not null
      );
      create table workshops (
        code text primary key,
        title text not null,
        items jsonb not null,
        key_hash text not null,
        created_at timestamptz not null default now(),
        ends_at timestamptz,
        ended_at timestamptz,
        focus jsonb
      );
      create table learners (
        id text primary key,
        workshop text not null references workshops(code),
        name text not null,
        name_key text not null,
        joined_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        location jsonb,
        runs integer not null default 0,
        last_run jsonb,
        passed jsonb not null default '[]',
        hand jsonb,
        stuck_since timestamptz,
        code jsonb,
        output jsonb,
        unique (workshop, name_key)
      );
      create table learner_runs (
        run_id text primary key,
        learner text not null references learners(id),
        status text not null,
        at timestamptz not null default now()
      );
      create table hints (
        id bigserial primary key,
        learner text not null references learners(id),
        text text not null,
        at timestamptz not null default now()
      );
      create index hints_learner on hints (learner, id);
      create table broadcasts (
        id bigserial primary key,
        workshop text not null references workshops(code),
        lesson text not null,
        snippet text not null,
        title text not null,
        files jsonb not null,
        processes jsonb not null,
        at timestamptz not null default now()
      );
      create index broadcasts_workshop on broadcasts (workshop, id);
      create table events (
        id bigserial primary key,
        workshop text not null references workshops(code),
        audience text not null,
        type text not null,
        data jsonb not null,
        at timestamptz not null default now()
      );
      create index events_replay on events (workshop, audience, id);
    `,
  },
  {
    id: "002-tile-events",
    sql: `
      -- The learner's newest tile event on the board: the one before it is deleted when a new one is written.
      alter table learners add column tile_event bigint;
    `,
  },
  {
    id: "003-exercise-progress",
    sql: `
      -- Exercises (lesson/snippet) the learner ran their own code of against the check, passed or not.
      alter table learners add column tried jsonb not null default '[]';
      -- The run the learner started and has not reported the end of: {runId, lesson, snippet, variant, at}.
      alter table learners add column running jsonb;
      -- One-time links that sign an instructor in on another device: only the hash of each token is kept.
      create table handoffs (
        token_hash text primary key,
        workshop text not null references workshops(code),
        expires_at timestamptz not null,
        used_at timestamptz
      );
    `,
  },
];
