/**
 * Socket traces ("trace": true) and the hand on a running run (kill, restart),
 * through the real runner: real sandbox, real zeromq, real HTTP and SSE.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEvents, request, runToEnd, startRunner, type AnyEvent, type RunBody, type TestServer } from "./harness";

let server: TestServer;
let capped: TestServer;
beforeAll(async () => {
  [server, capped] = await Promise.all([
    startRunner({ ratePerMinute: 0, addressRatePerMinute: 0 }),
    startRunner({ ratePerMinute: 0, addressRatePerMinute: 0, traceEvents: 20 }),
  ]);
});
afterAll(() => Promise.all([server.close(), capped.close()]));

type Trace = { process?: string; socket?: string; op: string; at: number; [key: string]: any };

const traced = (body: RunBody) => ({ ...body, trace: true }) as RunBody;
const traceOf = (events: AnyEvent[]): Trace[] => events.filter((e) => e.type === "trace").map((e) => e.data);

/** A process's socket operations in order, without times (which vary), `sent` reduced to its socket. */
function operations(trace: Trace[], process: string, skip = ["event", "wait"]) {
  return trace
    .filter((t) => t.process === process && !skip.includes(t.op))
    .map(({ at: _at, since: _since, process: _p, sent, ...rest }) => (sent ? { ...rest, sent: sent.socket } : rest));
}

/** Every `sent` names a send of that socket at that time, with the same message (give or take an envelope). */
function expectPairsPointAtSends(trace: Trace[]) {
  for (const receive of trace.filter((t) => t.op === "receive" && t.sent)) {
    const send = trace.find((t) => t.op === "send" && t.socket === receive.sent.socket && t.at === receive.sent.at);
    expect(send, `the send of ${JSON.stringify(receive)}`).toBeDefined();
    const body = (frames: any[]) => frames.at(-1);
    expect(body(send!.frames)).toEqual(body(receive.frames));
  }
}

const text = (t: string) => ({ size: Buffer.byteLength(t), text: t });

const HELLO: RunBody = {
  files: {
    "server.ts": `import * as zmq from "zeromq";
const rep = new zmq.Reply();
await rep.bind("tcp://127.0.0.1:5555");
const [request] = await rep.receive();
console.log("server got", request.toString());
await rep.send("World");
rep.close();`,
    "client.ts": `import * as zmq from "zeromq";
const req = new zmq.Request();
req.connect("tcp://127.0.0.1:5555");
await req.send("Hello");
const [reply] = await req.receive();
console.log("client got", reply.toString());
req.close();`,
  },
  processes: [
    { name: "server", entry: "server.ts" },
    { name: "client", entry: "client.ts", delayMs: 300 },
  ],
};

