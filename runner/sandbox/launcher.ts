import { randomBytes } from "node:crypto";
import { spawnSync, type StdioOptions } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Socket } from "node:net";
import type { RunnerConfig } from "../config";
import { bwrapArgs, SUPERVISOR_COMMAND } from "./bwrap";
import { detectCgroups, isAlive, type CgroupFactory, type RunCgroup } from "./cgroup";
import { findPrograms, sandboxMounts, type Mount } from "./host-files";
import { CONTROL_FD, MAX_PROCESSES, OPTIONS_FD, Sandbox, type ControlMessage } from "./sandbox";
import { Spawner, SPAWNER_SCRIPT, type SpawnedProcess } from "./spawner";
import { hardenBwrapOptions, hardenSpawn, NO_HARDENING, prepareHardening, type Hardening, type HardeningStatus } from "./hardening";
import { PRELOAD_SCRIPT, SANDBOX_ETC, SUPERVISOR_SCRIPT } from "./supervisor";

export { Sandbox, type ControlMessage } from "./sandbox";

export interface SandboxStatus extends HardeningStatus {
  available: boolean;
  mode: "bubblewrap" | "unsafe-no-sandbox" | "none";
  /** How memory and task limits are enforced. */
  limits: "cgroup-v1" | "cgroup-v2" | "proc-sampling";
  /** Why it is unavailable and how to fix it, when it is. */
  message?: string;
}

export interface LaunchSpec {
  /** Output file name → JavaScript. */
  files: Record<string, string>;
  processes: { entry: string; delayMs: number }[];
}

/**
 * A bubblewrap process started ahead of time, already in its control groups,
 * blocked reading its options. Joining cgroup v1 groups costs ~8 ms and
 * starting a process a few more: a warm sandbox takes both off the run's path.
 */
interface WarmSandbox {
  dir: string;
  cgroup: RunCgroup | undefined;
  child: SpawnedProcess;
  gone: boolean;
}

/** stdio for a sandbox: fd 2 (bubblewrap's own errors), control, options, and three per process. */
function sandboxStdio(): StdioOptions {
  const stdio: StdioOptions = ["ignore", "ignore", "pipe", "ignore", "ignore", "ignore", "ignore", "ignore", "ignore", "ignore"];
  stdio[CONTROL_FD] = "pipe";
  stdio[OPTIONS_FD] = "pipe";
  for (let i = 0; i < MAX_PROCESSES; i++) stdio.push("pipe", "pipe", "pipe");
  return stdio;
}

/** Detects what this host offers and launches sandboxes accordingly. */
export class SandboxHost {
  private readonly spawner: Spawner;
  private readonly warm: WarmSandbox[] = [];
  private warming = 0;
  private disposed = false;

  private constructor(
    readonly status: SandboxStatus,
    private readonly config: RunnerConfig,
    private readonly workDir: string,
    private readonly mounts: Mount[],
    private readonly cgroups: CgroupFactory | undefined,
    private readonly hardening: Hardening = {},
  ) {
    this.spawner = new Spawner(join(workDir, "spawner.cjs"));
    if (status.available && status.mode === "bubblewrap") this.refill();
  }

