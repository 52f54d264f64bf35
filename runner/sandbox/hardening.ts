import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { RunnerConfig } from "../config";
import type { BwrapOptions } from "./bwrap";
import { detectNoexecTmp, noexecTmpCommand, type NoexecTmp } from "./noexec-tmp";
import { prepareSeccomp, SECCOMP_FD, seccompFile } from "./seccomp";
import type { SpawnFile, SpawnRequest } from "./spawner";

/**
 * What keeps learner code to the kernel it needs, on top of bubblewrap's
 * namespaces: the system-call filter (seccomp.ts) and a /tmp it cannot
 * execute from (noexec-tmp.ts). The launcher calls the three functions
 * below: at start-up, when it starts a bubblewrap, and when it writes its options.
 */
export interface Hardening {
  /** The system-call filter's file, opened at bubblewrap's --seccomp fd. */
  seccompFile?: SpawnFile;
  noexecTmp?: NoexecTmp;
}

/** What GET /api/health reports of it (fields of `sandbox`). */
export interface HardeningStatus {
  /** Every sandbox gets the system-call filter. */
  seccomp: boolean;
  /** The sandbox's /tmp is mounted noexec. */
  noexecTmp: boolean;
}

export const NO_HARDENING: HardeningStatus = { seccomp: false, noexecTmp: false };

/**
 * Builds and checks both at start-up. A missing filter stops sandboxes (the
 * problem is the sandbox's 503 message) unless RUNNER_UNSAFE_NO_SECCOMP=1; a
 * /tmp that cannot be made noexec is reported and sandboxes go on with an
 * executable one: the filter is what bounds a native program, noexec only
 * keeps learner code from starting one.
 */
export function prepareHardening(
  config: RunnerConfig,
  identity: { uid?: number; gid?: number },
  workDir: string,
  helperCacheDir?: string,
): { hardening: Hardening; status: HardeningStatus; problem?: string } {
  const seccomp = prepareSeccomp(config, identity);
  if (seccomp.problem) return { hardening: {}, status: NO_HARDENING, problem: seccomp.problem };
  let noexecTmp: NoexecTmp | undefined;
  if (config.noexecTmp) {
    const detected = detectNoexecTmp(config.bwrapPath, workDir, identity, { helperCacheDir });
    if (detected.problem) console.warn(`runner: the sandbox's /tmp stays executable: ${detected.problem}.`);
    noexecTmp = detected.tools;
  }
  return {
    hardening: { seccompFile: seccompFile(seccomp.filter, workDir), noexecTmp },
    status: { seccomp: seccomp.filter !== undefined, noexecTmp: noexecTmp !== undefined },
  };
}

/** The request that starts a (warm) bubblewrap for the sandbox in `dir`: wrapped for the noexec /tmp, with the filter on its fd. */
export function hardenSpawn(hardening: Hardening, dir: string, tmpBytes: number, request: SpawnRequest): SpawnRequest {
  const files = hardening.seccompFile ? [...(request.files ?? []), hardening.seccompFile] : request.files;
  if (!hardening.noexecTmp) return { ...request, files };
  const tmpDir = join(dir, "tmp");
  mkdirSync(tmpDir, { mode: 0o755 });
  return { ...request, ...noexecTmpCommand(hardening.noexecTmp, tmpDir, tmpBytes, request.command, request.args), files };
}

/** bubblewrap's options for the same sandbox. */
export function hardenBwrapOptions(hardening: Hardening, dir: string): Pick<BwrapOptions, "seccompFd" | "tmpDir"> {
  return {
    seccompFd: hardening.seccompFile ? SECCOMP_FD : undefined,
    tmpDir: hardening.noexecTmp ? join(dir, "tmp") : undefined,
  };
}
