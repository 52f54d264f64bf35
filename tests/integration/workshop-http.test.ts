/**
 * The workshop API's edges over real HTTP on a real database: bad input gets a
 * clear 4xx (never a 500), learners see only their own data, only the
 * instructor key acts, unknown codes are rate-limited, and event streams replay.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonBodyLimit } from "../../runner/http";
import { Client, firstLesson, startWorkshopServer, type Reply, type WorkshopServer } from "./workshop-harness";

let server: WorkshopServer;
let dir: string;
let ipCounter = 0;
/** A browser from an address of its own (the server trusts X-Forwarded-For here), so limits do not leak between tests. */
const browser = () => new Client(server.url, { "x-forwarded-for": `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}` });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zmqp-ws-http-"));
  server = await startWorkshopServer({ env: { WORKSHOP_DATA_DIR: join(dir, "db") }, trustProxy: true, limits: { missBurst: 20, createsPerHour: 3 } });
  // Read the lessons now: parsing them inside a test blocks this process (the server's too)
  // for seconds on a busy host, long enough for an idle keep-alive connection to be reset.
  firstLesson();
}, 60_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const lesson = () => firstLesson();

async function newWorkshop(extra: Record<string, unknown> = {}) {
  const instructor = browser();
  const created = await instructor.post("/api/workshops", { title: "Edges", items: [{ lesson: lesson().slug }], ...extra });
  expect(created.status).toBe(201);
  const { code, instructorKey } = created.body as { code: string; instructorKey: string };
  expect((await instructor.post(`/api/workshops/${code}/instructor`, { key: instructorKey })).status).toBe(204);
  return { code, key: instructorKey as string, instructor };
}

async function learner(code: string, name: string) {
  const client = browser();
  const joined = await client.post(`/api/workshops/${code}/join`, { name });
  expect(joined.status).toBe(201);
  return { client, id: joined.body.learner.id as string };
}

