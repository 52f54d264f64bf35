/**
 * Every limit and every attack the sandbox must withstand, each through the
 * real API and the real sandbox; after each one the runner still runs a hello world.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectHealthy, main, processesWith, runToEnd, startRunner, type TestServer } from "./harness";

const SECRET = `secret-${Math.random().toString(36).slice(2)}`;
let server: TestServer;

beforeAll(async () => {
  process.env.RUNNER_TEST_SECRET = SECRET;
  server = await startRunner();
});
afterAll(() => server.close());
afterEach(() => expectHealthy(server.url));

describe("limits", () => {
  it("ends a busy loop at the wall-time limit, keeping earlier output", async () => {
    const { end, output } = await runToEnd(server.url, main(`console.log("spinning"); for (;;) {}`, 1500));
    expect(end.status).toBe("timeout");
    expect(end.message).toContain("1.5 s");
    expect(output("main")).toBe("spinning\n");
  });

  it("caps a request's timeout at the server's maximum", async () => {
    const { end } = await runToEnd(server.url, main(`console.log("quick")`, 10 * 60_000));
    expect(end.status).toBe("ok");
  });

  it("stops an output flood at 1 MiB and keeps what was streamed", async () => {
    const { end, events } = await runToEnd(server.url, main(`const line = "x".repeat(1023) + "\\n"; for (;;) process.stdout.write(line);`));
    expect(end.status).toBe("output-limit");
    expect(end.message).toContain("1 MiB");
    expect(end.limit).toBe(1024 * 1024);
    const streamed = events.filter((e) => e.type === "stdout").reduce((n, e) => n + Buffer.byteLength(e.data.data), 0);
    expect(streamed).toBe(1024 * 1024);
  });

  it("ends a memory hog at 256 MiB", async () => {
    const { end, output } = await runToEnd(server.url, main(`
const hoard = [];
for (let i = 0; ; i++) { hoard.push(Buffer.alloc(1 << 20, 1)); if (i % 64 === 0) console.log(i + " MiB"); }`));
    expect(end.status).toBe("memory-limit");
    expect(end.message).toContain("256 MiB");
    expect(end.limit).toBe(256 * 1024 * 1024);
    expect(output("main")).toContain("128 MiB");
  });

  it("ends a fork bomb at the process and thread limit", async () => {
    const { end } = await runToEnd(server.url, main(`
import { spawn } from "node:child_process";
const bomb = () => { try { spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]).on("error", () => {}); } catch {} };
setInterval(() => { for (let i = 0; i < 20; i++) bomb(); }, 10);`));
    expect(end.status).toBe("process-limit");
    expect(end.message).toContain("64");
    expect(end.limit).toBe(64);
  });

  it("gives /tmp 16 MiB and no more", async () => {
    const { end, output } = await runToEnd(server.url, main(`
import { writeFileSync, appendFileSync } from "node:fs";
const chunk = Buffer.alloc(1 << 20, 7);
let written = 0;
try { for (let i = 0; i < 64; i++) { appendFileSync("/tmp/fill", chunk); written++; } }
catch (error) { console.log("stopped by", error.code, "after", written, "MiB"); }
writeFileSync("/tmp/small", "still works?");`));
    expect(output("main")).toMatch(/^stopped by ENOSPC after 1[0-6] MiB\n$/);
    expect(end.status).not.toBe("ok"); // the last small write fails too: the disk is full
  });

  it("has a read-only filesystem outside /tmp", async () => {
    const { output } = await runToEnd(server.url, main(`
import { writeFileSync, mkdirSync } from "node:fs";
for (const path of ["/code/main.mjs", "/code/new.txt", "/x", "/etc/passwd", "/usr/bin/node", "/node_modules/zeromq/x", "/dev/shm/x", "/proc/sys/kernel/hostname"]) {
  try { writeFileSync(path, "pwned"); console.log("WROTE", path); } catch (error) { console.log("refused", path, error.code); }
}
try { mkdirSync("/newdir"); console.log("WROTE /newdir"); } catch (error) { console.log("refused /newdir", error.code); }`));
    expect(output("main")).not.toContain("WROTE");
    expect(output("main").trim().split("\n")).toHaveLength(9);
  });

  it("shows the code an empty environment: the server's variables are unreadable", async () => {
    const { output } = await runToEnd(server.url, main(`
import { readFileSync, readdirSync } from "node:fs";
console.log(JSON.stringify(Object.keys(process.env).sort()));
for (const pid of readdirSync("/proc").filter((name) => /^\\d+$/.test(name))) {
  try { console.log(pid, readFileSync("/proc/" + pid + "/environ", "latin1").replace(/\\0/g, " ")); } catch (error) { console.log(pid, error.code); }
}
try { console.log(readFileSync("/proc/${process.pid}/environ", "latin1")); } catch (error) { console.log("server", error.code); }`));
    const text = output("main");
    expect(text.split("\n")[0]).toBe(JSON.stringify(["HOME", "LANG", "PATH", "RUNNER_PROCESS_NAME", "TMPDIR", "UV_THREADPOOL_SIZE"]));
    expect(text).not.toContain(SECRET);
    expect(text).toContain("server ENOENT");
  });

  it("sees only its own processes in /proc", async () => {
    const { output } = await runToEnd(server.url, main(`
import { readFileSync, readdirSync } from "node:fs";
const pids = readdirSync("/proc").filter((name) => /^\\d+$/.test(name));
for (const pid of pids) console.log(pid, readFileSync("/proc/" + pid + "/cmdline", "latin1").replace(/\\0/g, " "));`));
    const lines = output("main").trim().split("\n");
    expect(lines.length).toBeLessThan(8);
    // Nothing of the host shows: no host paths, no other programs.
    expect(output("main")).not.toMatch(/vitest|\/work\/|zmq-playground|--ro-bind|chromium/);
    for (const line of lines) expect(Number(line.split(" ")[0])).toBeLessThan(100);
  });

  it("cannot reach the site's own port or any address outside the sandbox", async () => {
    const { output } = await runToEnd(server.url, main(`
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
console.log("interfaces", Object.keys(networkInterfaces()).join(","));
for (const host of ["127.0.0.1", "10.0.2.2", "8.8.8.8"]) {
  await new Promise((resolve) => {
    const socket = connect({ port: ${server.port}, host, timeout: 1000 });
    socket.on("connect", () => { console.log("CONNECTED", host); socket.destroy(); resolve(null); });
    socket.on("timeout", () => { console.log("timeout", host); socket.destroy(); resolve(null); });
    socket.on("error", (error) => { console.log("refused", host, error.code); resolve(null); });
  });
}`));
    expect(output("main")).toContain("interfaces lo\n");
    expect(output("main")).toContain("refused 127.0.0.1 ECONNREFUSED");
    expect(output("main")).not.toContain("CONNECTED");
  });

  it("cannot kill the server or its own sandbox's init", async () => {
    const { end, output } = await runToEnd(server.url, main(`
for (const pid of [${process.pid}, 1]) {
  try { process.kill(pid, "SIGKILL"); console.log("sent", pid); } catch (error) { console.log("refused", pid, error.code); }
}
await new Promise((r) => setTimeout(r, 200));
console.log("still here");`));
    expect(output("main")).toContain("refused " + process.pid + " ESRCH");
    expect(output("main")).toContain("still here");
    expect(end.status).toBe("ok");
  });

  it("survives code that kills every process it can see", async () => {
    const { end } = await runToEnd(server.url, main(`console.log("bye"); process.kill(-1, "SIGKILL");`));
    expect(end.status).toBe("failed");
  });

  it("kills a detached child that tries to outlive its run", async () => {
    const marker = `outlive-${Math.random().toString(36).slice(2)}`;
    const { end, output } = await runToEnd(server.url, main(`
import { spawn } from "node:child_process";
const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", "${marker}"], { detached: true, stdio: "ignore" });
child.unref();
console.log("spawned", child.pid);`));
    expect(output("main")).toMatch(/^spawned \d+\n$/);
    expect(end.status).toBe("ok");
    expect(end.durationMs).toBeLessThan(5_000);
    const survivors = processesWith(marker);
    expect(survivors).toEqual([]);
  });

  it("reports a native crash (process.abort) clearly", async () => {
    const { end, events } = await runToEnd(server.url, main(`console.log("about to crash"); process.abort();`));
    expect(end.status).toBe("failed");
    expect(end.message).toContain("SIGABRT");
    expect(events.find((e) => e.type === "exit")!.data).toMatchObject({ code: null, signal: "SIGABRT" });
  });

  it("reports the zeromq crash after an unknown socket option as a crash", async () => {
    const { end, output } = await runToEnd(server.url, main(`
import * as zmq from "zeromq";
try { new zmq.Dealer({ notAnOption: 1 } as any); } catch (error) { console.log("threw", error.name); }`));
    expect(output("main")).toContain("threw TypeError");
    expect(end.status).toBe("failed");
    expect(end.message).toMatch(/crashed \(SIGSEGV\)|exited with code/);
  });
  it("treats the supervisor's channels as untrusted: forged lines reach no other run and no process that is not there", async () => {
    // Learner code shares the supervisor's uid and can open its pipes through /proc.
    const bystander = runToEnd(server.url, main(`await new Promise((r) => setTimeout(r, 1500)); console.log("bystander done");`));
    const { end, output, events } = await runToEnd(server.url, {
      files: {
        "main.ts": `
import { openSync, writeSync } from "node:fs";
let wrote = 0;
for (const fd of [3, 4]) {
  try {
    const channel = openSync("/proc/" + process.ppid + "/fd/" + fd, "w");
    for (const line of ["exit 1 0", "exit 7 0", "ready 3", "start 9", "start 1", "x".repeat(10000), "exit 99999 1"]) writeSync(channel, line + "\\n");
    wrote++;
  } catch (error) { console.log("fd", fd, error.code); }
}
console.log("wrote", wrote);
await new Promise((r) => setTimeout(r, 300));
console.log("main done");`,
        "other.ts": `await new Promise((r) => setTimeout(r, 800)); console.log("other done");`,
      },
      processes: [
        { name: "main", entry: "main.ts" },
        { name: "other", entry: "other.ts" },
      ],
    });
    expect(output("main")).toContain("main done");
    // Here the channels are socket pairs, which /proc will not reopen (ENXIO); were they
    // reachable, the lines below must still hold.
    expect(output("main")).toMatch(/^wrote [0-2]$/m);
    // The forged "exit 1 0" may misreport this run's own process at most: it still ran to its end.
    expect(output("other")).toBe("other done\n");
    expect(events.filter((e) => e.type === "exit").map((e) => e.data.process).sort()).toEqual(["main", "other"]);
    expect(["ok", "failed"]).toContain(end.status);
    const other = await bystander;
    expect([other.end.status, other.output("main")]).toEqual(["ok", "bystander done\n"]);
  });
});
