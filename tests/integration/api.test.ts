/** The HTTP contract's edges: every malformed request gets a clear JSON error, never a 500. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, readEvents, request, runToEnd, startRunner, type TestServer } from "./harness";

let server: TestServer;
beforeAll(async () => {
  server = await startRunner();
});
afterAll(() => server.close());

const big = "x".repeat(40 * 1024);

const BAD_RUNS: [string, { raw?: string; body?: unknown }, number, string][] = [
  ["malformed JSON", { raw: "{nope" }, 400, "invalid-json"],
  ["a JSON array", { raw: "[1,2]" }, 400, "invalid-body"],
  ["no files", { body: {} }, 400, "missing-files"],
  ["files as a string", { body: { files: "main.ts" } }, 400, "invalid-files"],
  ["no file at all", { body: { files: {} } }, 400, "invalid-files"],
  ["a path in a file name", { body: { files: { "../etc/passwd.ts": "" } } }, 400, "invalid-file-name"],
  ["a wrong extension", { body: { files: { "main.py": "print(1)" } } }, 400, "invalid-file-name"],
  ["source that is not a string", { body: { files: { "main.ts": 42 } } }, 400, "invalid-files"],
  ["nine files", { body: { files: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`f${i}.ts`, ""])) } }, 400, "too-many-files"],
  ["65 KiB of code", { body: { files: { "a.ts": big, "b.ts": big } } }, 413, "code-too-large"],
  ["a body over 1 MiB", { raw: JSON.stringify({ files: { "main.ts": "x".repeat(1100 * 1024) } }) }, 413, "body-too-large"],
  ["two files and no main", { body: { files: { "a.ts": "", "b.ts": "" } } }, 400, "missing-processes"],
  ["processes not an array", { body: { files: { "main.ts": "" }, processes: {} } }, 400, "invalid-processes"],
  ["five processes", { body: { files: { "main.ts": "" }, processes: Array.from({ length: 5 }, (_, i) => ({ name: `p${i}`, entry: "main.ts" })) } }, 400, "too-many-processes"],
  ["an unknown entry", { body: { files: { "main.ts": "" }, processes: [{ name: "a", entry: "other.ts" }] } }, 400, "unknown-entry"],
  ["a bad process name", { body: { files: { "main.ts": "" }, processes: [{ name: "a b", entry: "main.ts" }] } }, 400, "invalid-process-name"],
  ["duplicate process names", { body: { files: { "main.ts": "" }, processes: [{ name: "a", entry: "main.ts" }, { name: "a", entry: "main.ts" }] } }, 400, "duplicate-process-name"],
  ["a negative delay", { body: { files: { "main.ts": "" }, processes: [{ name: "a", entry: "main.ts", delayMs: -1 }] } }, 400, "invalid-delay"],
  ["a delay over 5 s", { body: { files: { "main.ts": "" }, processes: [{ name: "a", entry: "main.ts", delayMs: 5001 }] } }, 400, "invalid-delay"],
  ["a timeout that is a string", { body: { files: { "main.ts": "" }, timeoutMs: "10s" } }, 400, "invalid-timeout"],
  ["a zero timeout", { body: { files: { "main.ts": "" }, timeoutMs: 0 } }, 400, "invalid-timeout"],
  ["an odd lesson id", { body: { files: { "main.ts": "" }, lesson: "<script>" } }, 400, "invalid-lesson"],
];

describe("POST /api/runs rejects bad input clearly", () => {
  for (const [what, init, status, code] of BAD_RUNS) {
    it(`${what} → ${status} ${code}`, async () => {
      const response = await request(server.url, "/api/runs", init);
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.message).toMatch(/^[A-Z"].{10,}[.)]$/);
    });
  }

  it("accepts a run with attribution and a lone non-main file", async () => {
    const { end, output } = await runToEnd(server.url, { files: { "hello.js": `console.log("js works")` }, ...{ lesson: "01-intro", snippet: "hello", variant: "main" } } as never);
    expect(end.status).toBe("ok");
    expect(output("main")).toBe("js works\n");
  });
});

describe("run endpoints", () => {
  it("answers 404 for unknown runs on every endpoint", async () => {
    for (const [path, method] of [["events", "GET"], ["stop", "POST"], ["stdin", "POST"]] as const) {
      const response = await request(server.url, `/api/runs/nope/${path}`, { method, ...(method === "POST" ? { body: {} } : {}) });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe("run-not-found");
    }
    expect((await request(server.url, "/api/runs/x/unknown")).status).toBe(404);
  });

  it("answers 405 with Allow for the wrong method", async () => {
    const list = await request(server.url, "/api/runs");
    expect(list.status).toBe(405);
    expect(list.headers.get("allow")).toBe("POST");
    expect((await request(server.url, "/api/health", { method: "DELETE" })).status).toBe(405);
  });

  it("rejects bad stdin requests and a malformed Last-Event-ID", async () => {
    const started = await request(server.url, "/api/runs", { body: main(`process.stdin.on("data", () => {}); setTimeout(() => process.exit(0), 3000);`) });
    const id = started.body.id;
    const cases: [unknown, number, string][] = [
      [{ data: "x" }, 400, "invalid-process"],
      [{ process: "nobody", data: "x" }, 400, "unknown-process"],
      [{ process: "main" }, 400, "invalid-stdin"],
      [{ process: "main", data: "x", eof: true }, 400, "invalid-stdin"],
      [{ process: "main", data: "x".repeat(65 * 1024) }, 413, "stdin-too-large"],
    ];
    for (const [body, status, code] of cases) {
      const response = await request(server.url, `/api/runs/${id}/stdin`, { body });
      expect([response.status, response.body.error?.code]).toEqual([status, code]);
    }
    const bad = await fetch(`${server.url}/api/runs/${id}/events`, { headers: { "last-event-id": "abc" } });
    expect(bad.status).toBe(400);
    await request(server.url, `/api/runs/${id}/stop`, { method: "POST" });
    expect((await readEvents(server.url, id)).at(-1)!.data.status).toBe("stopped");
  });
});

describe("operations", () => {
  it("reports health: sandbox and queue", async () => {
    const health = await request(server.url, "/api/health");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: "ok",
      sandbox: { available: true, mode: "bubblewrap" },
      runs: { running: expect.any(Number), queued: 0, slots: expect.any(Number) },
    });
  });

  it("exposes Prometheus metrics with runs by status, queue length and histograms", async () => {
    await runToEnd(server.url, main(`console.log("for the metrics")`));
    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.headers.get("content-type")).toContain("text/plain");
    const text = await metrics.text();
    expect(text).toMatch(/^runner_runs_total\{status="ok"\} [1-9]\d*$/m);
    expect(text).toMatch(/^runner_queue_length 0$/m);
    expect(text).toMatch(/^runner_run_duration_seconds_bucket\{le="1"\} \d+$/m);
    expect(text).toMatch(/^runner_time_to_first_output_seconds_count [1-9]\d*$/m);
  });
});
