/** Standalone runner processes (`npm run runner`, bundled once per test file): started on free ports, always killed. */
import { spawn, type ChildProcess } from "node:child_process";
import { build } from "esbuild";

const BUNDLE = "node_modules/.cache/zmq-playground-test/runner.mjs";
/** Every runner started: killAll() ends each, whatever happened. */
const started = new Set<ChildProcess>();

export async function buildRunnerBundle() {
  await build({ entryPoints: ["runner/main.ts"], outfile: BUNDLE, bundle: true, platform: "node", format: "esm", packages: "external", logLevel: "warning" });
}

/** Starts the bundled runner on a free port (RUNNER_PORT=0) with `env` added, and returns it with its address. */
export async function startStandalone(env: Record<string, string> = {}): Promise<{ child: ChildProcess; base: string; port: number }> {
  const child = spawn(process.execPath, [BUNDLE], { env: { ...process.env, ...env, RUNNER_PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
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
  return { child, base: `http://127.0.0.1:${port}`, port };
}

export const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once("exit", resolve)));

export function killAll() {
  for (const child of started) child.kill("SIGKILL");
}
