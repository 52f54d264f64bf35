/** The standalone runner (`npm run runner`) and what happens to sandboxes when it dies. */
import { spawn, type ChildProcess } from "node:child_process";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, processesWith, readEvents, request, runToEnd } from "./harness";

const BUNDLE = "node_modules/.cache/zmq-playground-test/runner.mjs";
let runner: ChildProcess | undefined;

async function startStandalone(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BUNDLE], { env: { ...process.env, RUNNER_PORT: String(port) }, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("runner listening")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`runner exited with ${code}`)));
  });
  return child;
}

beforeAll(async () => {
  await build({ entryPoints: ["runner/main.ts"], outfile: BUNDLE, bundle: true, platform: "node", format: "esm", packages: "external", logLevel: "warning" });
});
afterAll(() => {
  runner?.kill("SIGKILL");
});

describe("standalone runner", () => {
  it("serves the same endpoints as the site", async () => {
    runner = await startStandalone(38_731);
    const base = "http://127.0.0.1:38731";
    const { end, output } = await runToEnd(base, main(`console.log("standalone")`));
    expect([end.status, output("main")]).toEqual(["ok", "standalone\n"]);
    expect((await request(base, "/api/health")).body.status).toBe("ok");
    expect((await request(base, "/elsewhere")).status).toBe(404);
    runner.kill("SIGTERM");
    await new Promise((resolve) => runner!.once("exit", resolve));
  });

  it("takes every sandbox down with it when it is killed", async () => {
    runner = await startStandalone(38_732);
    const base = "http://127.0.0.1:38732";
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
    runner.kill("SIGKILL");
    await new Promise((resolve) => runner!.once("exit", resolve));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(processesWith(marker)).toEqual([]);
  });
});
