/**
 * The sandbox's system-call filter, through the real runner: learner code writes
 * a native probe (compiled here with cc) to /tmp and runs it, or loads it with
 * process.dlopen; the probe tries each refused call. The same probe in a runner
 * without the filter (RUNNER_UNSAFE_NO_SECCOMP) shows the calls did reach the
 * kernel there, so these tests fail if the filter is not applied.
 *
 * Those two runners keep /tmp executable (RUNNER_NOEXEC_TMP=0) so the probe can
 * run at all; a third, as configured by default, shows it cannot.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULTS } from "../../runner/config";
import { buildNoexecHelper, detectNoexecTmp } from "../../runner/sandbox/noexec-tmp";
import { expectHealthy, main, request, runToEnd, startRunner, type TestServer } from "./harness";

/** Each probe line and what the filter answers (tests/integration/seccomp-probe.c). */
const REFUSED: Record<string, string> = {
  io_uring_setup: "ENOSYS",
  io_uring_enter: "ENOSYS",
  io_uring_register: "ENOSYS",
  keyctl: "EPERM",
  add_key: "EPERM",
  request_key: "EPERM",
  ptrace_attach_pid1: "EPERM",
  process_vm_readv: "EPERM",
  process_vm_writev: "EPERM",
  process_madvise: "EPERM",
  pidfd_getfd: "EPERM",
  kcmp: "EPERM",
  perf_event_open: "EPERM",
  bpf: "EPERM",
  userfaultfd: "EPERM",
  fanotify_init: "EPERM",
  unshare: "EPERM",
  setns: "EPERM",
  mount: "EPERM",
  umount2: "EPERM",
  pivot_root: "EPERM",
  chroot: "EPERM",
  open_tree: "EPERM",
  fsopen: "EPERM",
  fsconfig: "EPERM",
  fsmount: "EPERM",
  fspick: "EPERM",
  move_mount: "EPERM",
  mount_setattr: "EPERM",
  clone_newuser: "EPERM",
  clone_newns: "EPERM",
  clone_newnet: "EPERM",
  clone_newpid: "EPERM",
  clone3: "ENOSYS",
  personality_no_aslr: "EPERM",
  personality_read_implies_exec: "EPERM",
  personality_high_bits: "EPERM",
  kexec_load: "EPERM",
  kexec_file_load: "EPERM",
  init_module: "EPERM",
  finit_module: "EPERM",
  delete_module: "EPERM",
  acct: "EPERM",
  quotactl: "EPERM",
  swapon: "EPERM",
  swapoff: "EPERM",
  reboot: "EPERM",
  settimeofday: "EPERM",
  clock_settime: "EPERM",
  clock_adjtime: "EPERM",
  syslog: "EPERM",
  vhangup: "EPERM",
  iopl: "EPERM",
  ioperm: "EPERM",
  lookup_dcookie: "EPERM",
  mbind: "EPERM",
  set_mempolicy: "EPERM",
  get_mempolicy: "EPERM",
  migrate_pages: "EPERM",
  move_pages: "EPERM",
  open_by_handle_at: "EPERM",
  name_to_handle_at: "EPERM",
  socket_packet: "EAFNOSUPPORT",
  socket_alg: "EAFNOSUPPORT",
  socket_alg_high_bits: "EAFNOSUPPORT",
  socket_netlink_uevent: "EPROTONOSUPPORT",
  socketpair_alg: "EAFNOSUPPORT",
  ioctl_tiocsti: "EPERM",
  ioctl_tiocsti_high_bits: "EPERM",
  int80_getpid: "ENOSYS",
  x32_getpid: "ENOSYS",
};
const ALLOWED = [
  "getpid", "tmp_file", "fork", "thread", "mmap", "personality_query", "personality_linux",
  "socket_unix", "socket_inet", "socket_inet6", "socket_netlink_route", "socketpair_unix", "prctl_set_name",
];
/** Calls that succeed on any Linux without the filter: the proof the filter, not the kernel, refused them. */
const ALLOWED_WITHOUT_FILTER = ["unshare", "clone3", "personality_no_aslr", "personality_read_implies_exec", "int80_getpid", "mbind", "set_mempolicy"];

