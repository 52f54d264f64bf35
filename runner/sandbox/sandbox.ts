import type { Readable, Writable } from "node:stream";
import { readFileSync, rmSync } from "node:fs";
import type { RunCgroup } from "./cgroup";
import { descendants, sampleProcesses, type TreeSample } from "./proc-stats";
import type { SpawnedProcess } from "./spawner";

/** Alive and not a zombie (a zombie has finished exiting). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

function killAll(pids: number[]) {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone already
    }
  }
}

/** Processes a sandbox is started with pipes for (the API's maximum). */
export const MAX_PROCESSES = 4;

/** fd 3: the supervisor's reports; fd 5: bubblewrap's options; from fd 10: three per process. */
export const CONTROL_FD = 3;
export const OPTIONS_FD = 5;
export const processFds = (index: number) => ({ stdin: 10 + 3 * index, stdout: 11 + 3 * index, stderr: 12 + 3 * index });

/** The supervisor's report about one of the run's processes. */
export type ControlMessage = { type: "start"; index: number } | { type: "exit"; index: number; code: number };

export interface ProcessPipes {
  stdin: Writable;
  stdout: Readable;
  stderr: Readable;
}

/** One sandbox with the run's processes inside. */
export class Sandbox {
  readonly pipes: ProcessPipes[];
  private exited = false;
  private exitWaiters: (() => void)[] = [];

  constructor(
    private readonly child: SpawnedProcess,
    private readonly dir: string,
    private readonly cgroup: RunCgroup | undefined,
    private readonly processGroup: boolean,
    count: number,
    onControl: (message: ControlMessage) => void,
  ) {
    this.pipes = Array.from({ length: count }, (_, i) => {
      const fds = processFds(i);
      return { stdin: child.stdio[fds.stdin] as Writable, stdout: child.stdio[fds.stdout] as Readable, stderr: child.stdio[fds.stderr] as Readable };
    });
    // A sandbox is prepared with pipes for the most processes a run may have: close the rest.
    for (let i = count; i < MAX_PROCESSES; i++) {
      for (const fd of Object.values(processFds(i))) child.stdio[fd]?.destroy();
    }
    // Learner code can close or fill its stdin: never let that crash the runner.
    for (const pipe of this.pipes) pipe.stdin.on("error", () => {});
    let buffered = "";
    const control = child.stdio[CONTROL_FD] as Readable;
    control.setEncoding("utf8");
    control.on("data", (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const match = /^(start|exit) (\d+)(?: (\d+))?$/.exec(line);
        if (!match) continue;
        const index = Number(match[2]);
        if (index >= count) continue;
        if (match[1] === "start") onControl({ type: "start", index });
        else onControl({ type: "exit", index, code: Number(match[3]) });
      }
      // A sandbox that floods the control channel without newlines is broken: cap it.
      if (buffered.length > 4096) buffered = "";
    });
    control.on("error", () => {});
    const own = child.stdio[2] as Readable;
    own.setEncoding("utf8");
    own.on("data", (text: string) => {
      if (this.diagnostics.length < 4096) this.diagnostics += text;
    });
    child.once("close", () => {
      this.closing = true;
      // Read the kernel's counters before the groups go away with their files.
      this.finalOomKills = this.cgroup?.oomKills() ?? 0;
      this.finalTaskLimitHits = this.cgroup?.taskLimitHits() ?? 0;
      this.cgroup?.killAll();
      // bubblewrap's monitor exits as soon as the supervisor does, while the
      // namespace's init may still be killing what is left (a detached child):
      // the run is over only when none of its processes exists any more.
      void this.whenEmpty().then(() => {
        this.exited = true;
        this.cgroup?.remove();
        rmSync(this.dir, { recursive: true, force: true });
        for (const waiter of this.exitWaiters.splice(0)) waiter();
      });
    });
  }

  /** bubblewrap has exited: its pid may be reused, never signal it again. */
  private closing = false;

  /** Processes seen in the sandbox by the last sample (where no cgroup lists them). */
  private seenPids: number[] = [];

  private async whenEmpty() {
    const remaining = () => (this.cgroup ? this.cgroup.pids() : this.seenPids.filter(isRunning));
    for (let i = 0; i < 200 && remaining().length > 0; i++) {
      killAll(remaining());
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves when the sandbox and every process in it are gone. */
  closed(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => this.exitWaiters.push(resolve));
  }

  /** What bubblewrap or the supervisor itself printed: the reason when a sandbox fails to start. */
  diagnostics = "";

  /** What the run's processes use now (with cgroups, only the run's own tasks are read). */
  sample(): TreeSample {
    const pid = this.child.pid;
    if (pid === undefined || this.exited) return { cpuTicks: 0, memoryBytes: 0, tasks: 0 };
    // With a cgroup the kernel enforces memory itself; without one it is measured here.
    if (this.cgroup) return sampleProcesses(this.cgroup.pids(), false);
    const pids = descendants(pid);
    this.seenPids = [...new Set([...this.seenPids, ...pids])];
    return sampleProcesses(pids, true);
  }

  private finalOomKills = 0;
  private finalTaskLimitHits = 0;

  oomKills(): number {
    return this.exited ? this.finalOomKills : (this.cgroup?.oomKills() ?? 0);
  }

  taskLimitHits(): number {
    return this.exited ? this.finalTaskLimitHits : (this.cgroup?.taskLimitHits() ?? 0);
  }

  /** Ends every process of the run at once. */
  kill() {
    if (this.exited || this.closing) return;
    this.cgroup?.killAll();
    if (this.processGroup && this.child.pid !== undefined) {
      try {
        process.kill(-this.child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    // Killing bubblewrap kills its pid namespace: nothing inside can outlive it.
    this.child.kill("SIGKILL");
  }
}