describe("socket traces", () => {
  it("show REQ/REP hello across two processes, each receive paired with its send", async () => {
    const { events, end, output } = await runToEnd(server.url, traced(HELLO));
    expect(end.status).toBe("ok");
    expect(output("server")).toBe("server got Hello\n");
    const trace = traceOf(events);
    expect(operations(trace, "server")).toEqual([
      { socket: "server/1", type: "REP", op: "open" },
      { socket: "server/1", op: "bind", endpoint: "tcp://127.0.0.1:5555" },
      { socket: "server/1", op: "receive", frames: [text("Hello")], sent: "client/1" },
      { socket: "server/1", op: "send", frames: [text("World")] },
      { socket: "server/1", op: "close" },
    ]);
    expect(operations(trace, "client")).toEqual([
      { socket: "client/1", type: "REQ", op: "open" },
      { socket: "client/1", op: "connect", endpoint: "tcp://127.0.0.1:5555" },
      { socket: "client/1", op: "send", frames: [text("Hello")] },
      { socket: "client/1", op: "receive", frames: [text("World")], sent: "server/1" },
      { socket: "client/1", op: "close" },
    ]);
    expectPairsPointAtSends(trace);
    const eventsOf = (process: string) => trace.filter((t) => t.process === process && t.op === "event").map((t) => t.event);
    expect(eventsOf("server")).toEqual(expect.arrayContaining(["accept", "handshake"]));
    expect(eventsOf("client")).toEqual(expect.arrayContaining(["connect", "handshake"]));
    // One clock: the request is received after it was sent, the reply after the request.
    const at = (process: string, op: string) => trace.find((t) => t.process === process && t.op === op)!.at;
    expect(at("client", "send")).toBeLessThanOrEqual(at("server", "receive"));
    expect(at("server", "send")).toBeLessThanOrEqual(at("client", "receive"));
    // The trace of a process comes before the output it printed after it.
    const index = (predicate: (e: AnyEvent) => boolean) => events.findIndex(predicate);
    expect(index((e) => e.type === "trace" && e.data.process === "server" && e.data.op === "receive")).toBeLessThan(
      index((e) => e.type === "stdout" && e.data.process === "server"),
    );
  });

  it("show a late subscriber missing what was published before it joined", async () => {
    const { events, end, output } = await runToEnd(
      server.url,
      traced({
        files: {
          "publisher.ts": `import * as zmq from "zeromq";
const pub = new zmq.Publisher();
await pub.bind("tcp://127.0.0.1:5556");
for (let i = 1; i <= 40; i++) {
  await pub.send("tick " + i);
  await new Promise((resolve) => setTimeout(resolve, 25));
}
pub.close();`,
          "subscriber.ts": `import * as zmq from "zeromq";
const sub = new zmq.Subscriber();
sub.connect("tcp://127.0.0.1:5556");
sub.subscribe("tick");
for (let n = 0; n < 5; n++) {
  const [message] = await sub.receive();
  console.log(message.toString());
}
sub.close();`,
        },
        processes: [
          { name: "publisher", entry: "publisher.ts" },
          { name: "subscriber", entry: "subscriber.ts", delayMs: 300 },
        ],
      }),
    );
    expect(end.status).toBe("ok");
    const trace = traceOf(events);
    const sends = trace.filter((t) => t.process === "publisher" && t.op === "send");
    expect(sends.map((t) => t.frames[0].text)).toEqual(Array.from({ length: 40 }, (_, i) => `tick ${i + 1}`));
    const receives = trace.filter((t) => t.process === "subscriber" && t.op === "receive");
    const got = output("subscriber").trim().split("\n");
    expect(receives.map((t) => t.frames[0].text)).toEqual(got);
    // Every receive came from the publisher's send of the same text …
    for (const receive of receives) {
      expect(receive.sent.socket).toBe("publisher/1");
      expect(sends.find((t) => t.at === receive.sent.at)!.frames).toEqual(receive.frames);
    }
    // … and the first ticks, sent before the subscriber was there, were never received.
    const first = Number(got[0]!.split(" ")[1]);
    expect(first).toBeGreaterThan(1);
    const paired = new Set(receives.map((t) => t.sent.at));
    expect(sends.slice(0, first - 1).some((t) => paired.has(t.at))).toBe(false);
    expect(operations(trace, "subscriber").slice(0, 2)).toEqual([
      { socket: "subscriber/1", type: "SUB", op: "open" },
      { socket: "subscriber/1", op: "connect", endpoint: "tcp://127.0.0.1:5556" },
    ]);
  });

  it("show a ROUTER/DEALER broker's envelopes, over tcp:// and ipc://, with a zeromq 5 client", async () => {
    const { events, end, output } = await runToEnd(
      server.url,
      traced({
        files: {
          "broker.ts": `import * as zmq from "zeromq";
const frontend = new zmq.Router();
const backend = new zmq.Dealer();
await frontend.bind("tcp://127.0.0.1:5559");
await backend.bind("ipc:///tmp/backend");
const request = await frontend.receive();
await backend.send(request);
const reply = await backend.receive();
await frontend.send(reply);
frontend.close();
backend.close();`,
          "worker.ts": `import * as zmq from "zeromq";
const rep = new zmq.Reply();
rep.connect("ipc:///tmp/backend");
const [request] = await rep.receive();
await rep.send(request.toString() + ", World");
rep.close();`,
          "client.js": `const zmq = require("zeromq/v5-compat");
const req = zmq.socket("req");
req.connect("tcp://127.0.0.1:5559");
req.on("message", (reply) => {
  console.log(reply.toString());
  req.close();
});
req.send("Hello");`,
        },
        processes: [
          { name: "broker", entry: "broker.ts" },
          { name: "worker", entry: "worker.ts", delayMs: 200 },
          { name: "client", entry: "client.js", delayMs: 400 },
        ],
      }),
    );
    expect(end.status).toBe("ok");
    expect(output("client")).toBe("Hello, World\n");
    const trace = traceOf(events);
    const identity = trace.find((t) => t.socket === "broker/1" && t.op === "receive")!.frames[0];
    expect(identity).toMatchObject({ size: 5, hex: expect.stringMatching(/^00[0-9a-f]{8}$/) });
    const envelope = [identity, text("")];
    expect(operations(trace, "broker")).toEqual([
      { socket: "broker/1", type: "ROUTER", op: "open" },
      { socket: "broker/1", op: "bind", endpoint: "tcp://127.0.0.1:5559" },
      { socket: "broker/2", type: "DEALER", op: "open" },
      { socket: "broker/2", op: "bind", endpoint: "ipc:///tmp/backend" },
      { socket: "broker/1", op: "receive", frames: [...envelope, text("Hello")], sent: "client/1" },
      { socket: "broker/2", op: "send", frames: [...envelope, text("Hello")] },
      { socket: "broker/2", op: "receive", frames: [...envelope, text("Hello, World")], sent: "worker/1" },
      { socket: "broker/1", op: "send", frames: [...envelope, text("Hello, World")] },
      { socket: "broker/1", op: "close" },
      { socket: "broker/2", op: "close" },
    ]);
    expect(operations(trace, "worker")).toEqual([
      { socket: "worker/1", type: "REP", op: "open" },
      { socket: "worker/1", op: "connect", endpoint: "ipc:///tmp/backend" },
      { socket: "worker/1", op: "receive", frames: [text("Hello")], sent: "broker/2" },
      { socket: "worker/1", op: "send", frames: [text("Hello, World")] },
      { socket: "worker/1", op: "close" },
    ]);
    expect(operations(trace, "client")).toEqual([
      { socket: "client/1", type: "REQ", op: "open" },
      { socket: "client/1", op: "connect", endpoint: "tcp://127.0.0.1:5559" },
      { socket: "client/1", op: "send", frames: [text("Hello")] },
      { socket: "client/1", op: "receive", frames: [text("Hello, World")], sent: "broker/1" },
      { socket: "client/1", op: "close" },
    ]);
    expectPairsPointAtSends(trace);
  });

  it("show a deadlock as both sides waiting to receive", async () => {
    const { events, end } = await runToEnd(
      server.url,
      traced({
        files: {
          "server.ts": `import * as zmq from "zeromq";
const rep = new zmq.Reply();
await rep.bind("tcp://127.0.0.1:5557");
const [request] = await rep.receive();
// The bug: it waits for another request instead of replying.
await rep.receive();`,
          "client.ts": `import * as zmq from "zeromq";
const req = new zmq.Request();
req.connect("tcp://127.0.0.1:5557");
await req.send("Hello");
await req.receive();`,
        },
        processes: [
          { name: "server", entry: "server.ts" },
          { name: "client", entry: "client.ts", delayMs: 200 },
        ],
        timeoutMs: 5_000,
      }),
    );
    expect(end.status).toBe("timeout");
    expect(events.some((e) => e.type === "blocked")).toBe(true);
    const trace = traceOf(events);
    const last = (process: string) => operations(trace, process, ["event"]).at(-1);
    expect(last("server")).toEqual({ socket: "server/1", op: "wait", for: "receive" });
    expect(last("client")).toEqual({ socket: "client/1", op: "wait", for: "receive" });
    expect(operations(trace, "server")).toContainEqual({ socket: "server/1", op: "receive", frames: [text("Hello")], sent: "client/1" });
  });

  it("show a CURVE mismatch as a failed handshake, and no message", async () => {
    const { events, end, output } = await runToEnd(
      server.url,
      traced({
        files: {
          "server.ts": `import * as zmq from "zeromq";
const keys = zmq.curveKeyPair();
const rep = new zmq.Reply({ curveServer: true, curveSecretKey: keys.secretKey });
await rep.bind("tcp://127.0.0.1:5558");
setTimeout(() => rep.close(), 800);
for await (const [request] of rep) console.log("got", request.toString());`,
          "client.ts": `import * as zmq from "zeromq";
const req = new zmq.Request({ receiveTimeout: 400, linger: 0 });
req.connect("tcp://127.0.0.1:5558");
await req.send("Hello");
try {
  await req.receive();
} catch (error) {
  console.log("no reply:", (error as { code?: string }).code);
}
req.close();`,
        },
        processes: [
          { name: "server", entry: "server.ts" },
          { name: "client", entry: "client.ts", delayMs: 200 },
        ],
      }),
    );
    expect(end.status).toBe("ok");
    expect(output("client")).toBe("no reply: EAGAIN\n");
    const trace = traceOf(events);
    // The client's side of a failed handshake: libzmq reports the mechanism mismatch, or, when the
    // server drops the connection first, a broken pipe (which one depends on timing).
    const clientFailures = trace.filter((t) => t.process === "client" && t.socket === "client/1" && t.op === "event" && String(t.event).startsWith("handshake:error"));
    expect(clientFailures.length).toBeGreaterThan(0);
    for (const failure of clientFailures) {
      expect(failure).toMatchObject({ endpoint: "tcp://127.0.0.1:5558" });
      expect(["ERR_ZMTP_MECHANISM_MISMATCH", "EPIPE", "ECONNRESET"]).toContain(failure.error);
    }
    expect(trace.some((t) => t.process === "server" && t.op === "event" && String(t.event).startsWith("handshake:error"))).toBe(true);
    expect(trace.some((t) => t.process === "server" && t.op === "receive" && !t.error)).toBe(false);
    expect(operations(trace, "client").at(-2)).toEqual({ socket: "client/1", op: "receive", error: "EAGAIN" });
  });

  it("do not change what programs print, or how they end", async () => {
    const body: RunBody = {
      files: {
        "main.ts": `import * as zmq from "zeromq";
const pair = new zmq.Pair();
await pair.bind("inproc://pipe");
const other = new zmq.Pair();
other.connect("inproc://pipe");
await other.send(["a", Buffer.from([0, 1, 2]), "é".repeat(30)]);
const frames = await pair.receive();
console.log(frames.map((f) => f.length).join(","), frames[0].toString());
const push = new zmq.Push();
const pull = new zmq.Pull();
await pull.bind("ipc:///tmp/pipeline");
const seen: string[] = [];
const connected = new Promise((resolve) => push.events.on("connect", (event) => resolve(seen.push("events: " + event.type))));
push.connect("ipc:///tmp/pipeline");
await connected;
for (let i = 0; i < 50; i++) await push.send(String(i));
let sum = 0;
for (let i = 0; i < 50; i++) sum += Number((await pull.receive())[0].toString());
console.log("sum", sum, seen.join(";"), push.events === push.events);
for (const socket of [pair, other, push, pull]) socket.close();
setTimeout(() => console.log("timer after close"), 50);`,
        "v5.js": `const zmq = require("zeromq/v5-compat");
const rep = zmq.socket("rep");
rep.bindSync("tcp://127.0.0.1:5560");
rep.on("message", (m) => rep.send("re: " + m));
const req = zmq.socket("req");
req.connect("tcp://127.0.0.1:5560");
req.on("message", (m) => { console.log(m.toString()); req.close(); rep.close(); });
req.send("v5");`,
        "crash.ts": `import * as zmq from "zeromq";
const first = new zmq.Reply();
await first.bind("tcp://127.0.0.1:5561");
const second = new zmq.Reply();
await second.bind("tcp://127.0.0.1:5561");`,
      },
      processes: [
        { name: "main", entry: "main.ts" },
        { name: "v5", entry: "v5.js" },
        { name: "crash", entry: "crash.ts" },
      ],
    };
    const plain = await runToEnd(server.url, body);
    const withTrace = await runToEnd(server.url, traced(body));
    expect(plain.output("main")).toBe(`1,3,60 a\nsum 1225 events: connect true\ntimer after close\n`);
    expect(plain.output("v5")).toBe("re: v5\n");
    for (const name of ["main", "v5", "crash"]) {
      expect(withTrace.output(name), name).toBe(plain.output(name));
      const exit = (run: typeof plain) => run.events.find((e) => e.type === "exit" && e.data.process === name)!.data;
      expect({ ...exit(withTrace), durationMs: 0 }).toEqual({ ...exit(plain), durationMs: 0 });
    }
    expect(plain.output("crash", "stderr")).toContain("EADDRINUSE");
    expect(withTrace.output("crash", "stderr")).toBe(plain.output("crash", "stderr"));
    expect(withTrace.end.status).toBe(plain.end.status);
    expect(withTrace.end.errors).toEqual(plain.end.errors);
    expect(plain.events.some((e) => e.type === "trace")).toBe(false);
    const trace = traceOf(withTrace.events);
    // A preview is the start of a frame: text while it is printable, else hex.
    expect(trace.find((t) => t.socket === "main/2" && t.op === "send")!.frames).toEqual([
      text("a"),
      { size: 3, hex: "000102" },
      { size: 60, text: "é".repeat(12) },
    ]);
    expect(trace.find((t) => t.socket === "main/1" && t.op === "receive")!.sent).toMatchObject({ socket: "main/2" });
    expect(trace.filter((t) => t.socket === "main/3" && t.op === "receive" && t.sent?.socket === "main/4")).toHaveLength(50);
    expect(trace.find((t) => t.process === "v5" && t.op === "receive" && t.frames[0].text === "v5")!.sent).toMatchObject({ socket: "v5/2" });
  });

  it("do not keep a process alive that would end untraced (a default linger waiting at exit)", async () => {
    // Untraced, Node reaches its exit and zeromq.js waits there for the queued messages,
    // warning after 500 ms; the trace's read of socket.events must not hold it before that.
    const body: RunBody = {
      files: {
        "worker.ts": `import * as zmq from "zeromq";
const results = new zmq.Push();
results.connect("tcp://127.0.0.1:5629");
let stopping = false;
process.once("SIGTERM", () => { stopping = true; });
let n = 0;
while (!stopping && n < 3) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await results.send("result " + ++n);
}
results.close();
console.log("closed after", n);`,
      },
      processes: [{ name: "worker", entry: "worker.ts" }],
      timeoutMs: 4000,
    };
    const [plain, withTrace] = await Promise.all([runToEnd(server.url, body), runToEnd(server.url, traced(body))]);
    const lines = (run: typeof plain, stream: string) => run.output("worker", stream).replace(/\(node:\d+\) /g, "").split("\n");
    expect(plain.output("worker")).toBe("closed after 3\n");
    expect(plain.output("worker", "stderr")).toContain("WARNING: Waiting for queued ZeroMQ messages to be delivered");
    expect(lines(withTrace, "stdout")).toEqual(lines(plain, "stdout"));
    expect(lines(withTrace, "stderr")).toEqual(lines(plain, "stderr"));
    expect(withTrace.end.status).toBe(plain.end.status);
    expect(traceOf(withTrace.events).filter((t) => t.op === "send")).toHaveLength(3);
  });

  it("stop at the cap, with one truncated event that counts the rest", async () => {
    const { events, end } = await runToEnd(
      capped.url,
      traced({
        files: {
          "main.ts": `import * as zmq from "zeromq";
const pull = new zmq.Pull();
await pull.bind("inproc://work");
const push = new zmq.Push();
push.connect("inproc://work");
for (let i = 0; i < 100; i++) await push.send("job " + i);
for (let i = 0; i < 100; i++) await pull.receive();
console.log("done");
push.close();
pull.close();`,
        },
      }),
    );
    expect(end.status).toBe("ok");
    const trace = traceOf(events);
    expect(trace).toHaveLength(21);
    const truncated = trace.at(-1)!;
    expect(truncated).toMatchObject({ op: "truncated", cap: 20 });
    expect(truncated.process).toBeUndefined();
    expect(truncated.dropped.send + truncated.dropped.receive).toBeGreaterThanOrEqual(200 - 20);
    expect(truncated.dropped.total).toBe(Object.entries(truncated.dropped).reduce((sum, [op, n]) => (op === "total" ? sum : sum + (n as number)), 0));
    expect(trace.slice(0, 20).every((t) => t.op !== "truncated")).toBe(true);
    // The process's trace comes before its exit; what was left out is counted once the run is over.
    expect(events.findLastIndex((e) => e.type === "trace" && e.data.op !== "truncated")).toBeLessThan(events.findIndex((e) => e.type === "exit"));
    expect(events.at(-2)).toMatchObject({ type: "trace", data: { op: "truncated" } });
  });

  it("is asked for with a boolean only", async () => {
    for (const trace of ["yes", 1, {}]) {
      const response = await request(server.url, "/api/runs", { body: { files: { "main.ts": "" }, trace } });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("invalid-trace");
    }
  });
});

