/** The sandbox spawner hands a child's pipes to the runner without losing a byte, however busy the runner is. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Spawner, SPAWNER_SCRIPT } from "../../runner/sandbox/spawner";

const dir = mkdtempSync(join(tmpdir(), "spawner-test-"));
writeFileSync(join(dir, "spawner.cjs"), SPAWNER_SCRIPT);
const spawner = new Spawner(join(dir, "spawner.cjs"));
afterAll(() => {
  spawner.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the socket carries until it closes, or what arrived within 5 s. */
function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.once("close", () => resolve(text));
    setTimeout(() => resolve(text), 5_000).unref();
  });
}

describe("spawner", () => {
  it("keeps what a child wrote before its pipes were handed over", async () => {
    const spawned = spawner.spawn({
      command: "/bin/sh",
      // Written at once, like a warm process's "ready" line, on every pipe but the first.
      args: ["-c", "echo three >&3; echo four >&4; echo five >&5; sleep 0.5"],
      options: { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe", "pipe"], env: { PATH: "/usr/bin:/bin" } },
      cgroupProcs: [],
    });
    // A busy runner: no handle is acknowledged for a while, so the child writes first.
    const until = Date.now() + 700;
    while (Date.now() < until) {
      // busy
    }
    const child = await spawned;
    const [three, four, five] = await Promise.all([3, 4, 5].map((fd) => readAll(child.stdio[fd]!)));
    expect({ three, four, five }).toEqual({ three: "three\n", four: "four\n", five: "five\n" });
  });
});
