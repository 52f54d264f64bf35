/** The standalone runner (`npm run runner`) and what happens to sandboxes when it dies. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, processesWith, readEvents, request, runToEnd } from "./harness";
import { buildRunnerBundle, killAll, startStandalone } from "./standalone";

beforeAll(buildRunnerBundle);
afterAll(killAll);

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