let buildDir: string;
let probe: string;
let probeLibrary: string;
let filtered: TestServer;
let unfiltered: TestServer;
let hardened: TestServer;

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), "seccomp-probe-"));
  const source = join(import.meta.dirname, "seccomp-probe.c");
  execFileSync("cc", ["-O1", "-s", "-Wall", "-Werror", "-pthread", "-o", join(buildDir, "probe"), source]);
  execFileSync("cc", ["-O1", "-s", "-Wall", "-Werror", "-pthread", "-shared", "-fPIC", "-DPROBE_LIBRARY", "-o", join(buildDir, "probe.so"), source]);
  probe = readFileSync(join(buildDir, "probe")).toString("base64");
  probeLibrary = readFileSync(join(buildDir, "probe.so")).toString("base64");
  [filtered, unfiltered, hardened] = await Promise.all([
    startRunner({ ratePerMinute: 0, concurrency: 1, noexecTmp: false }),
    startRunner({ ratePerMinute: 0, concurrency: 1, noexecTmp: false, unsafeNoSeccomp: true }),
    startRunner({ ratePerMinute: 0, concurrency: 1 }),
  ]);
});
afterAll(async () => {
  await Promise.all([filtered?.close(), unfiltered?.close(), hardened?.close()]);
  rmSync(buildDir, { recursive: true, force: true });
});

/** Learner code that writes the probe to /tmp, makes it executable and runs it. */
const runProbe = () =>
  main(`import { chmodSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
writeFileSync("/tmp/probe", Buffer.from("${probe}", "base64"));
chmodSync("/tmp/probe", 0o755);
process.stdout.write(execFileSync("/tmp/probe"));`);

/** Learner code that loads the probe as a shared object: its constructor runs the calls. */
const dlopenProbe = () =>
  main(`import { writeFileSync } from "node:fs";
writeFileSync("/tmp/probe.so", Buffer.from("${probeLibrary}", "base64"));
try {
  process.dlopen({ exports: {} }, "/tmp/probe.so");
} catch (error) {
  console.log("dlopen:", error.message.split("\\n")[0]);
}`);

function results(stdout: string): Record<string, string> {
  expect(stdout).toContain("\ndone\n");
  const lines = stdout.slice(0, stdout.indexOf("\ndone\n")).split("\n");
  return Object.fromEntries(lines.map((line) => line.split(" ") as [string, string]));
}

describe("the system-call filter", () => {
  it("is reported by GET /api/health", async () => {
    expect((await request(filtered.url, "/api/health")).body.sandbox).toMatchObject({ available: true, mode: "bubblewrap", seccomp: true, noexecTmp: false });
    expect((await request(unfiltered.url, "/api/health")).body.sandbox).toMatchObject({ available: true, mode: "bubblewrap", seccomp: false, noexecTmp: false });
    expect((await request(hardened.url, "/api/health")).body.sandbox).toMatchObject({ available: true, mode: "bubblewrap", seccomp: true, noexecTmp: true });
  });

  it("is in force in learner processes and in the sandbox's pid 1 (bubblewrap)", async () => {
    const { end, output } = await runToEnd(filtered.url, main(`import { readFileSync } from "node:fs";
for (const pid of ["self", "1"]) console.log(pid, /^Seccomp:\\s+(\\d)/m.exec(readFileSync("/proc/" + pid + "/status", "utf8"))[1]);`));
    expect(end.status).toBe("ok");
    expect(output("main")).toBe("self 2\n1 2\n");
  });

  it("refuses each listed call to a native program learner code wrote and ran, and allows ordinary ones", async () => {
    const { end, output } = await runToEnd(filtered.url, runProbe());
    expect(output("main", "stderr")).toBe("");
    expect(end.status).toBe("ok");
    const got = results(output("main"));
    expect(Object.keys(got).sort()).toEqual([...Object.keys(REFUSED), ...ALLOWED].sort());
    for (const [name, errno] of Object.entries(REFUSED)) expect({ name, result: got[name] }).toEqual({ name, result: errno });
    for (const name of ALLOWED) expect({ name, result: got[name] }).toEqual({ name, result: "ok" });
    await expectHealthy(filtered.url);
  });

  it("refuses them as well to a shared object learner code loads with process.dlopen", async () => {
    const { end, output } = await runToEnd(filtered.url, dlopenProbe());
    expect(end.status).toBe("ok");
    expect(output("main")).toContain("dlopen: Module did not self-register");
    const got = results(output("main"));
    for (const [name, errno] of Object.entries(REFUSED)) expect({ name, result: got[name] }).toEqual({ name, result: errno });
    for (const name of ALLOWED) expect({ name, result: got[name] }).toEqual({ name, result: "ok" });
  });

  it("is what refused them: without it (RUNNER_UNSAFE_NO_SECCOMP) the same probe reaches the kernel", async () => {
    const { end, output } = await runToEnd(unfiltered.url, runProbe());
    expect(end.status).toBe("ok");
    const got = results(output("main"));
    for (const name of ALLOWED_WITHOUT_FILTER) expect({ name, result: got[name] }).toEqual({ name, result: "ok" });
    const changed = Object.keys(REFUSED).filter((name) => got[name] !== REFUSED[name]);
    // Only calls the kernel itself refuses in the sandbox (no capabilities) with the same errno may be unchanged.
    expect(changed.length).toBeGreaterThan(Object.keys(REFUSED).length / 2);
  });

  it("keeps zeromq working over tcp, ipc and inproc", async () => {
    const { end, output } = await runToEnd(hardened.url, main(`import * as zmq from "zeromq";
for (const endpoint of ["tcp://127.0.0.1:*", "ipc:///tmp/seccomp.ipc", "inproc://seccomp"]) {
  const reply = new zmq.Reply();
  await reply.bind(endpoint);
  const request = new zmq.Request();
  request.connect(reply.lastEndpoint);
  await request.send("ping");
  const [question] = await reply.receive();
  await reply.send(question.toString() + " pong");
  const [answer] = await request.receive();
  console.log(endpoint.split(":")[0], answer.toString());
  request.close();
  reply.close();
}`));
    expect(output("main", "stderr")).toBe("");
    expect(end.status).toBe("ok");
    expect(output("main")).toBe("tcp ping pong\nipc ping pong\ninproc ping pong\n");
  });
});

