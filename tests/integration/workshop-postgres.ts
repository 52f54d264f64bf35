/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp folder, pg_ctl
 * start listening only on a unix socket in that folder. As root the server
 * runs as an unprivileged user (postgres refuses root).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface TestCluster {
  /** Connection string of a database, created on first use. */
  url(database?: string): Promise<string>;
  stop(): void;
}

function binDir(): string {
  const fromConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  const candidates = [fromConfig.status === 0 ? fromConfig.stdout.trim() : "", ...listVersions()];
  const found = candidates.find((dir) => dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")));
  if (!found) throw new Error("PostgreSQL is not installed (no initdb/pg_ctl): run node scripts/ensure-system-deps.mjs database, or apt-get install postgresql.");
  return found;
}

function listVersions(): string[] {
  try {
    return readdirSync("/usr/lib/postgresql").sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`);
  } catch {
    return [];
  }
}

function userId(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
  return { uid, gid };
}

export function startCluster(): TestCluster {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), "zmqp-pg-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  let runAs: string[] = [];
  if (asRoot) {
    const user = spawnSync("id", ["postgres"]).status === 0 ? "postgres" : "nobody";
    const { uid, gid } = userId(user);
    chownSync(dir, uid, gid);
    runAs = ["runuser", "-u", user, "--"];
  }
  const exec = (command: string, args: string[]) => {
    const full = [...runAs, join(bin, command), ...args];
    const result = spawnSync(full[0]!, full.slice(1), { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  const port = 20_000 + Math.floor(Math.random() * 40_000);
  exec("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  exec("pg_ctl", ["start", "-w", "-D", data, "-l", join(dir, "server.log"), "-o", `-c listen_addresses='' -k ${dir} -p ${port} -c fsync=off -c max_connections=200`]);
  const base = (database: string) => `postgresql://postgres@/${database}?host=${encodeURIComponent(dir)}&port=${port}`;
  const created = new Set<string>(["postgres"]);
  return {
    async url(database = "postgres") {
      if (!created.has(database)) {
        const admin = new pg.Client({ connectionString: base("postgres") });
        await admin.connect();
        await admin.query(`create database ${pg.escapeIdentifier(database)}`);
        await admin.end();
        created.add(database);
      }
      return base(database);
    },
    stop() {
      try {
        exec("pg_ctl", ["stop", "-D", data, "-m", "immediate"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
