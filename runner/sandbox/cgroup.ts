import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Hard limits through the kernel's control groups: memory (the kernel kills
 * inside the run when it is exceeded) and tasks (fork and thread creation fail).
 * Works with cgroup v1 (memory + pids hierarchies) and v2 (one unified tree).
 * Where neither can be written, the runner falls back to sampling /proc.
 */
export interface RunCgroup {
  /** The cgroup.procs files a process writes its pid to, to join the run's groups. */
  procsFiles(): string[];
  /** Processes currently in the run's groups. */
  pids(): number[];
  /** Times the kernel killed a process for memory. */
  oomKills(): number;
  /** Times a fork or thread creation hit the task limit. */
  taskLimitHits(): number;
  killAll(): void;
  remove(): void;
}

export interface CgroupFactory {
  readonly kind: "cgroup-v1" | "cgroup-v2";
  create(id: string, memoryBytes: number, maxTasks: number): RunCgroup;
}

const ROOT = "/sys/fs/cgroup";
const PARENT = "zmq-playground-runs";
/** Each runner process keeps its groups in a folder named after its pid. */
const INSTANCE = `runner-${process.pid}`;

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes what runners that died (SIGKILL, crash) left: empty groups in their folders. */
function sweepDeadInstances(parent: string) {
  for (const name of readdirSync(parent)) {
    const match = /^runner-(\d+)$/.exec(name);
    if (!match || isAlive(Number(match[1]))) continue;
    const dir = join(parent, name);
    for (const run of readdirSync(dir, { withFileTypes: true })) {
      if (!run.isDirectory()) continue;
      killPids(listPids(join(dir, run.name, "cgroup.procs")));
      try {
        rmdirSync(join(dir, run.name));
      } catch {
        // still emptying; the next start removes it
      }
    }
    try {
      rmdirSync(dir);
    } catch {
      // not empty yet
    }
  }
}

function counter(file: string, key: string): number {
  try {
    const match = new RegExp(`^${key} (\\d+)$`, "m").exec(readFileSync(file, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function listPids(file: string): number[] {
  try {
    return readFileSync(file, "utf8").split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function killPids(pids: number[]) {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

function tryWrite(file: string, value: string): boolean {
  try {
    writeFileSync(file, value);
    return true;
  } catch {
    return false;
  }
}

/** Removes a group once the kernel has reaped its last task (a few ms after SIGKILL). */
function removeWhenEmpty(dirs: string[]) {
  let attempts = 0;
  const attempt = () => {
    const left = dirs.filter((dir) => {
      try {
        rmdirSync(dir);
        return false;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code !== "ENOENT";
      }
    });
    if (left.length > 0 && ++attempts < 50) setTimeout(attempt, 100).unref();
  };
  attempt();
}

function ownPath(controller: string): string | undefined {
  for (const line of readFileSync("/proc/self/cgroup", "utf8").split("\n")) {
    const [, controllers, path] = line.split(":");
    if (path === undefined) continue;
    if (controller === "" ? controllers === "" : controllers!.split(",").includes(controller)) return path;
  }
  return undefined;
}

function v1(): CgroupFactory | undefined {
  const memory = ownPath("memory");
  const pids = ownPath("pids");
  if (memory === undefined || pids === undefined) return undefined;
  const memoryParent = join(ROOT, "memory", memory, PARENT, INSTANCE);
  const pidsParent = join(ROOT, "pids", pids, PARENT, INSTANCE);
  try {
    mkdirSync(memoryParent, { recursive: true });
    mkdirSync(pidsParent, { recursive: true });
    sweepDeadInstances(dirname(memoryParent));
    sweepDeadInstances(dirname(pidsParent));
  } catch {
    return undefined;
  }
  if (!existsSync(join(memoryParent, "memory.limit_in_bytes")) || !existsSync(join(pidsParent, "pids.max"))) return undefined;
  return {
    kind: "cgroup-v1",
    create(id, memoryBytes, maxTasks) {
      const mem = join(memoryParent, id);
      const pid = join(pidsParent, id);
      mkdirSync(mem);
      mkdirSync(pid);
      writeFileSync(join(mem, "memory.limit_in_bytes"), String(memoryBytes));
      // Without swap accounting this file is missing; the memory limit alone still holds.
      tryWrite(join(mem, "memory.memsw.limit_in_bytes"), String(memoryBytes));
      writeFileSync(join(pid, "pids.max"), String(maxTasks));
      return {
        procsFiles: () => [join(mem, "cgroup.procs"), join(pid, "cgroup.procs")],
        pids: () => listPids(join(pid, "cgroup.procs")),
        oomKills: () => counter(join(mem, "memory.oom_control"), "oom_kill"),
        taskLimitHits: () => counter(join(pid, "pids.events"), "max"),
        killAll: () => killPids(listPids(join(pid, "cgroup.procs"))),
        remove: () => removeWhenEmpty([mem, pid]),
      };
    },
  };
}

function v2(): CgroupFactory | undefined {
  const own = ownPath("");
  if (own === undefined || !existsSync(join(ROOT, "cgroup.controllers"))) return undefined;
  const base = join(ROOT, own);
  const runs = join(base, PARENT);
  const parent = join(runs, INSTANCE);
  try {
    mkdirSync(runs, { recursive: true });
    if (!tryWrite(join(base, "cgroup.subtree_control"), "+memory +pids")) {
      // A v2 group with processes cannot delegate controllers ("no internal
      // processes"): move this server into a leaf of its own first.
      const leaf = join(base, "zmq-playground-server");
      mkdirSync(leaf, { recursive: true });
      for (const p of listPids(join(base, "cgroup.procs"))) tryWrite(join(leaf, "cgroup.procs"), String(p));
      writeFileSync(join(base, "cgroup.subtree_control"), "+memory +pids");
    }
    writeFileSync(join(runs, "cgroup.subtree_control"), "+memory +pids");
    sweepDeadInstances(runs);
    mkdirSync(parent, { recursive: true });
    writeFileSync(join(parent, "cgroup.subtree_control"), "+memory +pids");
  } catch {
    return undefined;
  }
  return {
    kind: "cgroup-v2",
    create(id, memoryBytes, maxTasks) {
      const dir = join(parent, id);
      mkdirSync(dir);
      writeFileSync(join(dir, "memory.max"), String(memoryBytes));
      tryWrite(join(dir, "memory.swap.max"), "0");
      writeFileSync(join(dir, "pids.max"), String(maxTasks));
      return {
        procsFiles: () => [join(dir, "cgroup.procs")],
        pids: () => listPids(join(dir, "cgroup.procs")),
        oomKills: () => counter(join(dir, "memory.events"), "oom_kill"),
        taskLimitHits: () => counter(join(dir, "pids.events"), "max"),
        killAll: () => {
          if (!tryWrite(join(dir, "cgroup.kill"), "1")) killPids(listPids(join(dir, "cgroup.procs")));
        },
        remove: () => removeWhenEmpty([dir]),
      };
    },
  };
}

/** The cgroup flavour this host lets us use, or undefined (then /proc sampling enforces limits). */
export function detectCgroups(): CgroupFactory | undefined {
  if (process.platform !== "linux") return undefined;
  try {
    return v2() ?? v1();
  } catch {
    return undefined;
  }
}
