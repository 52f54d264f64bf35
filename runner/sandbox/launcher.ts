import { randomBytes } from "node:crypto";
import { spawnSync, type StdioOptions } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { RunnerConfig } from "../config";
import { bwrapArgs, SUPERVISOR_COMMAND } from "./bwrap";
import { detectCgroups, isAlive, type CgroupFactory } from "./cgroup";
import { findPrograms, sandboxMounts } from "./host-files";
import { buildRootFolder, type RootFolder } from "./root-folder";
import { WarmPool, type PoolStatus } from "./pool";
import { COMMAND_FD, CONTROL_FD, OPTIONS_FD, Sandbox } from "./sandbox";
import { Spawner, SPAWNER_SCRIPT } from "./spawner";
import { hardenBwrapOptions, hardenSpawn, NO_HARDENING, prepareHardening, type Hardening, type HardeningStatus } from "./hardening";
import type { SandboxBackend } from "./backend";
import { SANDBOX_ETC, SANDBOX_SCRIPTS } from "./supervisor";

export { Sandbox, type ControlMessage, type ProcessHeader, type ProcessPipes } from "./sandbox";
export type { RunSandbox, SandboxBackend } from "./backend";

export interface SandboxStatus extends HardeningStatus {
  available: boolean;
  mode: "bubblewrap" | "unsafe-no-sandbox" | "none";
  /** How memory and task limits are enforced. */
  limits: "cgroup-v1" | "cgroup-v2" | "proc-sampling";
  /** Whether runs get fair CPU shares from the kernel (the cgroup cpu controller). */
  cpuShares: boolean;
  /** Why it is unavailable and how to fix it, when it is. */
  message?: string;
}

/**
 * stdio for a sandbox: fd 2 (bubblewrap's own errors), control, commands, options, and three
 * per process, for its own processes only: each pipe is one more hand-over from the spawner.
 */
function sandboxStdio(processes: number): StdioOptions {
  const stdio: StdioOptions = ["ignore", "ignore", "pipe", "ignore", "ignore", "ignore", "ignore", "ignore", "ignore", "ignore"];
  stdio[CONTROL_FD] = "pipe";
  stdio[COMMAND_FD] = "pipe";
  stdio[OPTIONS_FD] = "pipe";
  for (let i = 0; i < processes; i++) stdio.push("pipe", "pipe", "pipe");
  return stdio;
}

/**
 * Detects what this host offers and hands out sandboxes: warm ones from the
 * pool when it has them, a cold one (started on the spot) when it does not.
 */
export class SandboxHost implements SandboxBackend {
  private readonly spawner: Spawner;
  readonly pool: WarmPool;
  private disposed = false;

  private constructor(
    readonly status: SandboxStatus,
    private readonly config: RunnerConfig,
    private readonly workDir: string,
    private readonly root: RootFolder | undefined,
    readonly cgroups: CgroupFactory | undefined,
    private readonly hardening: Hardening = {},
  ) {
    this.spawner = new Spawner(join(workDir, "spawner.cjs"));
    this.pool = new WarmPool(config, (warm) => this.prepare(warm));
    if (status.available) this.pool.refill();
  }

  static detect(config: RunnerConfig): SandboxHost {
    const base = config.workDir ?? join(tmpdir(), "zmq-playground");
    mkdirSync(base, { recursive: true, mode: 0o755 });
    removeDeadWorkDirs(base);
    const workDir = mkdtempSync(join(base, `runner-${process.pid}-`));
    chmodSync(workDir, 0o755);
    // The unsafe mode runs the scripts from here; a sandbox, from its root folder.
    const scripts = join(workDir, "sandbox");
    mkdirSync(scripts, { mode: 0o755 });
    for (const [name, text] of Object.entries(SANDBOX_SCRIPTS)) writeFileSync(join(scripts, name), text, { mode: 0o644 });
    writeFileSync(join(workDir, "spawner.cjs"), SPAWNER_SCRIPT, { mode: 0o644 });

    const cgroups = config.unsafeNoSandbox || !config.useCgroups ? undefined : detectCgroups();
    const limits = cgroups?.kind ?? "proc-sampling";
    const cpuShares = cgroups?.cpuShares ?? false;
    const unavailable = (message: string) =>
      new SandboxHost({ available: false, mode: "none", limits, cpuShares, ...NO_HARDENING, message }, config, workDir, undefined, undefined);
    if (config.unsafeNoSandbox) {
      const status: SandboxStatus = { available: true, mode: "unsafe-no-sandbox", limits: "proc-sampling", cpuShares: false, ...NO_HARDENING };
      return new SandboxHost(status, config, workDir, undefined, undefined);
    }
    const problem = selfTest(config);
    if (problem) return unavailable(problem);
    // Programs compiled for this host (the noexec /tmp's helper) are kept beside the runners' folders, for the next start.
    const hardened = prepareHardening(config, identity(config), workDir, join(base, "helpers"));
    if (hardened.problem) return unavailable(hardened.problem);
    try {
      const status: SandboxStatus = { available: true, mode: "bubblewrap", limits, cpuShares, ...hardened.status };
      const root = buildRootFolder(join(workDir, "root"), sandboxMounts(findPrograms()), sandboxFiles());
      return new SandboxHost(status, config, workDir, root, cgroups, hardened.hardening);
    } catch (error) {
      return unavailable(`The sandbox cannot be prepared: ${(error as Error).message}.`);
    }
  }

