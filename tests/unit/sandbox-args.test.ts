import { describe, expect, it } from "vitest";
import { decodeExitStatus } from "../../runner/run";
import { bwrapArgs, SUPERVISOR_COMMAND } from "../../runner/sandbox/bwrap";
import { Script } from "node:vm";
import { BOOT_SCRIPT, SUPERVISOR_SCRIPT } from "../../runner/sandbox/supervisor";

describe("bwrapArgs", () => {
  const options = bwrapArgs({
    rootDir: "/runs/root",
    mounts: [{ source: "/usr/bin/node-20", target: "/usr/bin/node" }],
    codeDir: "/runs/1/code",
    tmpBytes: 16 * 1024 * 1024,
    supervisorArgs: ["64", "--enable-source-maps", "1", "0", "main.mjs"],
  });
  const text = options.join(" ");

  it("unshares every namespace, drops capabilities and dies with the runner", () => {
    for (const flag of ["--unshare-all", "--unshare-user", "--die-with-parent", "--new-session", "--clearenv", "--disable-userns"]) {
      expect(options).toContain(flag);
    }
    expect(text).toContain("--cap-drop ALL");
    expect(options).not.toContain("--share-net");
    expect(text).toContain("--uid 1000 --gid 1000");
  });

  it("mounts everything read-only and sizes /tmp", () => {
    expect(options).not.toContain("--bind");
    expect(text).toContain("--ro-bind /usr/bin/node-20 /usr/bin/node");
    expect(text).toContain("--ro-bind /runs/1/code /code");
    expect(text).toContain(`--size ${16 * 1024 * 1024} --tmpfs /tmp`);
  });

  it("binds the root folder read-only at / before anything is mounted on it", () => {
    const mounts = options.flatMap((option, i) => (option.startsWith("--") && /bind|tmpfs|proc|dev/.test(option) ? [i] : []));
    expect(options.slice(mounts[0], mounts[0]! + 3)).toEqual(["--ro-bind", "/runs/root", "/"]);
  });

  it("starts the supervisor with bash and hands it the run's arguments", () => {
    expect(SUPERVISOR_COMMAND).toEqual(["/usr/bin/bash", "/sandbox/supervisor.sh"]);
    expect(text).toContain("--setenv SUPERVISOR_ARGS 64\n--enable-source-maps\n1\n0\nmain.mjs");
    expect(SUPERVISOR_SCRIPT).toContain("ulimit -u");
  });
});

describe("the boot script of learner processes", () => {
  it("is valid JavaScript (it is kept in a template string)", () => {
    expect(() => new Script(BOOT_SCRIPT, { filename: "boot.cjs" })).not.toThrow();
  });
});

describe("decodeExitStatus", () => {
  it("reads bash's 128 + signal convention", () => {
    expect(decodeExitStatus(0)).toEqual({ code: 0, signal: null });
    expect(decodeExitStatus(1)).toEqual({ code: 1, signal: null });
    expect(decodeExitStatus(134)).toEqual({ code: null, signal: "SIGABRT" });
    expect(decodeExitStatus(139)).toEqual({ code: null, signal: "SIGSEGV" });
    expect(decodeExitStatus(137)).toEqual({ code: null, signal: "SIGKILL" });
    expect(decodeExitStatus(255)).toEqual({ code: 255, signal: null });
  });
});
