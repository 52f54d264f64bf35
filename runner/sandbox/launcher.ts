import { spawn, spawnSync, type ChildProcess, type StdioOptions } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import type { Readable, Writable } from "node:stream";
import type { RunnerConfig } from "../config";
import { bwrapArgs } from "./bwrap";
import { detectCgroups, type CgroupFactory, type RunCgroup } from "./cgroup";
import { findPrograms, sandboxMounts, type Mount } from "./host-files";
import { descendants, sampleProcesses, type TreeSample } from "./proc-stats";
import { PRELOAD_SCRIPT, SANDBOX_ETC, SUPERVISOR_SCRIPT } from "./supervisor";

export interface SandboxStatus {
  available: boolean;
  mode: "bubblewrap" | "unsafe-no-sandbox" | "none";
  /** How memory and task limits are enforced. */
  limits: "cgroup-v1" | "cgroup-v2" | "proc-sampling";
  /** Why it is unavailable and how to fix it, when it is. */
  message?: string;
}

export interface LaunchSpec {
  id: string;
  /** Output file name → JavaScript. */
  files: Record<string, string>;
  processes: { entry: string; delayMs: number }[];
  memoryBytes: number;
  maxTasks: number;
  tmpBytes: number;
}

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
    private readonly child: ChildProcess,
    private readonly dir: string,
    private readonly cgroup: RunCgroup | undefined,
    private readonly processGroup: boolean,
    count: number,
    onControl: (message: ControlMessage) => void,
    onReady: () => void,
  ) {
    this.pipes = Array.from({ length: count }, (_, i) => ({
      stdin: child.stdio[10 + 3 * i] as Writable,
      stdout: child.stdio[11 + 3 * i] as Readable,
      stderr: child.stdio[12 + 3 * i] as Readable,
    }));
    // Learner code can close or fill its stdin: never let that crash the runner.
    for (const pipe of this.pipes) pipe.stdin.on("error", () => {});
    const go = child.stdio[4] as Writable;
    go.on("error", () => {});
    let buffered = "";
    const control = child.stdio[3] as Readable;
    control.setEncoding("utf8");
    control.on("data", (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line === "ready") {
          // Put the sandbox in its control groups before any learner code starts.
          this.cgroup?.join([child.pid!, ...descendants(child.pid!)]);
          onReady();
          go.end("go\n");
          continue;
        }
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
      this.exited = true;
      // Read the kernel's counters before the groups go away with their files.
      this.finalOomKills = this.cgroup?.oomKills() ?? 0;
      this.finalTaskLimitHits = this.cgroup?.taskLimitHits() ?? 0;
      this.cgroup?.killAll();
      this.cgroup?.remove();
      rmSync(this.dir, { recursive: true, force: true });
      for (const waiter of this.exitWaiters.splice(0)) waiter();
    });
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
    return this.cgroup ? sampleProcesses(this.cgroup.pids(), false) : sampleProcesses(descendants(pid), true);
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
    if (this.exited) return;
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

/** Detects what this host offers and launches sandboxes accordingly. */
export class SandboxHost {
  private constructor(
    readonly status: SandboxStatus,
    private readonly config: RunnerConfig,
    private readonly workDir: string,
    private readonly mounts: Mount[],
    private readonly cgroups: CgroupFactory | undefined,
  ) {}

  static detect(config: RunnerConfig): SandboxHost {
    const base = config.workDir ?? join(tmpdir(), "zmq-playground");
    mkdirSync(base, { recursive: true, mode: 0o755 });
    const workDir = mkdtempSync(join(base, "runner-"));
    chmodSync(workDir, 0o755);
    writeFileSync(join(workDir, "supervisor.sh"), SUPERVISOR_SCRIPT, { mode: 0o644 });
    writeFileSync(join(workDir, "preload.cjs"), PRELOAD_SCRIPT, { mode: 0o644 });
    const etc = join(workDir, "etc");
    mkdirSync(etc, { mode: 0o755 });
    for (const [name, text] of Object.entries(SANDBOX_ETC)) writeFileSync(join(etc, name), text, { mode: 0o644 });

    const cgroups = config.unsafeNoSandbox || !config.useCgroups ? undefined : detectCgroups();
    const limits = cgroups?.kind ?? "proc-sampling";
    if (config.unsafeNoSandbox) {
      return new SandboxHost({ available: true, mode: "unsafe-no-sandbox", limits }, config, workDir, [], undefined);
    }
    let mounts: Mount[] = [];
    try {
      mounts = sandboxMounts(findPrograms());
    } catch (error) {
      const message = `The sandbox cannot be prepared: ${(error as Error).message}.`;
      return new SandboxHost({ available: false, mode: "none", limits, message }, config, workDir, [], undefined);
    }
    const host = new SandboxHost({ available: true, mode: "bubblewrap", limits }, config, workDir, mounts, cgroups);
    const problem = host.selfTest();
    if (problem) return new SandboxHost({ available: false, mode: "none", limits, message: problem }, config, workDir, [], undefined);
    return host;
  }

