import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A /tmp learner code cannot execute from. bubblewrap 0.8 mounts its --tmpfs
 * without noexec and has no option for it (nor does any later release), and
 * Landlock cannot stand in: applied before bubblewrap it forbids the mounts
 * bubblewrap makes, and inside the sandbox there is no program to apply it
 * (the supervisor is bash). But bubblewrap keeps a bind mount's flags. So
 * each sandbox is started inside a user and mount namespace of its own
 * where a size-capped noexec tmpfs is mounted on the sandbox's folder, then
 * bubblewrap binds that folder at /tmp. The mount lives only in that
 * namespace: it goes away with the sandbox, and bubblewrap's nested user
 * namespace locks its flags (the sandbox could not remount it exec even with
 * the mount calls the filter refuses).
 *
 * noexec refuses execve() of a file there (EACCES), and mmap(PROT_EXEC) of one
 * (EPERM): so `ld.so /tmp/prog` and process.dlopen("/tmp/x.so") fail too.
 *
 * Two ways to get there, the same namespace and mount either way:
 * - `helper`: a small static program (NOEXEC_HELPER_C), compiled once per host
 *   where a C compiler is found, that makes the namespace, mounts, and becomes
 *   bubblewrap: one exec, ~0.8 ms of CPU per sandbox;
 * - `util-linux`: `unshare`, then `sh` running `mount`, then bubblewrap: three
 *   dynamically linked programs, ~3.2 ms.
 */
export type NoexecTmp = { kind: "helper"; helper: string } | { kind: "util-linux"; unshare: string; sh: string; mount: string };

/**
 * NOEXEC-TMP OPTIONS DIR COMMAND [ARG...]: what `unshare --user --map-root-user
 * --mount --propagation private` followed by `mount -t tmpfs -o OPTIONS,noexec,
 * nosuid,nodev tmpfs DIR` and `exec COMMAND ARG...` do, with COMMAND's
 * environment the one it was given.
 */
export const NOEXEC_HELPER_C = String.raw`#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

extern char **environ;

static int put(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  ssize_t n = write(fd, text, strlen(text));
  close(fd);
  return n == (ssize_t)strlen(text) ? 0 : -1;
}

static int fail(const char *what) {
  perror(what);
  return 71;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fputs("usage: noexec-tmp OPTIONS DIR COMMAND [ARG...]\n", stderr);
    return 64;
  }
  char map[64];
  unsigned uid = getuid(), gid = getgid();
  if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) return fail("noexec-tmp: unshare");
  snprintf(map, sizeof map, "0 %u 1", uid);
  if (put("/proc/self/setgroups", "deny") != 0 || put("/proc/self/uid_map", map) != 0) return fail("noexec-tmp: uid_map");
  snprintf(map, sizeof map, "0 %u 1", gid);
  if (put("/proc/self/gid_map", map) != 0) return fail("noexec-tmp: gid_map");
  if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) return fail("noexec-tmp: mount --make-rprivate /");
  if (mount("tmpfs", argv[2], "tmpfs", MS_NOEXEC | MS_NOSUID | MS_NODEV, argv[1]) != 0) return fail("noexec-tmp: mount tmpfs");
  execve(argv[3], argv + 3, environ);
  return fail("noexec-tmp: exec");
}
`;

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
  if (tools.kind === "helper") return { command: tools.helper, args: [`size=${tmpBytes},mode=755`, tmpDir, onPath(command), ...args] };
  const options = `size=${tmpBytes},mode=755,noexec,nosuid,nodev`;
  return {
    command: tools.unshare,
    args: ["--user", "--map-root-user", "--mount", "--propagation", "private", "--", tools.sh, "-c", MOUNT_THEN_EXEC, "sh", tools.mount, options, tmpDir, onPath(command), ...args],
  };
}

/**
 * The helper for this host, compiled once into `cacheDir` (shared by the
 * runners of this host, named after its source) with the C compiler on PATH;
 * undefined without one. Static where the C library allows: no dynamic
 * linking at each start. The runner runs what it finds there, so a folder that
 * someone else owns or may write to is not used.
 */
