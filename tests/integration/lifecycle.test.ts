/** The standalone runner (`npm run runner`) and what happens to sandboxes when it dies. */
import { spawn, type ChildProcess } from "node:child_process";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, processesWith, readEvents, request, runToEnd } from "./harness";

const BUNDLE = "node_modules/.cache/zmq-playground-test/runner.mjs";
/** Every runner this file started: each is killed at the end, whatever happened. */
const started = new Set<ChildProcess>();

/** Starts the bundled runner on a free port (RUNNER_PORT=0) and returns it with its address. */
async function startStandalone(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [BUNDLE], { env: { ...process.env, RUNNER_PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
  started.add(child);
  child.once("exit", () => started.delete(child));
  const port = await new Promise<number>((resolve, reject) => {
    let seen = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /runner listening on http:\/\/localhost:(\d+)/.exec(seen);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code, signal) => reject(new Error(`runner exited with ${code ?? signal} before listening: ${seen.slice(-500)}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  await build({ entryPoints: ["runner/main.ts"], outfile: BUNDLE, bundle: true, platform: "node", format: "esm", packages: "external", logLevel: "warning" });
});
afterAll(() => {
  for (const child of started) child.kill("SIGKILL");
});

describe("standalone runner", () => {
  it("serves the same endpoints as the site", async () => {
    const { child: runner, base } = await startStandalone();
    const { end, output } = await runToEnd(base, main(`console.log("standalone")`));
    expect([end.status, output("main")]).toEqual(["ok", "standalone\n"]);
    expect((await request(base, "/api/health")).body.status).toBe("ok");
    expect((await request(base, "/elsewhere")).status).toBe(404);
    runner.kill("SIGTERM");
    await new Promise((resolve) => runner.once("exit", resolve));
  });

  it("takes every sandbox down with it when it is killed", async () => {
    const { child: runner, base } = await startStandalone();
    const marker = `orphan-${Math.random().toString(36).slice(2)}`;
    const started = await request(base, "/api/runs", {
      body: main(`
import { spawn } from "node:child_process";
spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", "${marker}"], { detached: true, stdio: "ignore" }).unref();
console.log("ready");
setInterval(() => {}, 1000);`, 30_000),
    });
    await readEvents(base, started.body.id, { until: (e) => e.type === "stdout" });
    expect(processesWith(marker)).toHaveLength(1);
    // Its sandbox spawner (named by the runner's work folder); the warm sandboxes die with it (--die-with-parent).
    const helpers = `runner-${runner.pid}-`;
    expect(processesWith(helpers).length).toBeGreaterThan(0);
    runner.kill("SIGKILL");
    await new Promise((resolve) => runner.once("exit", resolve));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(processesWith(marker)).toEqual([]);
    // The spawner follows (on its IPC channel's end, else within its 1 s check of its parent).
    for (let i = 0; i < 40 && processesWith(helpers).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(processesWith(helpers)).toEqual([]);
  });
});