describe("learner code cannot run native code it wrote", () => {
  it("cannot execute a program from /tmp, directly or through the dynamic loader", async () => {
    const { end, output } = await runToEnd(hardened.url, main(`import { chmodSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
writeFileSync("/tmp/probe", Buffer.from("${probe}", "base64"));
chmodSync("/tmp/probe", 0o755);
const direct = spawnSync("/tmp/probe");
console.log("direct", direct.error?.code, direct.stdout?.length ?? 0);
const loader = spawnSync("/lib64/ld-linux-x86-64.so.2", ["/tmp/probe"], { encoding: "utf8" });
console.log("loader", loader.status, loader.stdout.length, loader.stderr.trim().split(": ").at(-1));`));
    expect(end.status).toBe("ok");
    expect(output("main")).toBe("direct EACCES 0\nloader 127 0 failed to map segment from shared object\n");
  });

  it("cannot load a shared object it wrote to /tmp with process.dlopen", async () => {
    const { end, output } = await runToEnd(hardened.url, dlopenProbe());
    expect(end.status).toBe("ok");
    expect(output("main")).toBe("dlopen: /tmp/probe.so: failed to map segment from shared object\n");
  });

  it("cannot rewrite its own code through /proc/self/mem, nor write files into /dev", async () => {
    const { end, output } = await runToEnd(filtered.url, main(`import { openSync, writeFileSync } from "node:fs";
for (const [what, act] of [
  ["mem", () => openSync("/proc/self/mem", "r+")],
  ["dev", () => writeFileSync("/dev/probe", "x")],
  ["null", () => writeFileSync("/dev/null", "x")],
]) {
  try { act(); console.log(what, "ok"); } catch (error) { console.log(what, error.code); }
}`));
    expect(end.status).toBe("ok");
    expect(output("main")).toBe("mem EROFS\ndev EROFS\nnull ok\n");
  });
});

describe("detecting the noexec /tmp", () => {
  // As the launcher does: as root, sandboxes start as the unprivileged sandbox user.
  const identity = process.getuid?.() === 0 ? { uid: DEFAULTS.sandboxUid, gid: DEFAULTS.sandboxUid } : {};

  it("makes a sandbox's /tmp noexec through the compiled helper, or util-linux's tools without it", () => {
    const dir = mkdtempSync(join(tmpdir(), "noexec-detect-"));
    chmodSync(dir, 0o755);
    try {
      const cache = join(dir, "helpers");
      const detected = detectNoexecTmp("bwrap", dir, identity, { helperCacheDir: cache });
      expect(detected).toEqual({ tools: { kind: "helper", helper: expect.stringMatching(/noexec-tmp-[0-9a-f]{16}$/) } });
      // Built once: the next start finds it as it is.
      const helper = (detected.tools as { helper: string }).helper;
      const built = statSync(helper).mtimeMs;
      expect(buildNoexecHelper(cache)).toBe(helper);
      expect(statSync(helper).mtimeMs).toBe(built);
      expect(detectNoexecTmp("bwrap", dir, identity)).toEqual({ tools: { kind: "util-linux", unshare: expect.any(String), sh: expect.any(String), mount: expect.any(String) } });
      // A folder others may write to could hold someone else's program: not used.
      chmodSync(cache, 0o777);
      expect(detectNoexecTmp("bwrap", dir, identity, { helperCacheDir: cache }).tools?.kind).toBe("util-linux");
      expect(detectNoexecTmp("/nonexistent/bwrap", dir, identity, { helperCacheDir: join(dir, "other") }).problem).toMatch(/compiled helper: .*; /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
