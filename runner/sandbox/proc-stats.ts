import { readFileSync, readdirSync } from "node:fs";

/** What a run's processes use right now, summed over all of them. */
export interface TreeSample {
  /** CPU time in clock ticks (user + system, including reaped children). */
  cpuTicks: number;
  /** Proportional memory (shared pages split between their users); 0 unless asked for. */
  memoryBytes: number;
  /** Processes plus threads. */
  tasks: number;
  /**
   * Time the processes now alive have spent ready to run but waiting for a core, in ms
   * (their main threads, from /proc/PID/schedstat); undefined where the kernel does not say.
   */
  waitMs?: number;
}

interface Stat {
  ppid: number;
  cpuTicks: number;
  threads: number;
}

function readStat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined; // gone between listing and reading
  }
  // The command name may contain spaces and parentheses: fields start after the last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const field = (n: number) => Number(fields[n - 3]);
  return {
    ppid: field(4),
    cpuTicks: field(14) + field(15) + field(16) + field(17),
    threads: field(20),
  };
}

/** Every process below `root` (without it), found by walking parent pids in /proc. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (!stat) continue;
    const list = children.get(stat.ppid);
    if (list) list.push(pid);
    else children.set(stat.ppid, [pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Pss in smaps_rollup: summing RSS instead would count Node's shared code once per process. */
function proportionalMemory(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Sums CPU and tasks over `pids`, and memory when `withMemory` (it costs a page-table walk each). */
export function sampleProcesses(pids: number[], withMemory: boolean): TreeSample {
  const sample: TreeSample = { cpuTicks: 0, memoryBytes: 0, tasks: 0 };
  for (const pid of pids) {
    const stat = readStat(pid);
    if (!stat) continue;
    sample.cpuTicks += stat.cpuTicks;
    sample.tasks += stat.threads;
    if (withMemory) sample.memoryBytes += proportionalMemory(pid);
  }
  return sample;
}

/**
 * How long the main threads of `pids` have waited on a run queue (ready, but no core
 * free), in ms; undefined when the kernel keeps no schedstat. It tells a process that
 * waits for the CPU from one that waits for a message: both use no CPU.
 */
export function runQueueWaitMs(pids: number[]): number | undefined {
  let total = 0;
  let read = false;
  for (const pid of pids) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/schedstat`, "utf8");
    } catch {
      continue; // gone, or no schedstat
    }
    const wait = Number(text.split(" ")[1]);
    if (!Number.isFinite(wait)) continue;
    total += wait;
    read = true;
  }
  return read ? total / 1e6 : undefined;
}