export function buildNoexecHelper(cacheDir: string): string | undefined {
  const hash = createHash("sha256").update(NOEXEC_HELPER_C).digest("hex").slice(0, 16);
  const helper = join(cacheDir, `noexec-tmp-${hash}`);
  mkdirSync(cacheDir, { recursive: true, mode: 0o755 });
  if (!ownedByUs(cacheDir)) return undefined;
  if (existsSync(helper)) return ownedByUs(helper) ? helper : undefined;
  const build = mkdtempSync(join(cacheDir, "build-"));
  try {
    writeFileSync(join(build, "noexec-tmp.c"), NOEXEC_HELPER_C);
    const out = join(build, "noexec-tmp");
    const compile = (extra: string[]) =>
      spawnSync("cc", ["-O2", "-Wall", "-Werror", ...extra, "-o", out, join(build, "noexec-tmp.c")], { timeout: 60_000, stdio: "ignore" }).status === 0;
    if (!compile(["-static"]) && !compile([])) return undefined;
    chmodSync(out, 0o755);
    // Another runner may be building it too: the rename makes one of them win, whole.
    renameSync(out, helper);
    return helper;
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
}

/** A file or folder of this process's user that no one else may write to. */
function ownedByUs(path: string): boolean {
  const stat = lstatSync(path);
  return (stat.isDirectory() || stat.isFile()) && stat.uid === process.getuid?.() && (stat.mode & 0o022) === 0;
}

/** The util-linux programs, when all three are installed. */
function utilLinux(): NoexecTmp | undefined {
  const unshare = find("unshare");
  const sh = find("sh");
  const mount = find("mount");
  return unshare && sh && mount ? { kind: "util-linux", unshare, sh, mount } : undefined;
}

/** Starts one sandbox through `tools` and checks that its /tmp is noexec; the reason when it is not. */
function probe(tools: NoexecTmp, bwrapPath: string, workDir: string, identity: { uid?: number; gid?: number }): string | undefined {
  const dir = mkdtempSync(join(workDir, "noexec-check-"));
  try {
    chmodSync(dir, 0o755);
    const { command, args } = noexecTmpCommand(tools, dir, 1024 * 1024, bwrapPath, [
      "--unshare-all", "--unshare-user", "--die-with-parent", "--ro-bind", "/", "/", "--bind", dir, "/tmp", "--",
      "bash", "-c", 'while read -r line; do case "$line" in *" /tmp "*noexec*) echo noexec;; esac; done < /proc/self/mountinfo',
    ]);
    const result = spawnSync(command, args, { encoding: "utf8", timeout: 10_000, env: {} as NodeJS.ProcessEnv, ...identity });
    if (result.status === 0 && result.stdout.trim() === "noexec") return undefined;
    return (result.stderr || result.error?.message || `exit ${result.status}`).trim().split("\n")[0];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The cheapest way this host offers, proven by starting a sandbox through it:
 * the compiled helper, else util-linux's programs. A host where neither works
 * (no util-linux, a kernel or AppArmor policy that refuses the namespace) gets
 * a reason instead.
 */
export function detectNoexecTmp(
  bwrapPath: string,
  workDir: string,
  identity: { uid?: number; gid?: number },
  options: { helperCacheDir?: string } = {},
): { tools?: NoexecTmp; problem?: string } {
  const problems: string[] = [];
  const helper = options.helperCacheDir === undefined ? undefined : buildNoexecHelper(options.helperCacheDir);
  if (helper) {
    const tools: NoexecTmp = { kind: "helper", helper };
    const problem = probe(tools, bwrapPath, workDir, identity);
    if (!problem) return { tools };
    problems.push(`the compiled helper: ${problem}`);
  }
  const tools = utilLinux();
  if (!tools) problems.push("unshare, sh or mount (util-linux) is missing");
  else {
    const problem = probe(tools, bwrapPath, workDir, identity);
    if (!problem) return { tools };
    problems.push(problem);
  }
  return { problem: problems.join("; ") };
}