/** Follows a run's events while `act` drives it; resolves with all of them at `end`. */
async function follow(id: string, act: (events: AnyEvent[]) => void) {
  return readEvents(server.url, id, { onEvent: (_event) => {}, until: (_event, all) => (act(all), false) });
}

const RELIABLE: RunBody = {
  files: {
    "server.ts": `import * as zmq from "zeromq";
const rep = new zmq.Reply();
await rep.bind("tcp://127.0.0.1:5562");
console.log("server up");
for await (const [request] of rep) await rep.send("pong");`,
    "client.ts": `import * as zmq from "zeromq";
// Lazy Pirate: a fresh socket for each try, and a timeout.
for (;;) {
  const req = new zmq.Request({ receiveTimeout: 250, linger: 0 });
  req.connect("tcp://127.0.0.1:5562");
  await req.send("ping");
  try {
    await req.receive();
    console.log("reply");
  } catch {
    console.log("no reply");
  }
  req.close();
  await new Promise((resolve) => setTimeout(resolve, 100));
}`,
  },
  processes: [
    { name: "server", entry: "server.ts" },
    { name: "client", entry: "client.ts", delayMs: 200 },
  ],
  timeoutMs: 30_000,
};

describe("killing and restarting a process", () => {
  it("kills it (the exit shows SIGKILL), restarts it, and shows both in the terminals and the trace", async () => {
    const started = await request(server.url, "/api/runs", { body: traced(RELIABLE) });
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    const path = (name: string, action: string) => `/api/runs/${id}/processes/${name}/${action}`;
    const lines = (events: AnyEvent[], process: string) =>
      events.filter((e) => e.type === "stdout" && e.data.process === process).map((e) => e.data.data).join("");
    const steps: string[] = [];
    const answers: Record<string, { status: number; code?: string }> = {};
    let busy = false;
    let repliesBefore = 0;
    const act = (all: AnyEvent[]) => {
      if (busy) return;
      const step = async (name: string, action: () => Promise<void>) => {
        busy = true;
        steps.push(name);
        await action();
        busy = false;
      };
      const client = lines(all, "client").split("\n");
      const replies = client.filter((line) => line === "reply").length;
      const misses = client.filter((line) => line === "no reply").length;
      if (steps.length === 0 && replies > 0) {
        repliesBefore = replies;
        void step("kill", async () => {
          for (const [key, name] of [["unknown", "nobody"], ["bad", "bad%20name"], ["kill", "server"], ["again", "server"]] as const) {
            const response = await request(server.url, path(name, "kill"), { method: "POST" });
            answers[key] = { status: response.status, code: response.body?.error?.code };
          }
        });
      } else if (steps.length === 1 && all.some((e) => e.type === "exit" && e.data.process === "server") && misses >= 2) {
        repliesBefore = replies;
        void step("restart", async () => {
          const response = await request(server.url, path("server", "restart"), { method: "POST" });
          answers.restart = { status: response.status, code: response.body?.error?.code };
        });
      } else if (steps.length === 2 && lines(all, "server") === "server up\nserver up\n" && replies > repliesBefore) {
        void step("restart running", async () => {
          const response = await request(server.url, path("server", "restart"), { method: "POST" });
          answers.restartRunning = { status: response.status };
        });
      } else if (steps.length === 3 && lines(all, "server") === "server up\nserver up\nserver up\n") {
        void step("stop", async () => {
          await request(server.url, `/api/runs/${id}/stop`, { method: "POST" });
        });
      }
    };
    const events = await follow(id, act);
    expect(steps).toEqual(["kill", "restart", "restart running", "stop"]);
    expect(answers).toEqual({
      unknown: { status: 404, code: "unknown-process" },
      bad: { status: 400, code: "invalid-process-name" },
      kill: { status: 200 },
      again: { status: 409, code: "process-exited" },
      restart: { status: 200 },
      restartRunning: { status: 200 },
    });
    const server_ = events.filter((e) => e.data.process === "server" && ["start", "exit"].includes(e.type)).map((e) => [e.type, e.data.signal]);
    expect(server_).toEqual([
      ["start", undefined],
      ["exit", "SIGKILL"],
      ["start", undefined],
      ["exit", "SIGKILL"],
      ["start", undefined],
      ["exit", "SIGKILL"],
    ]);
    const trace = traceOf(events);
    expect(trace.filter((t) => t.process === "server" && ["kill", "restart"].includes(t.op)).map((t) => t.op)).toEqual(["kill", "restart", "restart"]);
    // The restarted server's sockets are new ones, traced like the first.
    expect(trace.filter((t) => t.process === "server" && t.op === "bind")).toHaveLength(3);
    const end = events.at(-1)!;
    expect(end.data.status).toBe("stopped");
    const after = await request(server.url, path("server", "kill"), { method: "POST" });
    expect(after.status).toBe(409);
    expect(after.body.error.code).toBe("run-ended");
  });

  it("refuses unknown runs, other methods and processes that exited on their own", async () => {
    const missing = await request(server.url, "/api/runs/nope/processes/main/kill", { method: "POST" });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("run-not-found");
    const started = await request(server.url, "/api/runs", {
      body: { files: { "a.ts": `console.log("done");`, "b.ts": `setTimeout(() => {}, 20_000);` }, processes: [{ name: "a", entry: "a.ts" }, { name: "b", entry: "b.ts" }] },
    });
    const id = started.body.id as string;
    let answers: { status: number; code?: string }[] = [];
    let asked = false;
    await readEvents(server.url, id, {
      until: (event) => {
        if (!asked && event.type === "exit" && event.data.process === "a") {
          asked = true;
          void (async () => {
            const get = await request(server.url, `/api/runs/${id}/processes/b/kill`);
            const restart = await request(server.url, `/api/runs/${id}/processes/a/restart`, { method: "POST" });
            const kill = await request(server.url, `/api/runs/${id}/processes/b/kill`, { method: "POST" });
            answers = [get, restart, kill].map((r) => ({ status: r.status, code: r.body?.error?.code }));
          })();
        }
        return false;
      },
    });
    expect(answers).toEqual([
      { status: 405, code: "method-not-allowed" },
      { status: 409, code: "process-not-restartable" },
      { status: 200, code: undefined },
    ]);
  });
});
