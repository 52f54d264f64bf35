import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, readEvents, request, runToEnd, startRunner, type TestServer } from "./harness";

let server: TestServer;
beforeAll(async () => {
  server = await startRunner();
});
afterAll(() => server.close());

const REQ_REP = `
import * as zmq from "zeromq";
const rep = new zmq.Reply();
await rep.bind("tcp://127.0.0.1:5555");
const req = new zmq.Request();
req.connect("tcp://127.0.0.1:5555");
await req.send("Hello");
const [question] = await rep.receive();
await rep.send(question.toString() + ", World");
const [answer] = await req.receive();
console.log(answer.toString());
req.close();
rep.close();
`;

describe("runs", () => {
  it("runs a REQ/REP program with the real zeromq and ends ok", async () => {
    const { events, end, output } = await runToEnd(server.url, main(REQ_REP));
    expect(output("main")).toBe("Hello, World\n");
    expect(end.status).toBe("ok");
    expect(events.map((e) => e.type)).toEqual(["start", "stdout", "exit", "end"]);
    expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(events[2]!.data).toMatchObject({ process: "main", code: 0, signal: null });
  });

  it("lets two runs bind tcp://127.0.0.1:5555 at the same time", async () => {
    const code = REQ_REP.replace("console.log(answer.toString());", "await new Promise((r) => setTimeout(r, 500));\nconsole.log(answer.toString());");
    const [a, b] = await Promise.all([runToEnd(server.url, main(code)), runToEnd(server.url, main(code))]);
    expect([a.end.status, b.end.status]).toEqual(["ok", "ok"]);
    expect(a.output("main")).toBe("Hello, World\n");
    expect(b.output("main")).toBe("Hello, World\n");
  });

  it("runs a server and a client as two labelled processes that talk over loopback", async () => {
    const { events, end, output } = await runToEnd(server.url, {
      files: {
        "common.ts": `export const ADDRESS: string = "tcp://localhost:5555";`,
        "server.ts": `import * as zmq from "zeromq";
import { ADDRESS } from "./common";
const rep = new zmq.Reply();
await rep.bind(ADDRESS);
for (let i = 0; i < 3; i++) {
  const [msg] = await rep.receive();
  console.log("server got", msg.toString());
  await rep.send("World " + i);
}
rep.close();`,
        "client.ts": `import * as zmq from "zeromq";
import { ADDRESS } from "./common.js";
const req = new zmq.Request();
req.connect(ADDRESS);
for (let i = 0; i < 3; i++) {
  await req.send("Hello " + i);
  const [reply] = await req.receive();
  console.log("client got", reply.toString());
}
console.error("client done");
req.close();`,
      },
      processes: [
        { name: "server", entry: "server.ts" },
        { name: "client", entry: "client.ts", delayMs: 200 },
      ],
    });
    expect(end.status).toBe("ok");
    expect(output("server")).toBe("server got Hello 0\nserver got Hello 1\nserver got Hello 2\n");
    expect(output("client")).toBe("client got World 0\nclient got World 1\nclient got World 2\n");
    expect(output("client", "stderr")).toBe("client done\n");
    const starts = events.filter((e) => e.type === "start").map((e) => e.data.process);
    expect(starts).toEqual(["server", "client"]);
    const exits = events.filter((e) => e.type === "exit");
    expect(exits.map((e) => e.data.code)).toEqual([0, 0]);
  });

  it("stops a run within 1 s of POST /stop and keeps what was printed", async () => {
    const started = await request(server.url, "/api/runs", {
      body: main(`console.log("started"); setInterval(() => {}, 1000);`, 30_000),
    });
    const id = started.body.id;
    const events = await readEvents(server.url, id, { until: (e) => e.type === "stdout" });
    expect(events.at(-1)!.data.data).toBe("started\n");
    const asked = Date.now();
    const stop = await request(server.url, `/api/runs/${id}/stop`, { method: "POST" });
    expect(stop).toMatchObject({ status: 200, body: { status: "stopping" } });
    const rest = await readEvents(server.url, id, { lastEventId: events.at(-1)!.id });
    expect(Date.now() - asked).toBeLessThan(1000);
    expect(rest.at(-1)!.data.status).toBe("stopped");
    const again = await request(server.url, `/api/runs/${id}/stop`, { method: "POST" });
    expect(again).toMatchObject({ status: 200, body: { status: "ended" } });
  });

  it("writes to a process's stdin and closes it", async () => {
    const started = await request(server.url, "/api/runs", {
      body: main(`
import { createInterface } from "node:readline";
console.log("ready");
const lines = createInterface({ input: process.stdin });
for await (const line of lines) console.log("echo:", line.toUpperCase());
console.log("stdin closed");`),
    });
    const id = started.body.id;
    const seen = await readEvents(server.url, id, { until: (e) => e.type === "stdout" });
    expect(await request(server.url, `/api/runs/${id}/stdin`, { body: { process: "main", data: "hello\nzmq\n" } })).toMatchObject({ status: 200 });
    expect(await request(server.url, `/api/runs/${id}/stdin`, { body: { process: "main", eof: true } })).toMatchObject({ status: 200 });
    const rest = await readEvents(server.url, id, { lastEventId: seen.at(-1)!.id });
    const text = rest.filter((e) => e.type === "stdout").map((e) => e.data.data).join("");
    expect(text).toBe("echo: HELLO\necho: ZMQ\nstdin closed\n");
    expect(rest.at(-1)!.data.status).toBe("ok");
    const late = await request(server.url, `/api/runs/${id}/stdin`, { body: { process: "main", data: "x" } });
    expect(late).toMatchObject({ status: 409, body: { error: { code: "run-ended" } } });
  });

  it("replays only the events after Last-Event-ID, during and after the run", async () => {
    const { id, events } = await runToEnd(server.url, main(`for (let i = 0; i < 5; i++) { console.log("line " + i); await new Promise((r) => setTimeout(r, 20)); }`));
    expect(events.length).toBeGreaterThan(4);
    for (const after of [0, 2, events.length - 1]) {
      const replay = await readEvents(server.url, id, { lastEventId: after });
      expect(replay).toEqual(events.slice(after));
    }
    // EventSource cannot set headers on its first request: the query parameter works too.
    const viaQuery = await fetch(`${server.url}/api/runs/${id}/events?lastEventId=${events.length - 1}`).then((r) => r.text());
    expect(viaQuery).toContain(`id: ${events.length}\nevent: end\n`);
    expect(viaQuery).not.toContain(`id: ${events.length - 1}\n`);
  });

  it("reports a compile error as the learner's error with file, line and column", async () => {
    const { end, output } = await runToEnd(server.url, {
      files: { "main.ts": `import { greet } from "./util";\ngreet();`, "util.ts": `export function greet() {\n  const x: number = ;\n}` },
    });
    expect(end.status).toBe("failed");
    expect(end.errors).toEqual([expect.objectContaining({ file: "util.ts", line: 2, column: 21 })]);
    expect(end.message).toContain("util.ts:2:21");
    expect(output("main", "stderr")).toContain("util.ts:2:21: error:");
  });

  it("refuses imports of packages that are not available, naming them", async () => {
    const { end } = await runToEnd(server.url, main(`import _ from "lodash";\nconsole.log(_);`));
    expect(end.status).toBe("failed");
    expect(end.message).toMatch(/main\.ts:1:\d+: Cannot import "lodash"/);
  });

  it("maps runtime stack traces back to the learner's TypeScript", async () => {
    const { end, output } = await runToEnd(server.url, main(`type T = { a: number };\nconst t: T = { a: 1 };\nthrow new Error("boom " + t.a);`));
    expect(end).toMatchObject({ status: "failed", message: `"main" failed: Error: boom 1 (main.ts:3:7).` });
    expect(output("main", "stderr")).toContain("/code/main.ts:3");
  });

  it("emits one blocked event when REQ and REP both wait in receive()", async () => {
    const { events, end } = await runToEnd(server.url, main(`
import * as zmq from "zeromq";
const rep = new zmq.Reply();
await rep.bind("tcp://127.0.0.1:5555");
const req = new zmq.Request();
req.connect("tcp://127.0.0.1:5555");
console.log("both sides now wait to receive");
await Promise.all([rep.receive(), req.receive()]);`, 5_000));
    const blocked = events.filter((e) => e.type === "blocked");
    expect(blocked).toHaveLength(1);
    expect(blocked[0]!.data).toMatchObject({ processes: ["main"], idleMs: expect.any(Number) });
    expect(blocked[0]!.data.message).toMatch(/waiting/);
    expect(end.status).toBe("timeout");
    expect(end.message).toContain("5 s");
    // The limit as a number too, for a page that says it in its own language.
    expect(end.limit).toBe(5_000);
  });

  it("does not call a busy or chatty program blocked", async () => {
    const { events, end } = await runToEnd(server.url, main(`
const until = Date.now() + 2600;
while (Date.now() < until) {}
for (let i = 0; i < 6; i++) { console.log(i); await new Promise((r) => setTimeout(r, 400)); }`));
    expect(end.status).toBe("ok");
    expect(events.filter((e) => e.type === "blocked")).toEqual([]);
  });

  it("keeps UTF-8 and ANSI colours intact", async () => {
    const { output } = await runToEnd(server.url, main(`process.stdout.write("\\u001b[32m✓ 성공\\u001b[0m 🎉\\n");`));
    expect(output("main")).toBe("\u001b[32m✓ 성공\u001b[0m 🎉\n");
  });

  it("logs one structured line per run", async () => {
    const before = server.logs.length;
    const { id } = await runToEnd(server.url, main(`console.log(1)`));
    const lines = server.logs.slice(before).filter((line) => line.id === id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: "run ended", status: "ok", processes: 1, durationMs: expect.any(Number), queuedMs: expect.any(Number) });
  });
});