function expectError(reply: Reply, status: number, code: string) {
  expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({ status, code });
  expect(reply.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(reply.body.error.message).toMatch(/^[A-Z"].{10,}[.)]$/);
}

describe("creating a workshop rejects bad input clearly", () => {
  const slug = () => lesson().slug;
  const cases: [string, () => { raw?: string; body?: unknown; headers?: Record<string, string> }, number, string][] = [
    ["malformed JSON", () => ({ raw: "{nope" }), 400, "invalid-json"],
    ["a JSON array", () => ({ raw: "[1]" }), 400, "invalid-body"],
    ["no title", () => ({ body: { items: [{ lesson: slug() }] } }), 400, "invalid-title"],
    ["a blank title", () => ({ body: { title: "   ", items: [{ lesson: slug() }] } }), 400, "invalid-title"],
    ["a 101-character title", () => ({ body: { title: "x".repeat(101), items: [{ lesson: slug() }] } }), 400, "invalid-title"],
    ["a title with a control character", () => ({ body: { title: "a\u0007b", items: [{ lesson: slug() }] } }), 400, "invalid-title"],
    ["no items", () => ({ body: { title: "t" } }), 400, "invalid-items"],
    ["empty items", () => ({ body: { title: "t", items: [] } }), 400, "invalid-items"],
    ["51 items", () => ({ body: { title: "t", items: Array.from({ length: 51 }, () => ({ lesson: slug() })) } }), 400, "invalid-items"],
    ["an item that is a string", () => ({ body: { title: "t", items: [slug()] } }), 400, "invalid-items"],
    ["a path as lesson", () => ({ body: { title: "t", items: [{ lesson: "../etc" }] } }), 400, "invalid-lesson"],
    ["an unknown lesson", () => ({ body: { title: "t", items: [{ lesson: "99-nothing" }] } }), 400, "unknown-lesson"],
    ["an unknown snippet", () => ({ body: { title: "t", items: [{ lesson: slug(), snippet: "no-such-snippet" }] } }), 400, "unknown-snippet"],
    ["an end in the past", () => ({ body: { title: "t", items: [{ lesson: slug() }], endsAt: "2001-01-01T00:00:00Z" } }), 400, "invalid-ends-at"],
    ["an end that is not a date", () => ({ body: { title: "t", items: [{ lesson: slug() }], endsAt: "tomorrow" } }), 400, "invalid-ends-at"],
    ["an end in 8 days", () => ({ body: { title: "t", items: [{ lesson: slug() }], endsAt: new Date(Date.now() + 8 * 86_400_000).toISOString() } }), 400, "invalid-ends-at"],
    ["a form post", () => ({ raw: "title=t", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415, "unsupported-media-type"],
    ["a body over 64 KiB", () => ({ body: { title: "t", items: [{ lesson: slug() }], pad: "x".repeat(70_000) } }), 413, "body-too-large"],
  ];
  for (const [what, init, status, code] of cases) {
    it(`${what} → ${status} ${code}`, async () => {
      expectError(await browser().call("/api/workshops", { method: "POST", ...init() }), status, code);
    });
  }

  it("limits how many workshops one address creates", async () => {
    const client = browser();
    for (let i = 0; i < 3; i++) expect((await client.post("/api/workshops", { title: `n${i}`, items: [{ lesson: slug() }] })).status).toBe(201);
    const limited = await client.post("/api/workshops", { title: "n3", items: [{ lesson: slug() }] });
    expectError(limited, 429, "rate-limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("answers 405 to other methods", async () => {
    expectError(await browser().call("/api/workshops", { method: "GET" }), 405, "method-not-allowed");
  });
});

describe("joining", () => {
  it("validates names and keeps them unique without regard to case or Unicode form", async () => {
    const { code } = await newWorkshop();
    for (const [name, why] of [["", "empty"], ["x".repeat(41), "41 characters"], ["a\u0000b", "NUL"], ["a\u202eb", "bidi override"], [42, "a number"]] as const) {
      const reply = await browser().post(`/api/workshops/${code}/join`, { name });
      expect(reply.status, why).toBe(400);
      expect(reply.body.error.code, why).toBe("invalid-name");
    }
    const first = await learner(code, "Zoë");
    expectError(await browser().post(`/api/workshops/${code}/join`, { name: "ZOE\u0308" }), 409, "name-taken");
    const again = await first.client.post(`/api/workshops/${code}/join`, { name: "Zoë" });
    expect(again.status).toBe(200);
    expect(again.body.learner.id).toBe(first.id);
  });

  it("sets an http-only, same-site, signed cookie that lasts", async () => {
    const { code } = await newWorkshop();
    const reply = await browser().post(`/api/workshops/${code}/join`, { name: "Ken" });
    const cookie = reply.headers.get("set-cookie")!;
    expect(cookie).toMatch(new RegExp(`^zmqp_l_${code}=${reply.body.learner.id}\\.[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000$`));
  });

  it("accepts a lower-case code and answers 404 to unknown or malformed codes", async () => {
    const { code } = await newWorkshop();
    expect((await browser().call(`/api/workshops/${code.toLowerCase()}`)).status).toBe(200);
    expectError(await browser().call("/api/workshops/ZZZZZZ"), 404, "workshop-not-found");
    expectError(await browser().call("/api/workshops/abc"), 404, "workshop-not-found");
    expectError(await browser().call("/api/workshops/%E0%A4%A"), 404, "workshop-not-found");
  });
});

describe("learners' requests", () => {
  it("reject bad activity, hands and stream ids", async () => {
    const { code } = await newWorkshop();
    const { client } = await learner(code, "Val");
    const slug = lesson().slug;
    const snippet = lesson().snippet.id;
    const big = "x".repeat(40 * 1024);
    const cases: [unknown, number, string][] = [
      [{}, 400, "invalid-type"],
      [{ type: "teleport" }, 400, "invalid-type"],
      [{ type: "location" }, 400, "invalid-lesson"],
      [{ type: "location", lesson: "99-nothing" }, 400, "unknown-lesson"],
      [{ type: "location", lesson: slug, anchor: "<script>" }, 400, "invalid-anchor"],
      [{ type: "run" }, 400, "invalid-run-id"],
      [{ type: "run", runId: "../../x" }, 400, "invalid-run-id"],
      [{ type: "run", runId: "nosuchrun" }, 404, "run-not-found"],
      [{ type: "code", lesson: slug, snippet, variant: "main", files: [] }, 400, "invalid-files"],
      [{ type: "code", lesson: slug, snippet, variant: "main", files: [{ name: "/etc/passwd", content: "" }] }, 400, "invalid-file-name"],
      [{ type: "code", lesson: slug, snippet, variant: "main", files: [{ name: "a.ts", content: 1 }] }, 400, "invalid-files"],
      [{ type: "code", lesson: slug, snippet, variant: "main", files: [{ name: "a.ts", content: "" }, { name: "a.ts", content: "" }] }, 400, "duplicate-file-name"],
      [{ type: "code", lesson: slug, snippet, variant: "main", files: [{ name: "a.ts", content: big }, { name: "b.ts", content: big }] }, 413, "code-too-large"],
      [{ type: "code", lesson: slug, snippet, variant: "m a i n", files: [{ name: "a.ts", content: "" }] }, 400, "invalid-variant"],
      [{ type: "code", lesson: slug, snippet, variant: "main", files: [{ name: "a.ts", content: "x".repeat(jsonBodyLimit(64 * 1024)) }] }, 413, "body-too-large"],
    ];
    for (const [body, status, code_] of cases) expectError(await client.post(`/api/workshops/${code}/activity`, body), status, code_);
    expectError(await client.post(`/api/workshops/${code}/hand`, {}), 400, "invalid-raised");
    expectError(await client.post(`/api/workshops/${code}/hand`, { raised: true, message: "x".repeat(281) }), 400, "invalid-message");
    expectError(await client.call(`/api/workshops/${code}/events`, { headers: { "last-event-id": "-1" } }), 400, "invalid-last-event-id");
    expectError(await client.call(`/api/workshops/${code}/events?lastEventId=abc`), 400, "invalid-last-event-id");
    expectError(await client.call(`/api/workshops/${code}/activity`), 405, "method-not-allowed");
  });

  it("need a valid cookie: none, a tampered one, or another workshop's → 401", async () => {
    const { code } = await newWorkshop();
    const other = await newWorkshop();
    const { client } = await learner(code, "Tam");
    expectError(await browser().call(`/api/workshops/${code}/me`), 401, "not-joined");
    const value = client.cookies.get(`zmqp_l_${code}`)!;
    const tampered = browser();
    tampered.cookies.set(`zmqp_l_${code}`, value.slice(0, -1) + (value.endsWith("A") ? "B" : "A"));
    expectError(await tampered.call(`/api/workshops/${code}/me`), 401, "not-joined");
    const forged = browser();
    forged.cookies.set(`zmqp_l_${code}`, `${"A".repeat(16)}.${value.split(".")[1]}`);
    expectError(await forged.call(`/api/workshops/${code}/me`), 401, "not-joined");
    const moved = browser();
    moved.cookies.set(`zmqp_l_${other.code}`, value);
    expectError(await moved.call(`/api/workshops/${other.code}/me`), 401, "not-joined");
    expectError(await tampered.post(`/api/workshops/${code}/activity`, { type: "location", lesson: lesson().slug }), 401, "not-joined");
    expect((await client.call(`/api/workshops/${code}/me`)).status).toBe(200);
  });

  it("see only their own hints and hands, on /me and on their stream", async () => {
    const { code, instructor } = await newWorkshop();
    const ada = await learner(code, "Ada");
    const bob = await learner(code, "Bob");
    const bobStream = await bob.client.stream(`/api/workshops/${code}/events`);
    await bobStream.next((e) => e.type === "hello");
    await instructor.post(`/api/workshops/${code}/learners/${ada.id}/hint`, { text: "only for Ada" });
    await instructor.post(`/api/workshops/${code}/focus`, { lesson: lesson().slug });
    await bobStream.next((e) => e.type === "focus");
    expect(bobStream.events.map((e) => e.type)).not.toContain("hint");
    const bobMe = await bob.client.call(`/api/workshops/${code}/me`);
    expect(bobMe.body.hints).toEqual([]);
    expect(JSON.stringify(bobMe.body)).not.toContain("only for Ada");
    expect(JSON.stringify(bobMe.body)).not.toContain(ada.id);
    expect((await ada.client.call(`/api/workshops/${code}/me`)).body.hints.map((h: { text: string }) => h.text)).toEqual(["only for Ada"]);
    bobStream.close();
  });

  it("cannot read the board, another learner, or act as the instructor", async () => {
    const { code, key } = await newWorkshop();
    const ada = await learner(code, "Ada");
    const bob = await learner(code, "Bob");
    const paths: [string, string, unknown?][] = [
      ["GET", `/api/workshops/${code}/board`],
      ["GET", `/api/workshops/${code}/board/events`],
      ["GET", `/api/workshops/${code}/learners/${ada.id}`],
      ["GET", `/api/workshops/${code}/export.csv`],
      ["POST", `/api/workshops/${code}/focus`, { lesson: lesson().slug }],
      ["POST", `/api/workshops/${code}/broadcasts`, { lesson: lesson().slug, snippet: lesson().snippet.id, files: [{ name: "main.ts", content: "" }] }],
      ["POST", `/api/workshops/${code}/learners/${ada.id}/hint`, { text: "hi" }],
      ["POST", `/api/workshops/${code}/learners/${ada.id}/hand`, { raised: false }],
      ["POST", `/api/workshops/${code}/end`, {}],
    ];
    for (const [method, path, body] of paths) {
      expectError(await bob.client.call(path, { method, body }), 401, "not-instructor");
      expectError(await bob.client.call(path, { method, body, headers: { authorization: `Bearer ${key.slice(0, -2)}xx` } }), 403, "wrong-key");
    }
    expect((await bob.client.call(`/api/workshops/${code}/board`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    expectError(await bob.client.post(`/api/workshops/${code}/instructor`, { key: "guess" }), 403, "wrong-key");
    expectError(await bob.client.post(`/api/workshops/${code}/instructor`, {}), 400, "invalid-key");
    const stolen = browser();
    stolen.cookies.set(`zmqp_i_${code}`, "x".repeat(43));
    expectError(await stolen.call(`/api/workshops/${code}/board`), 401, "not-instructor");
  });

  it("may have a few streams open, not more", async () => {
    const { code } = await newWorkshop();
    const { client } = await learner(code, "Tabs");
    const streams = [];
    for (let i = 0; i < 4; i++) {
      const stream = await client.stream(`/api/workshops/${code}/events`);
      expect(stream.status).toBe(200);
      await stream.next((e) => e.type === "hello");
      streams.push(stream);
    }
    const fifth = await client.call(`/api/workshops/${code}/events`);
    expectError(fifth, 429, "too-many-streams");
    streams.pop()!.close();
    await expect.poll(async () => (await client.stream(`/api/workshops/${code}/events`).then((s) => (s.close(), s.status)))).toBe(200);
    for (const stream of streams) stream.close();
  });
});

describe("the instructor's requests", () => {
  it("reject bad bodies and unknown learners", async () => {
    const { code, instructor } = await newWorkshop();
    const { id } = await learner(code, "Ann");
    const slug = lesson().slug;
    const snippet = lesson().snippet.id;
    const file = [{ name: "main.ts", content: "" }];
    const cases: [string, unknown, number, string][] = [
      ["focus", {}, 400, "invalid-lesson"],
      ["focus", { lesson: slug, anchor: "a b" }, 400, "invalid-anchor"],
      ["broadcasts", { lesson: slug, files: file }, 400, "invalid-snippet"],
      ["broadcasts", { lesson: slug, snippet: "nope", files: file }, 400, "unknown-snippet"],
      ["broadcasts", { lesson: slug, snippet, files: "main.ts" }, 400, "invalid-files"],
      ["broadcasts", { lesson: slug, snippet, files: file, processes: {} }, 400, "invalid-processes"],
      // Broadcast processes are checked as runs are: with the run API's codes and limits.
      ["broadcasts", { lesson: slug, snippet, files: file, processes: [{ name: "p", entry: "other.ts" }] }, 400, "unknown-entry"],
      ["broadcasts", { lesson: slug, snippet, files: file, processes: [{ name: "p", entry: "main.ts", delayMs: -5 }] }, 400, "invalid-delay"],
      ["broadcasts", { lesson: slug, snippet, files: file, processes: [{ name: "p", entry: "main.ts", delayMs: 7000 }] }, 400, "invalid-delay"],
      ["broadcasts", { lesson: slug, snippet, files: file, title: "" }, 400, "invalid-title"],
      [`learners/${id}/hint`, { text: "" }, 400, "invalid-text"],
      [`learners/${id}/hint`, { text: "x".repeat(1001) }, 400, "invalid-text"],
      [`learners/${id}/hand`, { raised: true }, 400, "invalid-raised"],
      [`learners/AAAAAAAAAAAAAAAA/hint`, { text: "hi" }, 404, "learner-not-found"],
      [`learners/AAAAAAAAAAAAAAAA/hand`, { raised: false }, 404, "learner-not-found"],
    ];
    for (const [path, body, status, code_] of cases) expectError(await instructor.post(`/api/workshops/${code}/${path}`, body), status, code_);
    expectError(await instructor.call(`/api/workshops/${code}/learners/AAAAAAAAAAAAAAAA`), 404, "learner-not-found");
    expectError(await instructor.call(`/api/workshops/${code}/nothing-here`), 404, "not-found");
    const hint = await instructor.post(`/api/workshops/${code}/learners/${id}/hint`, { text: "Line one\nline two" });
    expect(hint.status).toBe(201);
    expect(hint.body.text).toBe("Line one\nline two");
  });

  it("make one-time links that sign the instructor in on another device, once, and never a learner", async () => {
    const { code, instructor } = await newWorkshop();
    const made = await instructor.post(`/api/workshops/${code}/handoff`, {});
    expect(made.status).toBe(201);
    expect(made.body.path).toMatch(new RegExp(`^/w/${code}/instructor#handoff=[A-Za-z0-9_-]{43}$`));
    expect(Date.parse(made.body.expiresAt)).toBeGreaterThan(Date.now());
    const token = (made.body.path as string).split("#handoff=")[1]!;
    // A learner (or anyone) cannot make one.
    const ann = await learner(code, "Ann");
    expectError(await ann.client.post(`/api/workshops/${code}/handoff`, {}), 401, "not-instructor");
    // Another device: the token signs it in once.
    const phone = browser();
    expectError(await phone.call(`/api/workshops/${code}/board`), 401, "not-instructor");
    expect((await phone.post(`/api/workshops/${code}/instructor`, { handoff: token })).status).toBe(204);
    expect((await phone.call(`/api/workshops/${code}/board`)).status).toBe(200);
    const again = browser();
    expectError(await again.post(`/api/workshops/${code}/instructor`, { handoff: token }), 403, "handoff-used");
    // Not in another workshop either, and malformed tokens are a 400.
    const other = await newWorkshop();
    const second = (await instructor.post(`/api/workshops/${code}/handoff`, {})).body.path.split("#handoff=")[1];
    expectError(await again.post(`/api/workshops/${other.code}/instructor`, { handoff: second }), 403, "handoff-used");
    expect((await again.post(`/api/workshops/${code}/instructor`, { handoff: second })).status).toBe(204);
    expectError(await again.post(`/api/workshops/${code}/instructor`, { handoff: "short" }), 400, "invalid-handoff");
    expectError(await again.post(`/api/workshops/${code}/instructor`, { handoff: second, key: "x" }), 400, "invalid-key");
    expectError(await again.post(`/api/workshops/${code}/instructor`, { handoff: 42 }), 400, "invalid-handoff");
  });

  it("exports a CSV that spreadsheets cannot run", async () => {
    const { code, key } = await newWorkshop();
    await learner(code, "=HYPERLINK(\"http://evil\")");
    await learner(code, "O'Brien, Pat");
    const csv = await new Client(server.url).call(`/api/workshops/${code}/export.csv`, { headers: { authorization: `Bearer ${key}` } });
    expect(csv.status).toBe(200);
    const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("name,joined at,runs,last status,exercises passed,exercises,hand raised");
    expect(lines.some((l) => l.startsWith(`"'=HYPERLINK(""http://evil"")",`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`"O'Brien, Pat",`))).toBe(true);
    expect(lines.at(-1)).toBe("");
  });
});

describe("unknown codes and wrong keys are rate-limited per address", () => {
  it("refuses everything from an address out of misses, except requests carrying this workshop's cookie", async () => {
    const { code } = await newWorkshop();
    const member = await learner(code, "Member");
    const attacker = browser();
    for (let i = 0; i < 20; i++) expect((await attacker.call(`/api/workshops/ZZZZ${String(i).padStart(2, "2").replace(/[01]/g, "2")}`)).status).toBe(404);
    const limited = await attacker.call(`/api/workshops/ZZZZZZ`);
    expectError(limited, 429, "rate-limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expectError(await attacker.call(`/api/workshops/${code}`), 429, "rate-limited");
    expectError(await attacker.post(`/api/workshops/${code}/join`, { name: "Sneaky" }), 429, "rate-limited");
    // A made-up instructor cookie does not lift the limit (else a 200 would tell a real code from a 429).
    attacker.cookies.set(`zmqp_i_${code}`, "x".repeat(43));
    expectError(await attacker.call(`/api/workshops/${code}`), 429, "rate-limited");
    // Same address (a classroom behind one NAT), but with a valid cookie: still served.
    const sameAddress = new Client(server.url, { "x-forwarded-for": (attacker as unknown as { extraHeaders: Record<string, string> }).extraHeaders["x-forwarded-for"]! });
    for (const [k, v] of member.client.cookies) sameAddress.cookies.set(k, v);
    expect((await sameAddress.call(`/api/workshops/${code}/me`)).status).toBe(200);
  });

  it("counts wrong instructor keys as misses", async () => {
    const { code } = await newWorkshop();
    const guesser = browser();
    for (let i = 0; i < 20; i++) expect((await guesser.post(`/api/workshops/${code}/instructor`, { key: `guess-${i}` })).status).toBe(403);
    expectError(await guesser.post(`/api/workshops/${code}/instructor`, { key: "guess" }), 429, "rate-limited");
  });
});

describe("a workshop with an end time", () => {
  it("ends by itself once the time has passed: learners hear `ended`, joins get 410", async () => {
    const { code, instructor } = await newWorkshop({ endsAt: new Date(Date.now() + 3_600_000).toISOString() });
    const { client } = await learner(code, "Timely");
    const stream = await client.stream(`/api/workshops/${code}/events`);
    await stream.next((e) => e.type === "hello");
    const board = await instructor.stream(`/api/workshops/${code}/board/events`);
    await board.next((e) => e.type === "hello");
    await server.service.db.query("update workshops set ends_at = now() - interval '1 second' where code = $1", [code]);
    await server.service.sweep();
    const ended = await stream.next((e) => e.type === "ended");
    expect(Date.parse(ended.data.at)).toBeLessThanOrEqual(Date.now());
    expect((await board.next((e) => e.type === "workshop")).data.endedAt).toBe(ended.data.at);
    expectError(await browser().post(`/api/workshops/${code}/join`, { name: "Late" }), 410, "workshop-ended");
    expectError(await client.post(`/api/workshops/${code}/hand`, { raised: true }), 410, "workshop-ended");
    expectError(await instructor.post(`/api/workshops/${code}/focus`, { lesson: lesson().slug }), 410, "workshop-ended");
    expect((await instructor.call(`/api/workshops/${code}/export.csv`)).status).toBe(200);
    stream.close();
    board.close();
  });
});

describe("event streams", () => {
  it("say retry: 1000, start with hello, and replay exactly what was missed after Last-Event-ID", async () => {
    const { code, instructor } = await newWorkshop();
    const { client, id } = await learner(code, "Replay");
    const first = await client.stream(`/api/workshops/${code}/events`);
    const hello = await first.next((e) => e.type === "hello");
    expect(first.retry).toBe(1000);
    expect(hello.data.learner).toEqual({ id, name: "Replay" });
    expect(hello.id).toBe(hello.data.lastEventId);
    await instructor.post(`/api/workshops/${code}/learners/${id}/hint`, { text: "one" });
    const one = await first.next((e) => e.type === "hint");
    first.close();
    await instructor.post(`/api/workshops/${code}/learners/${id}/hint`, { text: "two" });
    await instructor.post(`/api/workshops/${code}/focus`, { lesson: lesson().slug, anchor: "x" });
    const resumed = await client.stream(`/api/workshops/${code}/events`, { lastEventId: one.id });
    await resumed.next((e) => e.type === "workshop");
    await instructor.post(`/api/workshops/${code}/learners/${id}/hint`, { text: "three" });
    await resumed.next((e) => e.type === "hint" && e.data.text === "three");
    expect(resumed.events.map((e) => (e.type === "hint" ? `hint:${e.data.text}` : e.type))).toEqual(["hint:two", "focus", "workshop", "hint:three"]);
    const ids = resumed.events.map((e) => e.id);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    expect(ids[0]).toBeGreaterThan(one.id);
    resumed.close();
    const byQuery = await client.stream(`/api/workshops/${code}/events?lastEventId=${one.id}`);
    await byQuery.next((e) => e.type === "hint" && e.data.text === "three");
    expect(byQuery.events.map((e) => e.id)).toEqual(ids);
    byQuery.close();
  });

  it("bring a learner's activity to the board, with the learner's stream making them online", async () => {
    const { code, instructor } = await newWorkshop();
    const board = await instructor.stream(`/api/workshops/${code}/board/events`);
    await board.next((e) => e.type === "hello");
    const { client, id } = await learner(code, "Live");
    const stream = await client.stream(`/api/workshops/${code}/events`);
    await stream.next((e) => e.type === "hello");
    await client.post(`/api/workshops/${code}/activity`, { type: "location", lesson: lesson().slug, anchor: "here" });
    const tile = await board.next((e) => e.type === "learner" && e.data.location?.anchor === "here");
    expect(tile.data).toMatchObject({ id, name: "Live", online: true });
    const from = board.events.length;
    stream.close();
    // Closing the last tab shows them offline at once (recent activity does not keep a leaver online)…
    const left = await board.next((e) => e.type === "learner" && e.data.id === id, from);
    expect(left.data.online).toBe(false);
    // …and coming back online again.
    const before = board.events.length;
    const again = await client.stream(`/api/workshops/${code}/events`);
    await again.next((e) => e.type === "hello");
    const back = await board.next((e) => e.type === "learner" && e.data.id === id && e.data.online === true, before);
    expect(back.data.name).toBe("Live");
    again.close();
    board.close();
  });
});
