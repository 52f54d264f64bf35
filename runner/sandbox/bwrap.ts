import type { Mount } from "./host-files";

export interface BwrapOptions {
  /**
   * Host folder bound read-only at / (root-folder.ts): Node, bash, their libraries,
   * zeromq's packages, /etc and the sandbox's own scripts at /sandbox.
   */
  rootDir: string;
  /** What the root folder could not hold, bound read-only on top of it. */
  mounts: Mount[];
  /** Host folder with the run's transpiled files, mounted at /code. */
  codeDir: string;
  tmpBytes: number;
  /** The supervisor's arguments (one per line in its environment). */
  supervisorArgs: string[];
  /** An fd of bubblewrap's, open from its start, holding the system-call filter (seccomp.ts). */
  seccompFd?: number;
  /** A folder with a size-capped noexec tmpfs on it, bound at /tmp (noexec-tmp.ts); otherwise bubblewrap's own tmpfs. */
  tmpDir?: string;
}

/** What bubblewrap runs: on its command line, since its options come through a pipe. */
export const SUPERVISOR_COMMAND = ["/usr/bin/bash", "/sandbox/supervisor.sh"];

/** uid/gid of the learner inside the sandbox (not root, whatever the host is). */
export const SANDBOX_UID = 1000;

/**
 * bubblewrap's arguments for one run. Every namespace is new (user, pid, net
 * with only loopback, ipc, uts, cgroup), every capability is dropped, the
 * environment is empty, everything is read-only apart from a size-capped /tmp,
 * the system-call filter (when given) is loaded before anything runs inside,
 * and the sandbox dies with the runner.
 */
export function bwrapArgs(options: BwrapOptions): string[] {
  const args = [
    "--unshare-all",
    "--unshare-user",
    "--uid", String(SANDBOX_UID),
    "--gid", String(SANDBOX_UID),
    "--hostname", "sandbox",
    "--die-with-parent",
    // No nested user namespaces: they are a large kernel attack surface and no lesson needs one.
    "--disable-userns",
    "--new-session",
    "--cap-drop", "ALL",
    "--clearenv",
    "--setenv", "PATH", "/usr/bin",
    "--setenv", "SUPERVISOR_ARGS", options.supervisorArgs.join("\n"),
    // First: everything below is mounted on it.
    "--ro-bind", options.rootDir, "/",
    // Read-only: a process could otherwise rewrite its own code through /proc/self/mem.
    "--proc", "/proc", "--remount-ro", "/proc",
    // /dev and /dev/shm would be writable places with no size cap (and executable): read-only.
    // Devices (/dev/null…) stay writable: a read-only mount does not stop writes to a device.
    "--dev", "/dev",
    "--size", "4096", "--tmpfs", "/dev/shm", "--remount-ro", "/dev/shm", "--remount-ro", "/dev",
    ...(options.tmpDir ? ["--bind", options.tmpDir, "/tmp"] : ["--size", String(options.tmpBytes), "--tmpfs", "/tmp"]),
  ];
  if (options.seccompFd !== undefined) args.push("--seccomp", String(options.seccompFd));
  for (const mount of options.mounts) args.push("--ro-bind", mount.source, mount.target);
  args.push("--ro-bind", options.codeDir, "/code", "--chdir", "/tmp");
  return args;
}