  static detect(config: RunnerConfig): SandboxHost {
    const base = config.workDir ?? join(tmpdir(), "zmq-playground");
    mkdirSync(base, { recursive: true, mode: 0o755 });
    removeDeadWorkDirs(base);
    const workDir = mkdtempSync(join(base, `runner-${process.pid}-`));
    chmodSync(workDir, 0o755);
    writeFileSync(join(workDir, "supervisor.sh"), SUPERVISOR_SCRIPT, { mode: 0o644 });
    writeFileSync(join(workDir, "preload.cjs"), PRELOAD_SCRIPT, { mode: 0o644 });
    writeFileSync(join(workDir, "spawner.cjs"), SPAWNER_SCRIPT, { mode: 0o644 });
    const etc = join(workDir, "etc");
    mkdirSync(etc, { mode: 0o755 });
    for (const [name, text] of Object.entries(SANDBOX_ETC)) writeFileSync(join(etc, name), text, { mode: 0o644 });

    const cgroups = config.unsafeNoSandbox || !config.useCgroups ? undefined : detectCgroups();
    const limits = cgroups?.kind ?? "proc-sampling";
    const unavailable = (message: string) =>
      new SandboxHost({ available: false, mode: "none", limits, ...NO_HARDENING, message }, config, workDir, [], undefined);
    if (config.unsafeNoSandbox) {
      return new SandboxHost({ available: true, mode: "unsafe-no-sandbox", limits: "proc-sampling", ...NO_HARDENING }, config, workDir, [], undefined);
    }
    const problem = selfTest(config);
    if (problem) return unavailable(problem);
    const hardened = prepareHardening(config, identity(config), workDir);
    if (hardened.problem) return unavailable(hardened.problem);
    try {
      const status: SandboxStatus = { available: true, mode: "bubblewrap", limits, ...hardened.status };
      return new SandboxHost(status, config, workDir, sandboxMounts(findPrograms()), cgroups, hardened.hardening);
    } catch (error) {
      return unavailable(`The sandbox cannot be prepared: ${(error as Error).message}.`);
    }
  }

  /** Starts a run's processes in a sandbox (a warm one when there is one). */
  async launch(spec: LaunchSpec, onControl: (message: ControlMessage) => void): Promise<Sandbox> {
    if (!this.status.available) throw new Error(this.status.message);
    const supervisorArgs = this.supervisorArgs(spec);
    if (this.status.mode === "unsafe-no-sandbox") return this.launchUnsafe(spec, supervisorArgs, onControl);

    let warm = this.warm.shift();
    while (warm?.gone) warm = this.warm.shift();
    this.refill();
    warm ??= await this.prepare();
    const code = join(warm.dir, "code");
    for (const [name, text] of Object.entries(spec.files)) writeFileSync(join(code, name), text, { mode: 0o644 });
    const options = bwrapArgs({
      mounts: this.mounts,
      codeDir: code,
      etcDir: join(this.workDir, "etc"),
      supervisor: join(this.workDir, "supervisor.sh"),
      preload: join(this.workDir, "preload.cjs"),
      tmpBytes: this.config.tmpBytes,
      supervisorArgs,
      ...hardenBwrapOptions(this.hardening, warm.dir),
    });
    const optionsPipe = warm.child.stdio[OPTIONS_FD] as Socket;
    optionsPipe.on("error", () => {});
    optionsPipe.end(options.map((option) => `${option}\0`).join(""));
    return new Sandbox(warm.child, warm.dir, warm.cgroup, false, spec.processes.length, onControl);
  }

  /** Stops the warm sandboxes and removes the runner's work folder (at shutdown). */
  dispose() {
    this.disposed = true;
    for (const warm of this.warm.splice(0)) this.discard(warm);
    this.spawner.close();
    rmSync(this.workDir, { recursive: true, force: true });
  }

  /** Keeps one warm sandbox per run slot. */
  private refill() {
    while (!this.disposed && this.warm.length + this.warming < this.config.concurrency) {
      this.warming++;
      this.prepare()
        .then((warm) => {
          if (this.disposed) this.discard(warm);
          else this.warm.push(warm);
        })
        .catch((error: unknown) => console.error("runner: could not prepare a sandbox:", (error as Error).message))
        .finally(() => this.warming--);
    }
  }

