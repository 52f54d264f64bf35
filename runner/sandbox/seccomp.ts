import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunnerConfig } from "../config";
import { SECCOMP_POLICY, type SeccompPolicy } from "./seccomp-policy";
import type { SpawnFile } from "./spawner";

/**
 * The sandbox's system-call filter, compiled once at start-up by libseccomp
 * (never hand-written BPF), for the kernel and libseccomp of the host it runs
 * on, as flatpak does. bubblewrap reads it from SECCOMP_FD (`--seccomp`) and
 * loads it into the sandbox's pid 1 and into the supervisor before it starts,
 * so every learner process inherits it and cannot remove it.
 */

/** The pipe bubblewrap reads the filter from: a free fd between the options pipe (5) and the processes' pipes (10+). */
export const SECCOMP_FD = 6;

/**
 * Debian's python3 with its python3-seccomp binding (libseccomp's own Python
 * API). An absolute path: a python3 found on PATH (pyenv…) lacks the binding.
 */
export const SECCOMP_PYTHON = "/usr/bin/python3";

/** Turns the policy (JSON on stdin) into the filter's BPF (on stdout) with libseccomp. */
export const SECCOMP_COMPILER = String.raw`
import errno, json, sys
import seccomp

policy = json.load(sys.stdin)
ops = {"eq": seccomp.EQ, "ne": seccomp.NE, "ge": seccomp.GE, "gt": seccomp.GT, "masked_eq": seccomp.MASKED_EQ}
action = lambda name: seccomp.ERRNO(getattr(errno, name))

# Only the native ABI is in the filter: a call through any other one (i386's int 0x80,
# x32's numbers) is answered by the bad-architecture action instead of the rules.
f = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
f.set_attr(seccomp.Attr.ACT_BADARCH, action(policy["otherArchitectures"]))
# A binary search over syscall numbers instead of a list: fewer instructions per call.
f.set_attr(seccomp.Attr.CTL_OPTIMIZE, 2)
for rule in policy["rules"]:
    number = seccomp.resolve_syscall(seccomp.Arch.NATIVE, rule["syscall"])
    if number == -1:
        sys.exit("unknown system call: " + rule["syscall"])
    if number < 0:
        continue  # a call other architectures have and this one lacks: nothing to refuse
    args = []
    for c in rule.get("when", []):
        if c["op"] == "masked_eq":
            args.append(seccomp.Arg(c["arg"], ops["masked_eq"], c["mask"], c["value"]))
        else:
            args.append(seccomp.Arg(c["arg"], ops[c["op"]], c["value"]))
    f.add_rule(action(rule["errno"]), rule["syscall"], *args)
sys.stdout.flush()
f.export_bpf(sys.stdout)
`;

export type SeccompFilter = { filter: Buffer; problem?: undefined } | { filter?: undefined; problem: string };

/** Compiles `policy`; a host without libseccomp's binding gets a problem saying how to fix it. */
export function compileSeccompFilter(policy: SeccompPolicy = SECCOMP_POLICY, python = SECCOMP_PYTHON): SeccompFilter {
  const result = spawnSync(python, ["-I", "-c", SECCOMP_COMPILER], {
    input: JSON.stringify(policy),
    timeout: 20_000,
    maxBuffer: 1024 * 1024,
  });
  const stderr = result.stderr?.toString("utf8").trim() ?? "";
  if (result.error || result.status !== 0 || stderr.includes("No module named 'seccomp'")) {
    const detail = (result.error?.message ?? stderr.split("\n").at(-1)) || `exit ${result.status}`;
    const missing = (result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT" || stderr.includes("No module named 'seccomp'");
    return {
      problem: missing
        ? `The sandbox's system-call filter cannot be built: libseccomp's Python binding is missing (${detail}). Install it with: sudo apt-get install -y python3-seccomp (or set RUNNER_UNSAFE_NO_SECCOMP=1 to run sandboxes without the filter).`
        : `The sandbox's system-call filter cannot be built (${detail}). Set RUNNER_UNSAFE_NO_SECCOMP=1 to run sandboxes without it.`,
    };
  }
  const filter = result.stdout;
  if (filter.length === 0 || filter.length % 8 !== 0) return { problem: `The sandbox's system-call filter came out malformed (${filter.length} bytes).` };
  return { filter };
}

/**
 * The filter as a file bubblewrap gets open at SECCOMP_FD: written once into the
 * runner's folder, opened by the Spawner for each sandbox (no pipe, and no copy
 * of the filter over the Spawner's channel per start).
 */
export function seccompFile(filter: Buffer | undefined, workDir: string): SpawnFile | undefined {
  if (!filter) return undefined;
  const path = join(workDir, "seccomp.bpf");
  writeFileSync(path, filter, { mode: 0o644 });
  return { fd: SECCOMP_FD, path };
}

/**
 * Starts a trivial sandbox with the filter and reads its Seccomp mode from
 * /proc: proves at start-up that bubblewrap and the kernel accept the filter
 * and that it is in force, instead of failing every run.
 */
export function seccompSelfTest(bwrapPath: string, filter: Buffer, identity: { uid?: number; gid?: number }): string | undefined {
  const probe = spawnSync(
    bwrapPath,
    ["--unshare-all", "--unshare-user", "--die-with-parent", "--seccomp", "0", "--ro-bind", "/", "/", "--",
      "bash", "-c", 'while read -r key value; do [ "$key" = Seccomp: ] && echo "$value"; done < /proc/self/status; exit 0'],
    { input: filter, encoding: "utf8", timeout: 10_000, ...identity },
  );
  if (probe.status === 0 && probe.stdout.trim() === "2") return undefined;
  const detail = (probe.stderr || probe.error?.message || `Seccomp mode "${probe.stdout.trim()}"`).trim().split("\n")[0];
  return `bubblewrap could not load the sandbox's system-call filter (${detail}). Set RUNNER_UNSAFE_NO_SECCOMP=1 to run sandboxes without it.`;
}

/**
 * The filter every sandbox of this host gets, or why sandboxes must not start.
 * Without the filter, learner code that writes and runs a native program reaches
 * io_uring, the keyring, ptrace of the sandbox's pid 1…: a host that cannot build
 * it serves no runs (503 with this message), as one without bubblewrap does,
 * unless the operator says RUNNER_UNSAFE_NO_SECCOMP=1 (then GET /api/health shows
 * `sandbox.seccomp: false`).
 */
export function prepareSeccomp(
  config: Pick<RunnerConfig, "unsafeNoSeccomp" | "bwrapPath">,
  identity: { uid?: number; gid?: number },
): { filter?: Buffer; problem?: string } {
  if (config.unsafeNoSeccomp) {
    console.warn("runner: RUNNER_UNSAFE_NO_SECCOMP is set: sandboxes run WITHOUT their system-call filter.");
    return {};
  }
  const compiled = compileSeccompFilter();
  if (!compiled.filter) return { problem: compiled.problem };
  const problem = seccompSelfTest(config.bwrapPath, compiled.filter, identity);
  return problem ? { problem } : { filter: compiled.filter };
}
