/**
 * Starts a real runner (real sandbox, real HTTP) on a free port, and speaks the
 * public API to it the way any client would: JSON requests and an SSE reader.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { configFromEnv, type RunnerConfig } from "../../runner/config";
import { handleRunnerRequest } from "../../runner/http";
import { Runner } from "../../runner/runner";
import type { RunEvent } from "../../runner/types";

export interface TestServer {
  url: string;
  port: number;
  runner: Runner;
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * Serves `handle` on a free loopback port; requests it does not handle get a
 * bare 404. `stop` drops open connections (event streams too) and closes.
 */
export async function listen(handle: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>) {
  const server: Server = createServer((req, res) => {
    void handle(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export async function startRunner(overrides: Partial<RunnerConfig> = {}): Promise<TestServer> {
  const logs: Record<string, unknown>[] = [];
  const runner = Runner.create(configFromEnv(process.env, overrides), { log: (line) => logs.push(line) });
  const { url, port, stop } = await listen((req, res) => handleRunnerRequest(runner, req, res));
  return {
    url,
    port,
    runner,
    logs,
    async close() {
      await stop();
      await runner.close();
    },
  };
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: any;
}

export async function request(base: string, path: string, init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<JsonResponse> {
  const response = await fetch(base + path, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? "POST" : "GET"),
    headers: { "content-type": "application/json", ...init.headers },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (metrics)
  }
  return { status: response.status, headers: response.headers, body };
}

export type AnyEvent = RunEvent & { type: string; data: any };

/** Reads the run's SSE stream until `end` (or until `until` returns true), from after `lastEventId`. */
export async function readEvents(
  base: string,
  id: string,
  options: { lastEventId?: number; until?: (event: AnyEvent, all: AnyEvent[]) => boolean; onEvent?: (event: AnyEvent) => void } = {},
): Promise<AnyEvent[]> {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: "text/event-stream" };
  if (options.lastEventId !== undefined) headers["last-event-id"] = String(options.lastEventId);
  const response = await fetch(`${base}/api/runs/${id}/events`, { headers, signal: controller.signal });
  if (response.status !== 200) throw new Error(`events: HTTP ${response.status} ${await response.text()}`);
  const events: AnyEvent[] = [];
  try {
    for await (const fields of sseMessages(response.body!)) {
      if (!fields.event || !fields.data) continue;
      const event = { id: Number(fields.id), type: fields.event, data: JSON.parse(fields.data) } as AnyEvent;
      events.push(event);
      options.onEvent?.(event);
      if (event.type === "end" || options.until?.(event, events)) return events;
    }
    return events;
  } finally {
    controller.abort();
  }
}

/** The messages of an SSE body, each as its fields (`id`, `event`, `data`, `retry`), until the body ends. */
export async function* sseMessages(body: ReadableStream<Uint8Array>): AsyncGenerator<Record<string, string>> {
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let split: number;
    while ((split = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, split);
      buffer = buffer.slice(split + 2);
      const fields: Record<string, string> = {};
      for (const line of block.split("\n")) {
        const colon = line.indexOf(":");
        if (colon <= 0) continue;
        fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, "");
      }
      yield fields;
    }
  }
}

export interface RunBody {
  files: Record<string, string>;
  processes?: { name: string; entry: string; delayMs?: number; args?: string[] }[];
  timeoutMs?: number;
}

/** Posts a run and follows it to its end. */
export async function runToEnd(base: string, body: RunBody) {
  const started = await request(base, "/api/runs", { body });
  if (started.status !== 202) throw new Error(`POST /api/runs: ${started.status} ${JSON.stringify(started.body)}`);
  const events = await readEvents(base, started.body.id);
  const end = events.at(-1)!;
  const output = (process: string, stream = "stdout") =>
    events.filter((e) => e.type === stream && e.data.process === process).map((e) => e.data.data).join("");
  return { id: started.body.id as string, events, end: end.data as { status: string; message: string; durationMs: number; errors?: any[]; note?: string; limit?: number }, output };
}

export function main(code: string, timeoutMs?: number): RunBody {
  return { files: { "main.ts": code }, ...(timeoutMs ? { timeoutMs } : {}) };
}

/** The check run after every attack: the runner still runs a hello world. */
export async function expectHealthy(base: string) {
  const { end, output } = await runToEnd(base, main(`console.log("hello after");`));
  if (end.status !== "ok" || output("main") !== "hello after\n") {
    throw new Error(`hello world after the attack: ${end.status} ${JSON.stringify(output("main"))}`);
  }
}

/** Host pids whose command line contains `marker`: how tests look for escaped processes. */
export function processesWith(marker: string): string[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "latin1").includes(marker);
      } catch {
        return false;
      }
    });
}
