// `npm test`: every test of the project, in the order that fails fastest.
// System packages (bubblewrap, chromium) are installed first when missing.
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";

const steps = [
  ["system packages", "node", ["scripts/ensure-system-deps.mjs", "sandbox", "browser", "database", "deploy"]],
  ["type check", "npx", ["tsc", "--noEmit", "-p", "."]],
  ["unit and integration tests", "npx", ["vitest", "run", "--project", "unit", "--project", "integration"]],
  ["lesson content: every variant through the runner", "npx", ["vitest", "run", "--project", "content"]],
  ["build", "npm", ["run", "build", "--silent"]],
  ["browser tests", "npx", ["playwright", "test"]],
];

/** A port nobody listens on now, for the browser tests' server (every Playwright worker reads it from PW_PORT). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PW_PORT: process.env.PW_PORT ?? String(await freePort()) };
const started = Date.now();
for (const [name, command, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds} s)`);
}
console.log(`\nAll tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
