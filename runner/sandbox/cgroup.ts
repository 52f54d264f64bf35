import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmdirSync, writeFileSync } from "node:fs";
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
  /** Tasks (processes and threads) in the run now, as its task limit counts them: one file, not one per process. */
  tasks(): number;
  /** Times the kernel killed a process for memory. */
  oomKills(): number;
  /** Times a fork or thread creation hit the task limit. */
  taskLimitHits(): number;
  /** Memory charged to the run now (anonymous memory, page cache, kernel memory). */
  memoryBytes(): number;
  /** CPU time of every task that was ever in the run, in ms; undefined without a CPU accounting controller. */
  cpuMs(): number | undefined;
  /**
   * The run's share of the CPU against other runs: a warm sandbox booting ahead
   * of demand gets far less, so it barely slows a run that is running.
   */
  setCpuWeight(level: "warm" | "run"): void;
  killAll(): void;
  remove(): void;
}

export interface CgroupFactory {
  readonly kind: "cgroup-v1" | "cgroup-v2";
  /** Whether runs get CPU weights (the cpu controller could be used). */
  readonly cpuShares: boolean;
  create(id: string, memoryBytes: number, maxTasks: number): RunCgroup;
  /** Memory of all this runner's sandboxes together. */
  totalMemoryBytes(): number;
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

/** Removes what runners that died (SIGKILL, crash) left: their folders of groups, or their groups in a shared folder. */
function sweepDeadInstances(parent: string) {
  for (const name of readdirSync(parent)) {
    const match = /^runner-(\d+)(-.+)?$/.exec(name);
    if (!match || isAlive(Number(match[1]))) continue;
    const dir = join(parent, name);
    if (match[2]) {
      killPids(listPids(join(dir, "cgroup.procs")));
      removeWhenEmpty([dir]);
      continue;
    }
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

function readNumber(file: string): number | undefined {
  try {
    const value = Number(readFileSync(file, "utf8").trim());
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
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

/**
 * CPU weights: cgroup v1 cpu.shares (2–262144, default 1024), v2 cpu.weight (1–10000,
 * default 100). A booting sandbox gets an eighth of a run's: runs come first, yet the
 * pool still grows on a host that other work keeps busy (at the minimum weight it
 * starved there, and every run after it started cold).
 */
const V1_SHARES = { warm: "128", run: "1024" } as const;
const V2_WEIGHT = { warm: "12", run: "100" } as const;

function sameHierarchy(a: string, b: string): boolean {
  try {
    return realpathSync(join(ROOT, a)) === realpathSync(join(ROOT, b));
  } catch {
    return false;
  }
}

/**
 * A v1 hierarchy's folder for this runner's groups, created; undefined where it cannot be.
 * `shared`: the folder every runner of this host puts its groups in (named after the runner's pid).
 */
function v1Parent(controller: string, file: string, shared = false): string | undefined {
  const own = ownPath(controller);
  if (own === undefined) return undefined;
  // cpu and cpuacct are often co-mounted as "cpu,cpuacct" with symlinks named after each.
  const parent = shared ? join(ROOT, controller, own, PARENT) : join(ROOT, controller, own, PARENT, INSTANCE);
  try {
    mkdirSync(parent, { recursive: true });
    sweepDeadInstances(shared ? parent : dirname(parent));
  } catch {
    return undefined;
  }
  return existsSync(join(parent, file)) ? parent : undefined;
}

function v1(): CgroupFactory | undefined {
  const memoryParent = v1Parent("memory", "memory.limit_in_bytes");
  const pidsParent = v1Parent("pids", "pids.max");
  if (memoryParent === undefined || pidsParent === undefined) return undefined;
  // Optional: without them runs share the CPU as plain processes and CPU time is sampled from /proc.
  // CPU weights are siblings across every runner of the host: one runner's booting sandboxes
  // then yield to another's runs as to its own (under a folder per runner, each runner's
  // folder would get an equal share, and one that only boots would take it from the others' runs).
  const cpuParent = v1Parent("cpu", "cpu.shares", true);
  // Co-mounted ("cpu,cpuacct"): a process is in one group of that hierarchy, which does both.
  const coMounted = sameHierarchy("cpu", "cpuacct");
  const cpuacctParent = coMounted ? undefined : v1Parent("cpuacct", "cpuacct.usage");
  const cpuAccounts = coMounted && cpuParent !== undefined && existsSync(join(cpuParent, "cpuacct.usage"));
  // Without swap accounting (a kernel option) this file is missing; the memory limit alone still holds.
  const swapAccounting = existsSync(join(memoryParent, "memory.memsw.limit_in_bytes"));
  return {
    kind: "cgroup-v1",
    cpuShares: cpuParent !== undefined,
    totalMemoryBytes: () => readNumber(join(memoryParent, "memory.usage_in_bytes")) ?? 0,
    create(id, memoryBytes, maxTasks) {
      const mem = join(memoryParent, id);
      const pid = join(pidsParent, id);
      const cpu = cpuParent && join(cpuParent, `${INSTANCE}-${id}`);
      const cpuacct = cpuacctParent ? join(cpuacctParent, id) : cpuAccounts ? cpu : undefined;
      mkdirSync(mem);
      mkdirSync(pid);
      writeFileSync(join(mem, "memory.limit_in_bytes"), String(memoryBytes));
      if (swapAccounting) writeFileSync(join(mem, "memory.memsw.limit_in_bytes"), String(memoryBytes));
      writeFileSync(join(pid, "pids.max"), String(maxTasks));
      const optional = [cpu, cpuacct].filter((dir): dir is string => {
        if (!dir) return false;
        try {
          mkdirSync(dir);
          return true;
        } catch {
          return false;
        }
      });
      if (cpu && optional.includes(cpu)) tryWrite(join(cpu, "cpu.shares"), V1_SHARES.warm);
      const dirs = [mem, pid, ...optional];
      return {
        procsFiles: () => dirs.map((dir) => join(dir, "cgroup.procs")),
        pids: () => listPids(join(pid, "cgroup.procs")),
        tasks: () => readNumber(join(pid, "pids.current")) ?? 0,
        oomKills: () => counter(join(mem, "memory.oom_control"), "oom_kill"),
        taskLimitHits: () => counter(join(pid, "pids.events"), "max"),
        memoryBytes: () => readNumber(join(mem, "memory.usage_in_bytes")) ?? 0,
        cpuMs: () => {
          if (!cpuacct || !optional.includes(cpuacct)) return undefined;
          const ns = readNumber(join(cpuacct, "cpuacct.usage"));
          return ns === undefined ? undefined : ns / 1e6;
        },
        setCpuWeight: (level) => {
          if (cpu && optional.includes(cpu)) tryWrite(join(cpu, "cpu.shares"), V1_SHARES[level]);
        },
        killAll: () => killPids(listPids(join(pid, "cgroup.procs"))),
        remove: () => removeWhenEmpty(dirs),
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
  let controllers = "+memory +pids";
  try {
    mkdirSync(runs, { recursive: true });
    if (!tryWrite(join(base, "cgroup.subtree_control"), controllers)) {
      // A v2 group with processes cannot delegate controllers ("no internal
      // processes"): move this server into a leaf of its own first.
      const leaf = join(base, "zmq-playground-server");
      mkdirSync(leaf, { recursive: true });
      for (const p of listPids(join(base, "cgroup.procs"))) tryWrite(join(leaf, "cgroup.procs"), String(p));
      writeFileSync(join(base, "cgroup.subtree_control"), controllers);
    }
    // The cpu controller is optional: runs then share the CPU as plain processes.
    if (tryWrite(join(base, "cgroup.subtree_control"), "+cpu")) controllers += " +cpu";
    writeFileSync(join(runs, "cgroup.subtree_control"), controllers);
    sweepDeadInstances(runs);
    mkdirSync(parent, { recursive: true });
    writeFileSync(join(parent, "cgroup.subtree_control"), controllers);
  } catch {
    return undefined;
  }
  const cpuShares = controllers.includes("+cpu");
  return {
    kind: "cgroup-v2",
    cpuShares,
    totalMemoryBytes: () => readNumber(join(parent, "memory.current")) ?? 0,
    create(id, memoryBytes, maxTasks) {
      const dir = join(parent, id);
      mkdirSync(dir);
      writeFileSync(join(dir, "memory.max"), String(memoryBytes));
      tryWrite(join(dir, "memory.swap.max"), "0");
      writeFileSync(join(dir, "pids.max"), String(maxTasks));
      if (cpuShares) tryWrite(join(dir, "cpu.weight"), V2_WEIGHT.warm);
      return {
        procsFiles: () => [join(dir, "cgroup.procs")],
        pids: () => listPids(join(dir, "cgroup.procs")),
        tasks: () => readNumber(join(dir, "pids.current")) ?? 0,
        oomKills: () => counter(join(dir, "memory.events"), "oom_kill"),
        taskLimitHits: () => counter(join(dir, "pids.events"), "max"),
        memoryBytes: () => readNumber(join(dir, "memory.current")) ?? 0,
        // cpu.stat's usage_usec is kept by every v2 group, with or without the cpu controller.
        cpuMs: () => counter(join(dir, "cpu.stat"), "usage_usec") / 1000,
        setCpuWeight: (level) => {
          if (cpuShares) tryWrite(join(dir, "cpu.weight"), V2_WEIGHT[level]);
        },
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
