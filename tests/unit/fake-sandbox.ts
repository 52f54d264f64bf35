/**
 * A sandbox backend without a kernel: pipes are in-memory streams, and the test
 * says what each process prints, how much CPU it used and when it exits. The run
 * cannot tell it from bubblewrap (runner/sandbox/backend.ts), so its decisions are
 * tested in milliseconds.
 */
import { PassThrough } from "node:stream";
import type { RunSandbox, SandboxBackend } from "../../runner/sandbox/backend";
import type { ControlMessage, ProcessHeader, ProcessPipes } from "../../runner/sandbox/sandbox";

export class FakeSandbox implements RunSandbox {
  diagnostics = "";
  cpuTicks = 0;
  /** Run-queue wait of its processes (ms), as the kernel would report it; undefined: not reported. */
  waitMs: number | undefined = undefined;
  memoryBytes = 0;
  tasks = 1;
  oom = 0;
  taskHits = 0;
  killed = false;
  readonly started: ProcessHeader[] = [];
  private pipes: { stdin: PassThrough; stdout: PassThrough; stderr: PassThrough }[] = [];
  private readonly exited = new Set<number>();
  private onControl: (message: ControlMessage) => void = () => {};
  private close!: () => void;
  private readonly gone = new Promise<void>((resolve) => (this.close = resolve));

  bind(count: number, _files: Record<string, string>, onControl: (message: ControlMessage) => void): ProcessPipes[] {
    this.onControl = onControl;
    this.pipes = Array.from({ length: count }, () => ({ stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() }));
    return this.pipes;
  }

  start(index: number, header: ProcessHeader) {
    this.started[index] = header;
  }

  endStarts() {}

  /** Headers of restarts, by process. */
  readonly restarts: { index: number; header: ProcessHeader }[] = [];

  killProcess(index: number): boolean {
    if (this.exited.has(index) || !this.started[index]) return false;
    this.onControl({ type: "exit", index, code: 128 + 9 });
    this.exited.add(index);
    return true;
  }

  restart(index: number, header: ProcessHeader) {
    this.exited.delete(index);
    this.restarts.push({ index, header });
  }

  /** Process `index` writes `text`. */
  print(index: number, text: string, stream: "stdout" | "stderr" = "stdout") {
    this.pipes[index]![stream].write(text);
  }

  /** Process `index` exits with `code` (128 + n: killed by signal n); the sandbox closes after the last. */
  exit(index: number, code: number) {
    if (this.exited.has(index)) return;
    this.exited.add(index);
    this.pipes[index]!.stdout.end();
    this.pipes[index]!.stderr.end();
    this.onControl({ type: "exit", index, code });
    if (this.exited.size === this.pipes.length) this.close();
  }

  kill() {
    this.killed = true;
    this.pipes.forEach((_, index) => this.exit(index, 128 + 9));
  }

  closed() {
    return this.gone;
  }

  sample() {
    return { cpuTicks: this.cpuTicks, memoryBytes: this.memoryBytes, tasks: this.tasks, waitMs: this.waitMs };
  }

  oomKills() {
    return this.oom;
  }

  taskLimitHits() {
    return this.taskHits;
  }
}

/** Hands out one new FakeSandbox per run, and keeps them for the test to drive. */
export class FakeBackend implements SandboxBackend {
  readonly sandboxes: FakeSandbox[] = [];

  async acquire(): Promise<FakeSandbox> {
    const sandbox = new FakeSandbox();
    this.sandboxes.push(sandbox);
    return sandbox;
  }
}