  /** A sandbox for a run of `processes` processes: warm when the pool has one. */
  async acquire(processes: number): Promise<Sandbox> {
    if (!this.status.available) throw new Error(this.status.message);
    return this.pool.take(processes) ?? (await this.prepare(processes));
  }

  /** Memory of every sandbox of this runner together, measured by the kernel (0 without cgroups). */
  memoryBytes(): number {
    return this.cgroups?.totalMemoryBytes() ?? 0;
  }

  poolStatus(): PoolStatus {
    return this.pool.status();
  }

  /** Stops the warm sandboxes and removes the runner's work folder (at shutdown). */
  dispose() {
    this.disposed = true;
    this.pool.dispose();
    this.spawner.close();
    rmSync(this.workDir, { recursive: true, force: true });
  }

  /** Starts a sandbox with `warm` processes booting in it. */
  private async prepare(warm: number): Promise<Sandbox> {
    if (this.disposed) throw new Error("the runner is shutting down");
    const id = randomBytes(9).toString("base64url");
    const dir = join(this.workDir, id);
    const code = join(dir, "code");
    mkdirSync(code, { recursive: true, mode: 0o755 });
    chmodSync(dir, 0o755);
    if (this.status.mode === "unsafe-no-sandbox") return this.prepareUnsafe(dir, code, warm);
    const cgroup = this.cgroups?.create(id, this.config.memoryBytes, this.config.maxTasks);
    const options = bwrapArgs({
      rootDir: this.root!.dir,
      mounts: this.root!.mounts,
      codeDir: code,
      tmpBytes: this.config.tmpBytes,
      supervisorArgs: this.supervisorArgs("/sandbox/preload.cjs", "/sandbox/boot.cjs", "/code", warm),
      ...hardenBwrapOptions(this.hardening, dir),
    });
    try {
      const child = await this.spawner.spawn(
        hardenSpawn(this.hardening, dir, this.config.tmpBytes, {
          command: this.config.bwrapPath,
          args: ["--args", String(OPTIONS_FD), "--", ...SUPERVISOR_COMMAND],
          // bubblewrap's own process stays visible inside the sandbox as pid 1: it gets
          // an empty environment and its options through a pipe, so neither the
          // server's variables nor host paths can be read from /proc/1.
          options: { stdio: sandboxStdio(warm), env: {}, ...identity(this.config) },
          inputs: [{ fd: OPTIONS_FD, data: options.map((option) => `${option}\0`).join("") }],
          cgroupProcs: cgroup?.procsFiles() ?? [],
        }),
      );
      return new Sandbox(child, dir, cgroup, false, warm, "/code");
    } catch (error) {
      cgroup?.remove();
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  private supervisorArgs(preload: string, boot: string, codeRoot: string, warm: number): string[] {
    const unsafe = this.status.mode === "unsafe-no-sandbox";
    // Fewer V8 worker threads leave room under the task limit for four processes.
    // No --max-old-space-size: it costs ~14 ms of start-up, and memory is capped anyway.
    const nodeFlags = [`--require=${preload}`, "--enable-source-maps", "--v8-pool-size=2"].join(" ");
    return [
      // Outside a user namespace the task limit would count all of this user's processes.
      unsafe ? "unlimited" : String(this.config.maxTasks),
      nodeFlags,
      boot,
      codeRoot,
      String(warm),
      String(warm),
    ];
  }

  private async prepareUnsafe(dir: string, code: string, warm: number): Promise<Sandbox> {
    // The run's folder must find the project's zeromq: link node_modules beside the code.
    const nodeModules = dirname(dirname(createRequire(import.meta.url).resolve("zeromq/package.json")));
    symlinkSync(nodeModules, join(code, "node_modules"));
    const child = await this.spawner.spawn({
      command: "bash",
      args: [join(this.workDir, "sandbox", "supervisor.sh")],
      options: {
        stdio: sandboxStdio(warm),
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          SUPERVISOR_ARGS: this.supervisorArgs(join(this.workDir, "sandbox", "preload.cjs"), join(this.workDir, "sandbox", "boot.cjs"), code, warm).join("\n"),
          SUPERVISOR_NODE: process.execPath,
        },
        detached: true,
      },
      cgroupProcs: [],
    });
    (child.stdio[OPTIONS_FD] as { destroy(): void } | null)?.destroy();
    return new Sandbox(child, dir, undefined, true, warm, code);
  }
}

/** The files a sandbox has of its own, by their path inside it: /etc, and its scripts in /sandbox. */
function sandboxFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(SANDBOX_ETC)) files[`etc/${name}`] = text;
  for (const [name, text] of Object.entries(SANDBOX_SCRIPTS)) files[`sandbox/${name}`] = text;
  return files;
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
