import { readFileSync, readdirSync } from "node:fs";

/** What a run's processes use right now, summed over all of them. */
export interface TreeSample {
  /** CPU time in clock ticks (user + system, including reaped children). */
  cpuTicks: number;
  rssBytes: number;
  /** Processes plus threads. */
  tasks: number;
}

const PAGE_BYTES = 4096;

interface Stat {
  ppid: number;
  cpuTicks: number;
  threads: number;
  rssBytes: number;
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
    rssBytes: field(24) * PAGE_BYTES,
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

export function sampleProcesses(pids: number[]): TreeSample {
  const sample: TreeSample = { cpuTicks: 0, rssBytes: 0, tasks: 0 };
  for (const pid of pids) {
    const stat = readStat(pid);
    if (!stat) continue;
    sample.cpuTicks += stat.cpuTicks;
    sample.rssBytes += stat.rssBytes;
    sample.tasks += stat.threads;
  }
  return sample;
}
