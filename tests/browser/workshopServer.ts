import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

/** A free TCP port on this machine (the OS picks one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The built site (`node dist/server.mjs`) on a port and workshop data folder
 * of its own, so a test can stop it mid-workshop (SIGTERM) and start it again
 * on the same port and data.
 */
export class SiteServer {
  private child: ChildProcess | null = null;
  private log = '';
  readonly dataDir = mkdtempSync(join(tmpdir(), 'zmqp-workshop-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<SiteServer> {
    const server = new SiteServer(await freePort());
    await server.up();
    return server;
  }

  get url() {
    return `http://localhost:${this.port}`;
  }

  async up() {
    this.log = '';
    const child = spawn(process.execPath, ['dist/server.mjs'], {
      env: { ...process.env, PORT: String(this.port), WORKSHOP_DATA_DIR: this.dataDir, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.child = child;
    // A server that dies on its own says why, in the test's output.
    child.once('exit', (code, signal) => {
      if (this.child === child) console.error(`site server on ${this.port} exited (${code ?? signal}):\n${this.log}`);
    });
    await waitForHealth(this.url, child, () => this.log);
  }

  /** SIGTERM, as a deploy or a crash-restarting supervisor would; resolves once the process is gone. */
  async down() {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  async close() {
    await this.down();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Playwright's `test` with a site server of its own per worker, and `baseURL` pointing at it. */
export const siteTest = base.extend<object, { site: SiteServer }>({
  site: [
    // Playwright reads a fixture's dependencies from its first parameter: none here.
    async ({}, use) => {
      const server = await SiteServer.start();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ site }, use) => use(site.url),
});
