/**
 * The web side against a careful attacker, over real HTTP on the real runner and
 * database: other origins' pages cannot act with a visitor's cookies (CSRF) nor
 * spend a classroom's misses, bodies are capped and shallow, text the database
 * cannot hold is refused or made storable (never a 500, nothing a learner did is
 * lost), joins are limited per address, cookies are `__Host-` over https, and the
 * instructor's key always works.
 */
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleRunnerRequest, jsonBodyLimit } from "../../runner/http";
import { Client, exerciseSnippet, firstLesson, startWorkshopServer, type Reply, type WorkshopServer } from "./workshop-harness";

let server: WorkshopServer;
let dir: string;
let ipCounter = 0;
/** A client from an address of its own (the server trusts X-Forwarded-For here). */
const address = () => `10.7.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const browser = (headers: Record<string, string> = {}) => new Client(server.url, { "x-forwarded-for": address(), ...headers });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zmqp-web-guards-"));
  server = await startWorkshopServer({
    env: { WORKSHOP_DATA_DIR: join(dir, "db") },
    trustProxy: true,
    limits: { missBurst: 5, joinsPerAddress: 3, createsPerHour: 100 },
    runner: { rateBurst: 0, ratePerMinute: 0 },
  });
}, 60_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function expectError(reply: Reply, status: number, code: string) {
  expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({ status, code });
  expect(reply.body.error.message).toMatch(/^[A-Z"].{10,}[.)]$/);
}

async function newWorkshop(items: { lesson: string; snippet?: string }[] = [{ lesson: firstLesson().slug }]) {
  const instructor = browser();
  const created = await instructor.post("/api/workshops", { title: "Guards", items });
  expect(created.status).toBe(201);
  const { code, instructorKey } = created.body as { code: string; instructorKey: string };
  expect((await instructor.post(`/api/workshops/${code}/instructor`, { key: instructorKey })).status).toBe(204);
  return { code, key: instructorKey, instructor };
}

async function learner(code: string, name: string, client = browser()) {
  const joined = await client.post(`/api/workshops/${code}/join`, { name });
  expect(joined.status).toBe(201);
  return { client, id: joined.body.learner.id as string };
}

const summary = async (code: string) => (await browser().call(`/api/workshops/${code}`)).body;

describe("requests from another origin's page (CSRF)", () => {
  // What Chromium sends from a page on another port of the same host: same site, so our cookies come along.
  const otherPort = { origin: "http://127.0.0.1:1", "sec-fetch-site": "same-site" };

  it("cannot end a workshop with the instructor's cookie; the site's own page can", async () => {
    const { code, instructor } = await newWorkshop();
    expectError(await instructor.call(`/api/workshops/${code}/end`, { method: "POST", headers: otherPort }), 403, "cross-origin-request");
    expectError(await instructor.call(`/api/workshops/${code}/end`, { method: "POST", headers: { origin: "https://evil.example" } }), 403, "cross-origin-request");
    expectError(await instructor.call(`/api/workshops/${code}/end`, { method: "POST", headers: { origin: "null" } }), 403, "cross-origin-request");
    expectError(await instructor.call(`/api/workshops/${code}/end`, { method: "POST", headers: { "sec-fetch-site": "cross-site" } }), 403, "cross-origin-request");
    expect((await summary(code)).endedAt).toBeNull();
    // The site's own page: Sec-Fetch-Site same-origin, or (older browsers) an Origin naming this server.
    expect((await instructor.call(`/api/workshops/${code}/end`, { method: "POST", headers: { origin: server.url, "sec-fetch-site": "same-origin" } })).status).toBe(204);
    expect((await instructor.call(`/api/workshops/${code}/end`, { method: "POST", headers: { origin: server.url } })).status).toBe(204);
    expect((await summary(code)).endedAt).not.toBeNull();
  });

  it("allows programs (no Origin, no Sec-Fetch-Site) and, behind a trusted proxy, the public origin it forwards", async () => {
    const { code, instructor } = await newWorkshop();
    expect((await instructor.post(`/api/workshops/${code}/focus`, { lesson: firstLesson().slug })).status).toBe(204);
    const proxied = { origin: "https://class.example", "x-forwarded-host": "class.example", "x-forwarded-proto": "https" };
    expect((await instructor.post(`/api/workshops/${code}/focus`, { lesson: firstLesson().slug }, proxied)).status).toBe(204);
    // The last X-Forwarded-* entry is the proxy's; what the client put before it does not count.
    const spoofed = { origin: "https://evil.example", "x-forwarded-host": "evil.example, class.example", "x-forwarded-proto": "https" };
    expectError(await instructor.post(`/api/workshops/${code}/focus`, { lesson: firstLesson().slug }, spoofed), 403, "cross-origin-request");
  });

  it("accepts SITE_URL's origin", async () => {
    const { code, instructor } = await newWorkshop();
    const before = process.env.SITE_URL;
    process.env.SITE_URL = "https://zmq.example/";
    try {
      expect((await instructor.post(`/api/workshops/${code}/focus`, { lesson: firstLesson().slug }, { origin: "https://zmq.example" })).status).toBe(204);
      expectError(await instructor.post(`/api/workshops/${code}/focus`, { lesson: firstLesson().slug }, { origin: "https://zmq.example.evil" }), 403, "cross-origin-request");
    } finally {
      if (before === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = before;
    }
  });

  it("cannot join, raise a hand or start runs with a learner's cookie", async () => {
    const { code } = await newWorkshop();
    const { client } = await learner(code, "Victim");
    expectError(await client.post(`/api/workshops/${code}/hand`, { raised: true }, otherPort), 403, "cross-origin-request");
    expectError(await browser().post(`/api/workshops/${code}/join`, { name: "Minted" }, otherPort), 403, "cross-origin-request");
    expectError(await client.post("/api/runs", { files: { "main.ts": "console.log(1)" } }, otherPort), 403, "cross-origin-request");
    expectError(await client.call("/api/runs/nope/stop", { method: "POST", headers: otherPort }), 403, "cross-origin-request");
    expectError(await client.post("/api/runs/nope/stdin", { process: "main", eof: true }, otherPort), 403, "cross-origin-request");
    expect((await client.call(`/api/workshops/${code}/me`)).body.hand).toBeNull();
  });

  it("do not spend an address's misses: 20 cross-site probes, then the classroom's first miss is a plain 404", async () => {
    const headers = { "x-forwarded-for": address() };
    for (let i = 0; i < 20; i++) {
      expectError(await new Client(server.url, headers).call(`/api/workshops/ZZZZZ${"23456789"[i % 8]}`, { headers: otherPort }), 403, "cross-origin-request");
      expectError(await new Client(server.url, headers).post(`/api/workshops/ZZZZZ${"23456789"[i % 8]}/join`, { name: "x" }, otherPort), 403, "cross-origin-request");
    }
    expectError(await new Client(server.url, headers).call("/api/workshops/ZZZZZZ"), 404, "workshop-not-found");
  });
});

describe("the runner's body and content-type guards", () => {
  it("refuses runs sent as text/plain or without a type (415), as any cross-site form would", async () => {
    for (const type of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx"]) {
      const reply = await browser().call("/api/runs", { method: "POST", raw: JSON.stringify({ files: { "main.ts": "" } }), headers: { "content-type": type } });
      expectError(reply, 415, "unsupported-media-type");
    }
    const response = await fetch(`${server.url}/api/runs`, { method: "POST", body: new Blob([JSON.stringify({ files: { "main.ts": "" } })]) });
    expect([response.status, ((await response.json()) as { error: { code: string } }).error.code]).toEqual([415, "unsupported-media-type"]);
  });

  it("caps a run's body at what its code limit needs, escaped: 64 KiB of control characters pass, more is 413", async () => {
    const limit = jsonBodyLimit(server.runner.config.codeBytes);
    expect(limit).toBeLessThan(1024 * 1024);
    // The worst case: every byte of code a control character, 6 bytes once JSON-escaped.
    const code = "\u0001".repeat(server.runner.config.codeBytes);
    const body = JSON.stringify({ files: { "main.ts": code }, processes: [{ name: "main", entry: "main.ts" }] });
    expect(body.length).toBeGreaterThan(6 * server.runner.config.codeBytes);
    expect(body.length).toBeLessThanOrEqual(limit);
    const accepted = await browser().call("/api/runs", { raw: body });
    expect(accepted.status).toBe(202);
    await server.runner.get(accepted.body.id)!.done;
    expectError(await browser().call("/api/runs", { raw: JSON.stringify({ files: { "main.ts": "" }, pad: "x".repeat(limit) }) }), 413, "body-too-large");
  });

  it("refuses deep nesting before parsing it, for runs and for workshops", async () => {
    const deep = (depth: number) => `{"files":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    expectError(await browser().call("/api/runs", { raw: deep(40) }), 400, "json-too-deep");
    expectError(await browser().call("/api/runs", { raw: `{"a":${"{\"b\":".repeat(33)}1${"}".repeat(33)}}` }), 400, "json-too-deep");
    // Brackets inside strings do not nest.
    expect((await browser().call("/api/runs", { raw: JSON.stringify({ files: { "main.ts": `// ${"[{".repeat(1000)} \\" "` } }) })).status).toBe(202);
    // A megabyte of brackets: refused at the body cap, before anything is parsed.
    expectError(await browser().call("/api/runs", { raw: "[".repeat(1024 * 1024) }), 413, "body-too-large");
    expectError(await browser().call("/api/workshops", { raw: `{"title":"t","items":${"[".repeat(1000)}${"]".repeat(1000)}}` }), 400, "json-too-deep");
    const { code } = await newWorkshop();
    const { client } = await learner(code, "Deep");
    expectError(await client.call(`/api/workshops/${code}/activity`, { raw: deep(100) }), 400, "json-too-deep");
  });

  it("answers 409 stdin-closed to stdin after eof", async () => {
    const client = browser();
    const started = await client.post("/api/runs", { files: { "main.ts": `process.stdin.resume(); process.stdin.on("end", () => setTimeout(() => process.exit(0), 3000));` } });
    expect(started.status).toBe(202);
    const run = server.runner.get(started.body.id)!;
    // Wait for the process to start (stdin before that is 409 run-not-started).
    let first: Reply;
    for (;;) {
      first = await client.post(`/api/runs/${run.id}/stdin`, { process: "main", eof: true });
      if (first.status !== 409 || first.body.error.code !== "run-not-started") break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(first.status).toBe(200);
    expectError(await client.post(`/api/runs/${run.id}/stdin`, { process: "main", data: "late\n" }), 409, "stdin-closed");
    expectError(await client.post(`/api/runs/${run.id}/stdin`, { process: "main", eof: true }), 409, "stdin-closed");
    server.runner.stop(run);
    await run.done;
  });
});