  private async prepare(): Promise<WarmSandbox> {
    const id = randomBytes(9).toString("base64url");
    const dir = join(this.workDir, id);
    mkdirSync(join(dir, "code"), { recursive: true, mode: 0o755 });
    chmodSync(dir, 0o755);
    const cgroup = this.cgroups?.create(id, this.config.memoryBytes, this.config.maxTasks);
    try {
      const child = await this.spawner.spawn(hardenSpawn(this.hardening, dir, this.config.tmpBytes, {
        command: this.config.bwrapPath,
        args: ["--args", String(OPTIONS_FD), "--", ...SUPERVISOR_COMMAND],
        // bubblewrap's own process stays visible inside the sandbox as pid 1: it gets
        // an empty environment and its options through a pipe, so neither the
        // server's variables nor host paths can be read from /proc/1.
        options: { stdio: sandboxStdio(), env: {}, ...identity(this.config) },
        cgroupProcs: cgroup?.procsFiles() ?? [],
      }));
      const warm: WarmSandbox = { dir, cgroup, child, gone: false };
      child.once("close", () => {
        warm.gone = true;
      });
      return warm;
    } catch (error) {
      cgroup?.remove();
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  private discard(warm: WarmSandbox) {
    // Without options bubblewrap exits at once; the kill covers one that is slow to.
    (warm.child.stdio[OPTIONS_FD] as Socket | null)?.destroy();
    warm.child.kill("SIGKILL");
    warm.cgroup?.remove();
    rmSync(warm.dir, { recursive: true, force: true });
  }

  private supervisorArgs(spec: LaunchSpec): string[] {
    const unsafe = this.status.mode === "unsafe-no-sandbox";
    // Fewer V8 worker threads leave room under the task limit for four processes.
    // No --max-old-space-size: it costs ~14 ms of start-up, and memory is capped anyway.
    const nodeFlags = [
      `--require=${unsafe ? join(this.workDir, "preload.cjs") : "/sandbox/preload.cjs"}`,
      "--enable-source-maps",
      "--v8-pool-size=2",
    ].join(" ");
    return [
      // Outside a user namespace the task limit would count all of this user's processes.
      unsafe ? "unlimited" : String(this.config.maxTasks),
      nodeFlags,
      String(spec.processes.length),
      ...spec.processes.flatMap((p) => [String(p.delayMs / 1000), p.entry]),
    ];
  }

  private async launchUnsafe(spec: LaunchSpec, supervisorArgs: string[], onControl: (message: ControlMessage) => void): Promise<Sandbox> {
    const dir = join(this.workDir, randomBytes(9).toString("base64url"));
    const code = join(dir, "code");
    mkdirSync(code, { recursive: true });
    for (const [name, text] of Object.entries(spec.files)) writeFileSync(join(code, name), text);
    // The run's folder must find the project's zeromq: link node_modules beside the code.
    const nodeModules = dirname(dirname(createRequire(import.meta.url).resolve("zeromq/package.json")));
    symlinkSync(nodeModules, join(code, "node_modules"));
    const child = await this.spawner.spawn({
      command: "bash",
      args: [join(this.workDir, "supervisor.sh")],
      options: {
        stdio: sandboxStdio(),
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          SUPERVISOR_ARGS: supervisorArgs.join("\n"),
          SUPERVISOR_NODE: process.execPath,
          SUPERVISOR_ENV: "env",
          SUPERVISOR_CODE: code,
        },
        detached: true,
      },
      cgroupProcs: [],
    });
    (child.stdio[OPTIONS_FD] as Socket | null)?.destroy();
    return new Sandbox(child, dir, undefined, true, spec.processes.length, onControl);
  }
}

/** Folders of runners that died without cleaning up (their pid is gone). */
function removeDeadWorkDirs(base: string) {
  for (const name of readdirSync(base)) {
    const match = /^runner-(\d+)-/.exec(name);
    if (match && !isAlive(Number(match[1]))) rmSync(join(base, name), { recursive: true, force: true });
  }
}

/** When the runner is root, sandboxes start as an unprivileged host user. */
function identity(config: RunnerConfig): { uid?: number; gid?: number } {
  if (typeof process.getuid === "function" && process.getuid() === 0 && !config.unsafeNoSandbox) {
    return { uid: config.sandboxUid, gid: config.sandboxUid };
  }
  return {};
}

/** Starts a trivial sandbox once, so a broken host is reported at start-up, not per run. */
function selfTest(config: RunnerConfig): string | undefined {
  const probe = spawnSync(config.bwrapPath, ["--unshare-all", "--unshare-user", "--die-with-parent", "--ro-bind", "/", "/", "true"], {
    encoding: "utf8",
    timeout: 10_000,
    ...identity(config),
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