  /** Starts a trivial sandbox once, so a broken host is reported at start-up, not per run. */
  private selfTest(): string | undefined {
    const { bwrapPath } = this.config;
    const probe = spawnSync(bwrapPath, ["--unshare-all", "--unshare-user", "--die-with-parent", "--ro-bind", "/", "/", "true"], {
      encoding: "utf8",
      timeout: 10_000,
      ...this.identity(),
    });
    if (probe.error && (probe.error as NodeJS.ErrnoException).code === "ENOENT") {
      return "bubblewrap is not installed, so learners' code cannot run safely. Install it with: sudo apt-get install -y bubblewrap (or set RUNNER_UNSAFE_NO_SANDBOX=1 on a private development machine).";
    }
    if (probe.status !== 0) {
      const detail = (probe.stderr || probe.error?.message || "").trim().split("\n")[0];
      return `bubblewrap cannot create a sandbox on this host (${detail}). Allow unprivileged user namespaces (sudo sysctl -w kernel.unprivileged_userns_clone=1, or on Ubuntu 24.04 sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0), or run outside a container that forbids them.`;
    }
    return undefined;
  }

  /** When the runner is root, sandboxes start as an unprivileged host user. */
  private identity(): { uid?: number; gid?: number } {
    if (typeof process.getuid === "function" && process.getuid() === 0 && !this.config.unsafeNoSandbox) {
      return { uid: this.config.sandboxUid, gid: this.config.sandboxUid };
    }
    return {};
  }

  launch(spec: LaunchSpec, onControl: (message: ControlMessage) => void, onReady: () => void): Sandbox {
    if (!this.status.available) throw new Error(this.status.message);
    const dir = join(this.workDir, spec.id);
    const code = join(dir, "code");
    mkdirSync(code, { recursive: true, mode: 0o755 });
    chmodSync(dir, 0o755);
    for (const [name, text] of Object.entries(spec.files)) writeFileSync(join(code, name), text, { mode: 0o644 });

    const unsafe = this.status.mode === "unsafe-no-sandbox";
    const nodeFlags = [
      `--require=${unsafe ? join(this.workDir, "preload.cjs") : "/sandbox/preload.cjs"}`,
      "--enable-source-maps",
      "--v8-pool-size=2",
      `--max-old-space-size=${Math.max(16, Math.floor(spec.memoryBytes / (1024 * 1024)))}`,
    ].join(" ");
    const supervisorArgs = [
      // Outside a user namespace the task limit would count all of this user's processes.
      unsafe ? "unlimited" : String(spec.maxTasks),
      nodeFlags,
      String(spec.processes.length),
      ...spec.processes.flatMap((p) => [String(p.delayMs / 1000), p.entry]),
    ];
    // fds 3 and 4 are the control channel; each process gets three from fd 10 on.
    const stdio: StdioOptions = ["ignore", "ignore", "pipe", "pipe", "pipe", "ignore", "ignore", "ignore", "ignore", "ignore"];
    for (let i = 0; i < spec.processes.length; i++) stdio.push("pipe", "pipe", "pipe");

    const cgroup = this.cgroups?.create(spec.id, spec.memoryBytes, spec.maxTasks);
    let child: ChildProcess;
    if (unsafe) {
      // The run's folder must find the project's zeromq: link node_modules beside the code.
      const nodeModules = dirname(dirname(createRequire(import.meta.url).resolve("zeromq/package.json")));
      symlinkSync(nodeModules, join(code, "node_modules"));
      child = spawn("bash", [join(this.workDir, "supervisor.sh"), ...supervisorArgs], {
        stdio,
        cwd: dir,
        env: { SUPERVISOR_NODE: process.execPath, SUPERVISOR_ENV: "env", SUPERVISOR_CODE: code, PATH: process.env.PATH } as unknown as NodeJS.ProcessEnv,
        detached: true,
      });
    } else {
      const { options, command } = bwrapArgs({
        mounts: this.mounts,
        codeDir: code,
        etcDir: join(this.workDir, "etc"),
        supervisor: join(this.workDir, "supervisor.sh"),
        preload: join(this.workDir, "preload.cjs"),
        tmpBytes: spec.tmpBytes,
      });
      // bubblewrap's own process stays visible inside the sandbox as pid 1, so it
      // gets an empty environment and reads its options from a pipe: neither the
      // server's variables nor host paths can be read from /proc/1.
      stdio[5] = "pipe";
      child = spawn(this.config.bwrapPath, ["--args", "5", "--", ...command, ...supervisorArgs], {
        stdio,
        env: {} as NodeJS.ProcessEnv,
        ...this.identity(),
      });
      const optionsPipe = (child.stdio as unknown as Writable[])[5]!;
      optionsPipe.on("error", () => {});
      optionsPipe.end(options.map((option) => `${option}\0`).join(""));
    }
    child.on("error", () => {}); // reported through "close" with no exit reports
    return new Sandbox(child, dir, cgroup, unsafe, spec.processes.length, onControl, onReady);
  }

  /** Removes the runner's work folder (at shutdown). */
  dispose() {
    rmSync(this.workDir, { recursive: true, force: true });
  }
}
