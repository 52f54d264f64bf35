import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";

/**
 * A /tmp learner code cannot execute from. bubblewrap 0.8 mounts its --tmpfs
 * without noexec and has no option for it (nor does any later release), and
 * Landlock cannot stand in: applied before bubblewrap it forbids the mounts
 * bubblewrap makes, and inside the sandbox there is no program to apply it
 * (the supervisor is bash). But bubblewrap keeps a bind mount's flags. So
 * each sandbox is started inside a user and mount namespace of its own
 * (`unshare`) where a size-capped noexec tmpfs is mounted on the sandbox's
 * folder, then bubblewrap binds that folder at /tmp. The mount lives only in
 * that namespace: it goes away with the sandbox, and bubblewrap's nested user
 * namespace locks its flags (the sandbox could not remount it exec even with
 * the mount calls the filter refuses).
 *
 * noexec refuses execve() of a file there (EACCES), and mmap(PROT_EXEC) of one
 * (EPERM): so `ld.so /tmp/prog` and process.dlopen("/tmp/x.so") fail too.
 */
export interface NoexecTmp {
  unshare: string;
  sh: string;
  mount: string;
}

/** Mounts the tmpfs ($1 mount, $2 options, $3 folder), then becomes the sandbox's bubblewrap, with the empty environment it was given (sh exports PWD). */
const MOUNT_THEN_EXEC = 'unset PWD OLDPWD; "$1" -t tmpfs -o "$2" tmpfs "$3" && shift 3 && exec "$@"';

function find(name: string): string | undefined {
  return ["/usr/bin", "/bin", "/usr/sbin", "/sbin"].map((dir) => join(dir, name)).find((path) => existsSync(path));
}

/** `sh` runs with an empty environment: a command named without a folder (RUNNER_BWRAP=bwrap) is found on the runner's PATH. */
function onPath(command: string): string {
  if (command.includes("/")) return command;
  const dirs = (process.env.PATH ?? "/usr/bin:/bin").split(":");
  return dirs.map((dir) => join(dir, command)).find((path) => existsSync(path)) ?? command;
}

/** The command that starts `command args` with a noexec tmpfs of `tmpBytes` mounted on `tmpDir`. */
export function noexecTmpCommand(tools: NoexecTmp, tmpDir: string, tmpBytes: number, command: string, args: string[]): { command: string; args: string[] } {
  // mode 755: the tmpfs belongs to the namespace's root, which is the sandbox's learner (uid 1000) inside.
  const options = `size=${tmpBytes},mode=755,noexec,nosuid,nodev`;
  return {
    command: tools.unshare,
    args: ["--user", "--map-root-user", "--mount", "--propagation", "private", "--", tools.sh, "-c", MOUNT_THEN_EXEC, "sh", tools.mount, options, tmpDir, onPath(command), ...args],
  };
}

/**
 * Finds the programs and starts one sandbox through them, checking that its
 * /tmp is noexec: a host where that fails (no util-linux, a kernel or AppArmor
 * policy that refuses the namespace) gets a reason instead.
 */
export function detectNoexecTmp(bwrapPath: string, workDir: string, identity: { uid?: number; gid?: number }): { tools?: NoexecTmp; problem?: string } {
  const unshare = find("unshare");
  const sh = find("sh");
  const mount = find("mount");
  if (!unshare || !sh || !mount) return { problem: "unshare, sh or mount (util-linux) is missing" };
  const tools = { unshare, sh, mount };
  const dir = mkdtempSync(join(workDir, "noexec-check-"));
  try {
    const { command, args } = noexecTmpCommand(tools, dir, 1024 * 1024, bwrapPath, [
      "--unshare-all", "--unshare-user", "--die-with-parent", "--ro-bind", "/", "/", "--bind", dir, "/tmp", "--",
      "bash", "-c", 'while read -r line; do case "$line" in *" /tmp "*noexec*) echo noexec;; esac; done < /proc/self/mountinfo',
    ]);
    const probe = spawnSync(command, args, { encoding: "utf8", timeout: 10_000, ...identity });
    if (probe.status === 0 && probe.stdout.trim() === "noexec") return { tools };
    const detail = (probe.stderr || probe.error?.message || `exit ${probe.status}`).trim().split("\n")[0];
    return { problem: detail };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
