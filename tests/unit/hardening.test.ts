import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bwrapArgs } from "../../runner/sandbox/bwrap";
import { noexecTmpCommand } from "../../runner/sandbox/noexec-tmp";
import { compileSeccompFilter, SECCOMP_FD, seccompFile } from "../../runner/sandbox/seccomp";
import { SECCOMP_POLICY, type SeccompRule } from "../../runner/sandbox/seccomp-policy";

/** What the policy answers to a call, read the way libseccomp compiles it (64-bit arguments). */
function answer(syscall: string, args: bigint[]): string {
  const holds = (rule: SeccompRule) =>
    (rule.when ?? []).every((c) => {
      const arg = args[c.arg] ?? 0n;
      switch (c.op) {
        case "eq": return arg === BigInt(c.value);
        case "ne": return arg !== BigInt(c.value);
        case "ge": return arg >= BigInt(c.value);
        case "gt": return arg > BigInt(c.value);
        case "masked_eq": return (arg & BigInt(c.mask)) === BigInt(c.value);
      }
    });
  const errnos = new Set(SECCOMP_POLICY.rules.filter((rule) => rule.syscall === syscall && holds(rule)).map((rule) => rule.errno));
  expect(errnos.size).toBeLessThanOrEqual(1); // rules that overlap must agree
  return [...errnos][0] ?? "allowed";
}

describe("the seccomp policy", () => {
  it("allows personality's query and PER_LINUX, and refuses every other persona", () => {
    expect(answer("personality", [0xffffffffn])).toBe("allowed");
    expect(answer("personality", [0n])).toBe("allowed");
    for (const persona of [0x8n, 0x0040000n, 0x0400000n, 0x1n, 0x80000000n, 0xfffffffen, 0x7fffffffn, 0x1_0000_0000n, 0x1_ffff_ffffn]) {
      expect({ persona, answer: answer("personality", [persona]) }).toEqual({ persona, answer: "EPERM" });
    }
    // Every single-bit persona and every value with one bit cleared: the cyclic-pair rules cover them all.
    for (let bit = 0n; bit < 32n; bit++) {
      expect(answer("personality", [1n << bit])).toBe("EPERM");
      expect(answer("personality", [0xffffffffn ^ (1n << bit)])).toBe("EPERM");
    }
  });

  it("allows the unix, inet, inet6 and netlink-route socket families only", () => {
    for (const syscall of ["socket", "socketpair"]) {
      for (const family of [1n, 2n, 10n]) expect(answer(syscall, [family, 1n, 0n])).toBe("allowed");
      expect(answer(syscall, [16n, 3n, 0n])).toBe("allowed");
      expect(answer(syscall, [16n, 3n, 15n])).toBe("EPROTONOSUPPORT");
      for (const family of [0n, 3n, 9n, 11n, 15n, 17n, 38n, 40n, 45n, 46n, 100n, (1n << 32n) | 2n, (1n << 32n) | 17n]) {
        expect({ family, answer: answer(syscall, [family, 1n, 0n]) }).toEqual({ family, answer: "EAFNOSUPPORT" });
      }
    }
  });

  it("refuses clone with any namespace flag, and allows threads and forks", () => {
    const thread = 0x3d0f00n; // glibc's pthread_create flags
    expect(answer("clone", [thread])).toBe("allowed");
    expect(answer("clone", [17n])).toBe("allowed"); // fork: SIGCHLD
    for (const flag of [0x20000n, 0x2000000n, 0x4000000n, 0x8000000n, 0x10000000n, 0x20000000n, 0x40000000n]) {
      expect(answer("clone", [flag | 17n])).toBe("EPERM");
    }
    expect(answer("clone3", [])).toBe("ENOSYS");
  });

  it("refuses TIOCSTI whatever the ioctl's upper 32 bits say", () => {
    expect(answer("ioctl", [0n, 0x5412n])).toBe("EPERM");
    expect(answer("ioctl", [0n, (1n << 32n) | 0x5412n])).toBe("EPERM");
    expect(answer("ioctl", [0n, 0x541bn])).toBe("allowed"); // FIONREAD
  });
});

