/**
 * Standalone runner processes (`npm run runner`) and site processes (the site's API, site.ts,
 * without Next.js), each bundled once per test file: started on free ports, always killed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { build } from "esbuild";

const BUNDLES = { runner: "node_modules/.cache/zmq-playground-test/runner.mjs", site: "node_modules/.cache/zmq-playground-test/site.mjs" };
const ENTRIES = { runner: "runner/main.ts", site: "tests/integration/site-main.ts" };
/** Every process started: killAll() ends each, whatever happened. */
const started = new Set<ChildProcess>();

async function bundle(kind: keyof typeof BUNDLES) {
  await build({ entryPoints: [ENTRIES[kind]], outfile: BUNDLES[kind], bundle: true, platform: "node", format: "esm", packages: "external", logLevel: "warning" });
}

export const buildRunnerBundle = () => bundle("runner");
export const buildSiteBundle = () => bundle("site");

export interface Started {
  child: ChildProcess;
  base: string;
  port: number;
}

/** Starts a bundle with `env` added; resolves once it says `<kind> listening on http://localhost:<port>`. */
async function start(kind: keyof typeof BUNDLES, env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [BUNDLES[kind]], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  started.add(child);
  child.once("exit", () => started.delete(child));
  const port = await new Promise<number>((resolve, reject) => {
    let seen = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = new RegExp(`${kind} listening on http://localhost:(\\d+)`).exec(seen);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code, signal) => reject(new Error(`${kind} exited with ${code ?? signal} before listening: ${seen.slice(-500)}`)));
  });
  return { child, base: `http://127.0.0.1:${port}`, port };
}

/** Starts the bundled runner on a free port (RUNNER_PORT=0) with `env` added, and returns it with its address. */
export const startStandalone = (env: Record<string, string> = {}) => start("runner", { ...env, RUNNER_PORT: "0" });

/** Starts a site process (on a free port) with `env` added: RUNNER_URLS for a fleet, DATABASE_URL for workshops. */
export const startSite = (env: Record<string, string> = {}) => start("site", env);

export const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once("exit", resolve)));

export function killAll() {
  for (const child of started) child.kill("SIGKILL");
}
