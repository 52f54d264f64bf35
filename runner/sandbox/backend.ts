/**
 * What a run needs of a sandbox, and of whatever provides them: the seam between
 * a run's decisions (runner/run.ts) and how its processes are isolated. The
 * bubblewrap host and its unsafe local mode (launcher.ts) are one backend; a
 * scripted fake (tests/unit/fake-sandbox.ts) is another, so blocked detection,
 * limits and end statuses are tested in milliseconds without a kernel.
 */
import type { TreeSample } from "./proc-stats";
import type { ControlMessage, ProcessHeader, ProcessPipes } from "./sandbox";

export interface RunSandbox {
  /** Hands the sandbox to a run of `count` processes: their pipes; `onControl` hears each exit. */
  bind(count: number, files: Record<string, string>, onControl: (message: ControlMessage) => void): ProcessPipes[];
  /** Tells process `index` what to run. */
  start(index: number, header: ProcessHeader): void;
  /** SIGKILLs process `index` alone; false when it is not running. */
  killProcess(index: number): boolean;
  /** Starts process `index` again, once it has exited killed (SIGKILL). */
  restart(index: number, header: ProcessHeader): void;
  /** No more processes will start. */
  endStarts(): void;
  kill(): void;
  /** Resolves when every process of the sandbox is gone. */
  closed(): Promise<void>;
  /** CPU, memory and tasks now, all processes together. */
  sample(): TreeSample;
  /** Times the kernel killed a process for memory. */
  oomKills(): number;
  /** Times a fork or thread creation hit the task limit. */
  taskLimitHits(): number;
  /** What the sandbox itself printed (bubblewrap's errors): why it failed to start, if it did. */
  readonly diagnostics: string;
}

export interface SandboxBackend {
  /** A sandbox for a run of `processes` processes (warm when one is ready). */
  acquire(processes: number): Promise<RunSandbox>;
}