describe("text the database cannot hold", () => {
  const slug = () => firstLesson().slug;
  const snippet = () => firstLesson().snippet.id;

  it("is refused with 400 in what people type (names, titles, hands, hints) and in broadcasts", async () => {
    const { code, instructor } = await newWorkshop();
    const { client, id } = await learner(code, "Typist");
    expectError(await browser().post("/api/workshops", { title: "half \ud800 pair", items: [{ lesson: slug() }] }), 400, "invalid-title");
    expectError(await browser().post(`/api/workshops/${code}/join`, { name: "x\udc00" }), 400, "invalid-name");
    expectError(await client.post(`/api/workshops/${code}/hand`, { raised: true, message: "help \ud83d" }), 400, "invalid-message");
    expectError(await client.post(`/api/workshops/${code}/hand`, { raised: true, message: "nul \u0000" }), 400, "invalid-message");
    expectError(await instructor.post(`/api/workshops/${code}/learners/${id}/hint`, { text: "try \udfff" }), 400, "invalid-text");
    expectError(await instructor.post(`/api/workshops/${code}/learners/${id}/hint`, { text: "try \u0000" }), 400, "invalid-text");
    for (const content of ["a\u0000b", "a\ud800b", "\udc00"]) {
      expectError(await instructor.post(`/api/workshops/${code}/broadcasts`, { lesson: slug(), snippet: snippet(), files: [{ name: "main.ts", content }] }), 400, "invalid-files");
    }
    expectError(await instructor.post(`/api/workshops/${code}/broadcasts`, { lesson: slug(), snippet: snippet(), title: "\ud800", files: [{ name: "main.ts", content: "" }] }), 400, "invalid-title");
    // Whole surrogate pairs (emoji) are fine everywhere.
    expect((await client.post(`/api/workshops/${code}/hand`, { raised: true, message: "help 🙋" })).status).toBe(204);
    expect((await instructor.post(`/api/workshops/${code}/broadcasts`, { lesson: slug(), snippet: snippet(), files: [{ name: "main.ts", content: "// 🙋\n" }] })).status).toBe(201);
  });

  it("is kept, made storable, in a learner's code", async () => {
    const { code, instructor } = await newWorkshop();
    const { client, id } = await learner(code, "Coder");
    const files = [{ name: "main.ts", content: "const s = \"\u0000\";\n// \ud800 half, 🙋 whole\n" }];
    expect((await client.post(`/api/workshops/${code}/activity`, { type: "code", lesson: slug(), snippet: snippet(), variant: "main", files })).status).toBe(204);
    const detail = await instructor.call(`/api/workshops/${code}/learners/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.code.files).toEqual([{ name: "main.ts", content: "const s = \"\uFFFD\";\n// \uFFFD half, 🙋 whole\n" }]);
  });

  it("never loses a run: output with a NUL byte is stored (NUL as U+FFFD), counted, and its exercise passes", async () => {
    const { lesson, snippet: exercise, solution } = exerciseSnippet();
    const { code, instructor } = await newWorkshop([{ lesson, snippet: exercise.id }]);
    const { client, id } = await learner(code, "Nully");
    const entry = solution.processes?.[0]?.entry ?? "main.ts";
    const files = { ...solution.files, [entry]: `process.stdout.write("nul:\\u0000:end\\n");\n${solution.files[entry]}` };
    const started = await client.post("/api/runs", { files, processes: solution.processes, timeoutMs: solution.timeoutMs, lesson, snippet: exercise.id, variant: "starter" });
    expect(started.status).toBe(202);
    await server.runner.get(started.body.id)!.done;
    const reported = await client.post(`/api/workshops/${code}/activity`, { type: "run", runId: started.body.id });
    expect(reported.status).toBe(204);
    const detail = await instructor.call(`/api/workshops/${code}/learners/${id}`);
    expect(detail.body.tile).toMatchObject({ runs: 1, passed: [`${lesson}/${exercise.id}`] });
    expect(detail.body.output.text).toContain("nul:\uFFFD:end");
    expect(detail.body.output.text).not.toContain("\u0000");
  });
});

describe("the miss limiter", () => {
  it("lets a valid Bearer key through once the address is out of misses; a wrong one stays refused", async () => {
    const { code, key } = await newWorkshop();
    const headers = { "x-forwarded-for": address() };
    const script = new Client(server.url, headers);
    for (let i = 0; i < 5; i++) expect((await script.call(`/api/workshops/ZZZZZ${"23456"[i]}`)).status).toBe(404);
    expectError(await script.call("/api/workshops/ZZZZZ7"), 429, "rate-limited");
    expectError(await script.call(`/api/workshops/${code}`), 429, "rate-limited");
    expect((await script.call(`/api/workshops/${code}/board`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    expectError(await script.call(`/api/workshops/${code}/board`, { headers: { authorization: `Bearer ${key}x` } }), 429, "rate-limited");
  });
});

describe("joins per address", () => {
  it("are limited (WORKSHOP_JOINS_PER_ADDRESS, here 3); renaming with the cookie is not a new join; other addresses go on", async () => {
    const { code } = await newWorkshop();
    const nat = address();
    const fromNat = () => new Client(server.url, { "x-forwarded-for": nat });
    const first = await learner(code, "One", fromNat());
    await learner(code, "Two", fromNat());
    await learner(code, "Three", fromNat());
    const limited = await fromNat().post(`/api/workshops/${code}/join`, { name: "Four" });
    expectError(limited, 429, "rate-limited");
    expect(limited.body.error.message).toContain("joins");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await first.client.post(`/api/workshops/${code}/join`, { name: "One again" })).status).toBe(200);
    await learner(code, "Elsewhere");
  });
});

describe("cookies over https", () => {
  it("are __Host- prefixed (Secure, Path=/, no Domain), work for runs and reports; plain-http cookies keep working", async () => {
    const { lesson, snippet: exercise, solution } = exerciseSnippet();
    const { code } = await newWorkshop([{ lesson, snippet: exercise.id }]);
    const https = browser({ "x-forwarded-proto": "https" });
    const joined = await https.post(`/api/workshops/${code}/join`, { name: "Secure" });
    expect(joined.status).toBe(201);
    expect(joined.headers.get("set-cookie")).toMatch(new RegExp(`^__Host-zmqp_l_${code}=[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000; Secure$`));
    expect(joined.headers.get("set-cookie")).not.toMatch(/Domain=/i);
    expect((await https.call(`/api/workshops/${code}/me`)).status).toBe(200);
    const started = await https.post("/api/runs", { files: solution.files, processes: solution.processes, timeoutMs: solution.timeoutMs, lesson, snippet: exercise.id, variant: "starter" });
    expect(server.runner.get(started.body.id)!.client).toBe(`learner:${joined.body.learner.id}`);
    await server.runner.get(started.body.id)!.done;
    expect((await https.post(`/api/workshops/${code}/activity`, { type: "run", runId: started.body.id })).status).toBe(204);
    // Re-joining over https keeps the learner.
    expect((await https.post(`/api/workshops/${code}/join`, { name: "Secure" })).body.learner.id).toBe(joined.body.learner.id);

    // A learner who joined over plain http keeps their cookie when the site moves to https.
    const plain = browser();
    const old = await plain.post(`/api/workshops/${code}/join`, { name: "Plain" });
    expect(old.headers.get("set-cookie")).toMatch(new RegExp(`^zmqp_l_${code}=`));
    const moved = new Client(server.url, { "x-forwarded-for": address(), "x-forwarded-proto": "https" });
    for (const [k, v] of plain.cookies) moved.cookies.set(k, v);
    expect((await moved.call(`/api/workshops/${code}/me`)).body.learner.id).toBe(old.body.learner.id);

    // The instructor cookie too.
    const teacher = browser({ "x-forwarded-proto": "https" });
    const created = await teacher.post("/api/workshops", { title: "Secure room", items: [{ lesson }] });
    const login = await teacher.post(`/api/workshops/${created.body.code}/instructor`, { key: created.body.instructorKey });
    expect(login.headers.get("set-cookie")).toMatch(new RegExp(`^__Host-zmqp_i_${created.body.code}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000; Secure$`));
    expect((await teacher.call(`/api/workshops/${created.body.code}/board`)).status).toBe(200);
  });
});

/** A GET with exactly these headers, to the test server (or `base`). */
function rawGet(path: string, headers: Record<string, string>, base = server.url): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("/metrics", () => {
  it("answers this machine, not requests that came through a proxy", async () => {
    expect((await rawGet("/metrics", {})).status).toBe(200);
    const proxied = await rawGet("/metrics", { "x-forwarded-for": "203.0.113.9" });
    expect(proxied.status).toBe(403);
    expect(JSON.parse(proxied.body).error.code).toBe("metrics-forbidden");
    expect((await rawGet("/metrics", { forwarded: "for=203.0.113.9" })).status).toBe(403);
    // Health stays open to everyone (load balancers).
    expect((await rawGet("/api/health", { "x-forwarded-for": "203.0.113.9" })).status).toBe(200);
  });

  // This machine's own network address (not loopback), where the host has one.
  const lan = Object.values(networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal)?.address;
  it.skipIf(!lan)("refuses a request from a network address", async () => {
    const outside = createServer((req, res) => void handleRunnerRequest(server.runner, req, res));
    await new Promise<void>((resolve) => outside.listen(0, lan, resolve));
    try {
      const base = `http://${lan}:${(outside.address() as AddressInfo).port}`;
      const refused = await rawGet("/metrics", {}, base);
      expect(refused.status).toBe(403);
      expect((await rawGet("/api/health", {}, base)).status).toBe(200);
    } finally {
      outside.closeAllConnections();
      await new Promise((resolve) => outside.close(resolve));
    }
  });

  it("with RUNNER_METRICS_TOKEN, answers only its Bearer", async () => {
    const config = server.runner.config as { metricsToken: string | undefined };
    config.metricsToken = "operator-secret-token";
    try {
      const none = await rawGet("/metrics", {});
      expect(none.status).toBe(401);
      expect(JSON.parse(none.body).error.code).toBe("metrics-unauthorized");
      expect((await rawGet("/metrics", { authorization: "Bearer operator-secret-tokeN" })).status).toBe(401);
      const ok = await rawGet("/metrics", { authorization: "Bearer operator-secret-token", "x-forwarded-for": "203.0.113.9" });
      expect(ok.status).toBe(200);
      expect(ok.body).toContain("# TYPE");
    } finally {
      config.metricsToken = undefined;
    }
  });
});