describe("the compiled filter", () => {
  const compiled = compileSeccompFilter();

  it("is built by libseccomp and answers other ABIs (i386, x32) with ENOSYS", () => {
    expect(compiled.problem).toBeUndefined();
    const filter = compiled.filter!;
    expect(filter.length % 8).toBe(0);
    const at = (i: number) => ({ code: filter.readUInt16LE(i * 8), jt: filter[i * 8 + 2]!, jf: filter[i * 8 + 3]!, k: filter.readUInt32LE(i * 8 + 4) });
    // ld [arch]; jeq AUDIT_ARCH_X86_64, else → ret ERRNO(ENOSYS)
    expect(at(0)).toEqual({ code: 0x20, jt: 0, jf: 0, k: 4 });
    const check = at(1);
    expect(check).toMatchObject({ code: 0x15, k: 0xc000003e });
    expect(at(2 + check.jf)).toEqual({ code: 0x06, jt: 0, jf: 0, k: 0x00050000 | 38 });
  });

  it("is written once to a file the Spawner opens at bubblewrap's --seccomp fd", () => {
    const dir = mkdtempSync(join(tmpdir(), "seccomp-file-"));
    try {
      const file = seccompFile(compiled.filter, dir);
      expect(file).toEqual({ fd: SECCOMP_FD, path: join(dir, "seccomp.bpf") });
      expect(readFileSync(file!.path).equals(compiled.filter!)).toBe(true);
      expect(seccompFile(undefined, dir)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports a host without libseccomp's Python binding with the command that fixes it", () => {
    expect(compileSeccompFilter(SECCOMP_POLICY, "/nonexistent/python3").problem).toContain("sudo apt-get install -y python3-seccomp");
  });

  it("refuses to build a policy naming an unknown system call", () => {
    expect(compileSeccompFilter({ otherArchitectures: "ENOSYS", rules: [{ syscall: "no_such_call", errno: "EPERM" }] }).problem).toContain("no_such_call");
  });
});

describe("bwrapArgs hardening", () => {
  const options = {
    rootDir: "/runs/root",
    mounts: [],
    codeDir: "/runs/1/code",
    tmpBytes: 1024,
    supervisorArgs: [],
  };

  it("passes --seccomp with the fd, and nothing without one", () => {
    expect(bwrapArgs({ ...options, seccompFd: SECCOMP_FD }).join(" ")).toContain(`--seccomp ${SECCOMP_FD}`);
    expect(bwrapArgs(options)).not.toContain("--seccomp");
  });

  it("binds the noexec tmpfs's folder at /tmp when there is one, and otherwise sizes bubblewrap's own", () => {
    expect(bwrapArgs({ ...options, tmpDir: "/runs/1/tmp" }).join(" ")).toContain("--bind /runs/1/tmp /tmp");
    expect(bwrapArgs({ ...options, tmpDir: "/runs/1/tmp" })).not.toContain("--tmpfs /tmp");
    expect(bwrapArgs(options).join(" ")).toContain("--size 1024 --tmpfs /tmp");
  });

  it("makes /proc and /dev read-only after mounting them", () => {
    const text = bwrapArgs(options).join(" ");
    expect(text).toContain("--proc /proc --remount-ro /proc");
    expect(text.indexOf("--remount-ro /dev ")).toBeGreaterThan(text.indexOf("--dev /dev"));
    expect(text.indexOf("--remount-ro /dev ")).toBeGreaterThan(text.indexOf("--tmpfs /dev/shm"));
  });
});

describe("noexecTmpCommand", () => {
  it("mounts a size-capped noexec tmpfs in a namespace of its own, then execs the command with its arguments", () => {
    const tools = { kind: "util-linux" as const, unshare: "/usr/bin/unshare", sh: "/bin/sh", mount: "/usr/bin/mount" };
    const { command, args } = noexecTmpCommand(tools, "/runs/1/tmp", 4096, "/usr/bin/bwrap", ["--args", "5"]);
    expect(command).toBe("/usr/bin/unshare");
    expect(args.slice(0, 6)).toEqual(["--user", "--map-root-user", "--mount", "--propagation", "private", "--"]);
    expect(args.slice(-6)).toEqual(["/usr/bin/mount", "size=4096,mode=755,noexec,nosuid,nodev", "/runs/1/tmp", "/usr/bin/bwrap", "--args", "5"]);
  });

  it("gives the compiled helper the tmpfs's options (its flags are in the helper), the folder and the command", () => {
    const { command, args } = noexecTmpCommand({ kind: "helper", helper: "/cache/noexec-tmp-0" }, "/runs/1/tmp", 4096, "/usr/bin/bwrap", ["--args", "5"]);
    expect(command).toBe("/cache/noexec-tmp-0");
    expect(args).toEqual(["size=4096,mode=755", "/runs/1/tmp", "/usr/bin/bwrap", "--args", "5"]);
  });
});
