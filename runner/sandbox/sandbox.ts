import type { Readable, Writable } from "node:stream";
import { readFileSync, writeFileSync } from "node:fs";
import { rm, rmdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { RunCgroup } from "./cgroup";
import { descendants, runQueueWaitMs, sampleProcesses, type TreeSample } from "./proc-stats";
import type { RunSandbox } from "./backend";
import type { SpawnedProcess } from "./spawner";
import type { TraceOptions } from "./trace";

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

/**
 * Removes a sandbox's folder (launcher.ts: code/ with the run's files, tmp/ where
 * the noexec /tmp was mounted) by its known layout: a handful of calls, where a
 * recursive removal stats and lists every entry. Anything unexpected there falls
 * back to that.
 */
async function removeSandboxDir(dir: string, codeFiles: string[]) {
  const absent = (error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  };
  try {
    await Promise.all(codeFiles.map((name) => unlink(join(dir, "code", name))));
    await rmdir(join(dir, "code"));
    await rmdir(join(dir, "tmp")).catch(absent);
    await rmdir(dir);
  } catch {
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

/** Processes a sandbox may have (the API's maximum); each sandbox has pipes for its own number only. */
export const MAX_PROCESSES = 4;

/** fd 3: the supervisor's reports; fd 4: commands to it; fd 5: bubblewrap's options; from fd 10: three per process. */
export const CONTROL_FD = 3;
export const COMMAND_FD = 4;
export const OPTIONS_FD = 5;
export const processFds = (index: number) => ({ stdin: 10 + 3 * index, stdout: 11 + 3 * index, stderr: 12 + 3 * index });

/**
 * A report from inside the sandbox about one of the run's processes: an exit, or
 * a line of a traced process's socket trace (its watermark and JSON records, unparsed).
 */
export type ControlMessage =
  | { type: "exit"; index: number; code: number }
  | { type: "trace"; index: number; watermark: number; records: string };

/** What a process is told to run: a file in the code folder, its name and arguments. */
export interface ProcessHeader {
  main: string;
  name: string;
  args: string[];
  /** Set for a traced run: the process traces its sockets (trace.ts). */
  trace?: TraceOptions;
}

export interface ProcessPipes {
  stdin: Writable;
  stdout: Readable;
  stderr: Readable;
}

/** Longest control line a sandbox may send; anything else is noise from learner code. */
const MAX_CONTROL_BUFFER = 4096;

/**
 * One sandbox: bubblewrap with the supervisor inside, `warm` learner processes
 * booted and waiting. It serves one run: `bind` hands it to the run, `start`
 * tells each process what to run.
 */
export class Sandbox implements RunSandbox {
  private exited = false;
  private exitWaiters: (() => void)[] = [];
  private readonly readyIndexes = new Set<number>();
  private readonly exitedIndexes = new Set<number>();
  private readonly started = new Set<number>();
  private onControl: ((message: ControlMessage) => void) | undefined;
  private count = 0;
  private markReady!: () => void;
  /** Resolves when every warm process has booted (or the sandbox is gone). */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  /** A warm process died before its run: the sandbox cannot serve one. */
  broken = false;

  constructor(
    private readonly child: SpawnedProcess,
    private readonly dir: string,
    readonly cgroup: RunCgroup | undefined,
    private readonly processGroup: boolean,
    readonly warm: number,
    /** Where the code folder (`dir`/code) appears to the processes. */
    readonly codeRoot: string,
  ) {
    if (warm === 0) this.markReady();
    let buffered = "";
    const control = child.stdio[CONTROL_FD] as Readable;
    control.setEncoding("utf8");
    control.on("data", (chunk: string) => {
      buffered += chunk;
      let from = 0;
      let newline: number;
      while ((newline = buffered.indexOf("\n", from)) >= 0) {
        this.onControlLine(buffered.slice(from, newline));
        from = newline + 1;
      }
      if (from > 0) buffered = buffered.slice(from);
      // A sandbox that floods the control channel without newlines is broken: cap it.
      if (buffered.length > MAX_CONTROL_BUFFER) buffered = "";
    });
    control.on("error", () => {});
    (child.stdio[COMMAND_FD] as Writable | null)?.on("error", () => {});
    for (let i = 0; i < warm; i++) (child.stdio[processFds(i).stdin] as Writable | null)?.on("error", () => {});
    const own = child.stdio[2] as Readable;
    own.setEncoding("utf8");
    own.on("data", (text: string) => {
      if (this.diagnostics.length < 4096) this.diagnostics += text;
    });
    child.once("close", () => {
      this.closing = true;
      this.broken = true;
      this.markReady();
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
        // Off the event loop: removing the folder its /tmp was mounted on waits for the
        // kernel to detach that mount (~2 ms of wall time, little CPU).
        void removeSandboxDir(this.dir, this.codeFiles);
        for (const waiter of this.exitWaiters.splice(0)) waiter();
      });
    });
  }

  /**
   * Learner code runs as the same user as the supervisor and can write to this
   * channel too: only well-formed lines about a process that exists count, and
   * each fact counts once, so forged lines can at most misreport the run's own
   * processes — never another run, never the runner.
   */
  private onControlLine(line: string) {
    if (line.startsWith("trace ")) {
      const trace = /^trace ([0-9]) ([0-9]{1,9}(?:\.[0-9]{1,3})?) (\[.*\])$/.exec(line);
      const index = Number(trace?.[1]);
      if (trace && index < this.count && this.onControl) this.onControl({ type: "trace", index, watermark: Number(trace[2]), records: trace[3]! });
      return;
    }
    const match = /^(ready|exit) ([0-9])(?: ([0-9]{1,3}))?$/.exec(line);
    if (!match) return;
    const index = Number(match[2]);
    if (index >= this.warm) return;
    if (match[1] === "ready") {
      if (this.readyIndexes.has(index)) return;
      this.readyIndexes.add(index);
      if (this.readyIndexes.size === this.warm) this.markReady();
      return;
    }
    if (match[3] === undefined || this.exitedIndexes.has(index)) return;
    this.exitedIndexes.add(index);
    if (!this.onControl) {
      // A warm process died before any run was given to it.
      this.broken = true;
      this.markReady();
      return;
    }
    if (index < this.count) this.onControl({ type: "exit", index, code: Number(match[3]) });
  }

  /** Gives the sandbox to a run of `count` processes: their pipes, and the others closed. */
  bind(count: number, files: Record<string, string>, onControl: (message: ControlMessage) => void): ProcessPipes[] {
    if (count > this.warm) throw new Error(`a sandbox of ${this.warm} processes cannot serve a run of ${count}`);
    this.onControl = onControl;
    this.count = count;
    const code = join(this.dir, "code");
    for (const [name, text] of Object.entries(files)) writeFileSync(join(code, name), text, { mode: 0o644 });
    this.codeFiles = Object.keys(files);
    this.cgroup?.setCpuWeight("run");
    const pipes = Array.from({ length: count }, (_, i) => {
      const fds = processFds(i);
      const stdio = this.child.stdio;
      return { stdin: stdio[fds.stdin] as Writable, stdout: stdio[fds.stdout] as Readable, stderr: stdio[fds.stderr] as Readable };
    });
    for (let i = count; i < this.warm; i++) {
      // An unneeded warm process reads end-of-file and exits.
      for (const fd of Object.values(processFds(i))) this.child.stdio[fd]?.destroy();
    }
    return pipes;
  }

  /** Tells process `index` what to run (starting it first, when it was not warm). */
  start(index: number, header: ProcessHeader) {
    if (this.started.has(index) || index >= this.count) return;
    this.started.add(index);
    if (index >= this.warm) (this.child.stdio[COMMAND_FD] as Writable | null)?.write(`start ${index}\n`);
    (this.child.stdio[processFds(index).stdin] as Writable | null)?.write(`${JSON.stringify(header)}\n`);
  }

  /**
   * SIGKILLs process `index` (not what it spawned); false when it is not running.
   * It is found by its command line (the boot script and its index) under a shell:
   * the supervisor's, not a copy the learner's code started.
   */
  killProcess(index: number): boolean {
    if (this.gone || !this.started.has(index)) return false;
    const pids = this.cgroup ? this.cgroup.pids() : this.child.pid === undefined ? [] : descendants(this.child.pid);
    for (const pid of pids) {
      let args: string[];
      let parent: string;
      try {
        args = readFileSync(`/proc/${pid}/cmdline`, "latin1").split("\0");
        const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
        const ppid = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
        parent = readFileSync(`/proc/${ppid}/comm`, "latin1").trim();
      } catch {
        continue;
      }
      const boot = args.findIndex((arg) => arg.endsWith("/boot.cjs"));
      if (boot < 0 || args[boot + 1] !== String(index) || parent !== "bash" || !isRunning(pid)) continue;
      try {
        process.kill(pid, "SIGKILL");
        return true;
      } catch {
        return false;
      }
    }
    return false;
  }

  /**
   * Starts process `index` again after it was killed (its pipes wait for this in the
   * supervisor): "restart" on its stdin, then its header, as for a first start.
   */
  restart(index: number, header: ProcessHeader) {
    if (!this.started.has(index)) return;
    this.exitedIndexes.delete(index);
    (this.child.stdio[processFds(index).stdin] as Writable | null)?.write(`restart\n${JSON.stringify(header)}\n`);
  }

  /** No more processes will start: the supervisor may finish once the started ones have. */
  endStarts() {
    (this.child.stdio[COMMAND_FD] as Writable | null)?.end();
  }

  /** The names of the run's files in the code folder, to remove them without reading the folder. */
  private codeFiles: string[] = [];

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

  get gone(): boolean {
    return this.closing || this.exited;
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
    // With a cgroup the kernel enforces memory itself and counts CPU of exited tasks too.
    // A few small files per sample, however many processes the run has.
    if (this.cgroup) {
      const pids = this.cgroup.pids();
      const cpuMs = this.cgroup.cpuMs();
      const cpuTicks = cpuMs !== undefined ? cpuMs / 10 : sampleProcesses(pids, false).cpuTicks;
      return { cpuTicks, memoryBytes: this.cgroup.memoryBytes(), tasks: this.cgroup.tasks(), waitMs: runQueueWaitMs(pids) };
    }
    const pids = descendants(pid);
    this.seenPids = [...new Set([...this.seenPids, ...pids])];
    return { ...sampleProcesses(pids, true), waitMs: runQueueWaitMs(pids) };
  }

  /** Memory the sandbox holds now, for the runner's budget (0 when it cannot be read cheaply). */
  memoryBytes(): number {
    return this.exited ? 0 : (this.cgroup?.memoryBytes() ?? 0);
  }

  private finalOomKills = 0;
  private finalTaskLimitHits = 0;

  oomKills(): number {
    return this.exited ? this.finalOomKills : (this.cgroup?.oomKills() ?? 0);
  }

  taskLimitHits(): number {
    return this.exited ? this.finalTaskLimitHits : (this.cgroup?.taskLimitHits() ?? 0);
  }

  /** Ends every process of the sandbox at once. */
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
