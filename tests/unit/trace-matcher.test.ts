import { describe, expect, it } from "vitest";
import { checkRecord, endpointKey, HOLD_MS, RunTrace, sameMessage } from "../../runner/trace";
import { checkRunSpec, type TraceEvent } from "../../runner/protocol";

const text = (t: string) => ({ size: t.length, text: t });

/** A RunTrace over named processes, with a clock the test moves; its events in `out`. */
function trace(names: string[], cap = 100) {
  let now = 0;
  const out: TraceEvent[] = [];
  const released: number[] = [];
  const run = new RunTrace(names, cap, (event) => out.push(event), () => now, (index) => released.push(index));
  const line = (index: number, watermark: number, records: unknown[]) => run.onLine(index, watermark, JSON.stringify(records));
  return { run, out, released, line, advance: (ms: number) => (now += ms) };
}

describe("trace records from a process", () => {
  it("are rebuilt from what the protocol knows, and refused when malformed", () => {
    expect(checkRecord({ socket: "a/1", type: "REQ", op: "open", at: 1, extra: "x" }, "a")).toEqual({ socket: "a/1", type: "REQ", op: "open", at: 1 });
    expect(checkRecord({ socket: "a/1", op: "send", frames: [text("hi")], at: 2, since: 1 }, "a")).toEqual({ socket: "a/1", op: "send", frames: [text("hi")], at: 2, since: 1 });
    for (const bad of [
      { socket: "b/1", op: "open", type: "REQ", at: 1 }, // another process's socket
      { socket: "a/x", op: "close", at: 1 },
      { socket: "a/1", op: "open", type: "NOPE", at: 1 },
      { socket: "a/1", op: "truncated", at: 1 },
      { socket: "a/1", op: "close", at: "soon" },
      { socket: "a/1", op: "send", frames: [{ size: -1, text: "x" }], at: 1 },
      { socket: "a/1", op: "send", frames: [{ size: 1, hex: "zz" }], at: 1 },
      { socket: "a/1", op: "receive", frames: Array(9).fill(text("x")), at: 1 },
      { socket: "a/1", op: "wait", for: "nothing", at: 1 },
      "text",
    ]) {
      expect(checkRecord(bad, "a"), JSON.stringify(bad)).toBeUndefined();
    }
    expect(checkRecord({ socket: "a/1", op: "bind", endpoint: "x".repeat(201), at: 1 }, "a")).toEqual({ socket: "a/1", op: "bind", at: 1 });
    expect(checkRecord({ op: "dropped", counts: { send: 3, bogus: 4, receive: -1 } }, "a")).toEqual({ op: "dropped", counts: { send: 3 } });
  });

  it("compare endpoints by port on tcp, whole elsewhere, inproc within one process", () => {
    expect(endpointKey("tcp://*:5555", "a")).toBe(endpointKey("tcp://127.0.0.1:5555", "b"));
    expect(endpointKey("ipc:///tmp/x", "a")).toBe(endpointKey("ipc:///tmp/x", "b"));
    expect(endpointKey("inproc://x", "a")).not.toBe(endpointKey("inproc://x", "b"));
  });

  it("match messages give or take a routing envelope", () => {
    expect(sameMessage(["5:Hello"], ["5:#00aa", "0:", "5:Hello"])).toBe(true);
    expect(sameMessage(["5:#00aa", "0:", "5:World"], ["5:World"])).toBe(true);
    expect(sameMessage(["5:Hello"], ["5:World"])).toBe(false);
    expect(sameMessage([], ["0:"])).toBe(false);
  });
});

describe("a run's trace", () => {
  const server = (t: ReturnType<typeof trace>) =>
    t.line(0, 2, [
      { socket: "server/1", type: "REP", op: "open", at: 1 },
      { socket: "server/1", op: "bind", endpoint: "tcp://*:5555", at: 2 },
    ]);
  const client = (t: ReturnType<typeof trace>) =>
    t.line(1, 4, [
      { socket: "client/1", type: "REQ", op: "open", at: 3 },
      { socket: "client/1", op: "connect", endpoint: "tcp://localhost:5555", at: 3.5 },
      { socket: "client/1", op: "send", frames: [text("Hello")], at: 4 },
    ]);
  const reqRep = (t: ReturnType<typeof trace>) => {
    server(t);
    client(t);
  };

  it("pairs a receive with its send, on the same clock", () => {
    const t = trace(["server", "client"]);
    reqRep(t);
    t.line(0, 5, [{ socket: "server/1", op: "receive", frames: [text("Hello")], at: 5 }]);
    expect(t.out.at(-1)).toEqual({ process: "server", socket: "server/1", op: "receive", frames: [text("Hello")], at: 5, sent: { socket: "client/1", at: 4 } });
  });

  it("holds a receive, and what follows it, until its send arrives", () => {
    const t = trace(["server", "client"]);
    server(t);
    t.line(0, 6, [
      { socket: "server/1", op: "receive", frames: [text("Hello")], at: 5 },
      { socket: "server/1", op: "send", frames: [text("World")], at: 6 },
    ]);
    expect(t.out.map((e) => e.op)).toEqual(["open", "bind"]);
    expect(t.run.holding(0)).toBe(true);
    client(t);
    expect(t.out.map((e) => `${e.process}:${e.op}`)).toEqual([
      "server:open",
      "server:bind",
      "server:receive",
      "server:send",
      "client:open",
      "client:connect",
      "client:send",
    ]);
    expect(t.out[2]!.sent).toEqual({ socket: "client/1", at: 4 });
    expect(t.released).toEqual([0]);
  });

  it("lets a receive go unpaired once every possible sender has reported past it, or after HOLD_MS", () => {
    const t = trace(["server", "client", "other"]);
    reqRep(t);
    t.line(2, 1, [{ socket: "other/1", type: "DEALER", op: "open", at: 1 }]);
    // A message no send explains: the client has reported past it, the DEALER's process has not.
    t.line(0, 10, [{ socket: "server/1", op: "receive", frames: [text("Bogus")], at: 10 }]);
    expect(t.run.holding(0)).toBe(true);
    t.line(1, 11, []);
    expect(t.run.holding(0)).toBe(true);
    t.line(2, 12, []);
    expect(t.run.holding(0)).toBe(false);
    expect(t.out.at(-1)).toMatchObject({ op: "receive", frames: [text("Bogus")] });
    expect(t.out.at(-1)!.sent).toBeUndefined();
    t.line(0, 20, [{ socket: "server/1", op: "receive", frames: [text("Late")], at: 20 }]);
    expect(t.run.holding(0)).toBe(true);
    t.advance(HOLD_MS);
    t.run.processEnded(2);
    expect(t.run.holding(0)).toBe(false);
  });

  it("fans a PUB's send out to each subscriber, and skips what a subscriber never got", () => {
    const t = trace(["pub", "a", "b"]);
    t.line(0, 5, [
      { socket: "pub/1", type: "PUB", op: "open", at: 1 },
      { socket: "pub/1", op: "bind", endpoint: "ipc:///tmp/p", at: 1 },
      { socket: "pub/1", op: "send", frames: [text("1")], at: 2 },
      { socket: "pub/1", op: "send", frames: [text("2")], at: 3 },
      { socket: "pub/1", op: "send", frames: [text("2")], at: 4 },
    ]);
    for (const [index, name] of [[1, "a"], [2, "b"]] as const) {
      t.line(index, 6, [
        { socket: `${name}/1`, type: "SUB", op: "open", at: 1 },
        { socket: `${name}/1`, op: "connect", endpoint: "ipc:///tmp/p", at: 1 },
        { socket: `${name}/1`, op: "receive", frames: [text("2")], at: 5 },
        { socket: `${name}/1`, op: "receive", frames: [text("2")], at: 6 },
      ]);
    }
    const sent = t.out.filter((e) => e.op === "receive").map((e) => `${e.socket}<${e.sent?.at}`);
    expect(sent).toEqual(["a/1<3", "a/1<4", "b/1<3", "b/1<4"]);
  });

  it("stops at the cap and counts what it left out, its own and the processes'", () => {
    const t = trace(["main"], 3);
    t.line(0, 9, [
      { socket: "main/1", type: "PUSH", op: "open", at: 1 },
      { socket: "main/1", op: "connect", endpoint: "inproc://x", at: 2 },
      { socket: "main/1", op: "send", frames: [text("a")], at: 3 },
      { socket: "main/1", op: "send", frames: [text("b")], at: 4 },
      { socket: "main/1", op: "close", at: 5 },
      { op: "dropped", counts: { send: 7 } },
    ]);
    t.run.note(0, { op: "kill", at: 6 });
    t.run.finish();
    expect(t.out.map((e) => e.op)).toEqual(["open", "connect", "send", "truncated"]);
    expect(t.out.at(-1)).toEqual({ op: "truncated", cap: 3, dropped: { total: 10, send: 8, close: 1, kill: 1 }, at: 3 });
    t.line(0, 10, [{ socket: "main/1", op: "close", at: 10 }]);
    expect(t.out).toHaveLength(4);
  });

  it("ignores lines that are not JSON arrays", () => {
    const t = trace(["main"]);
    t.run.onLine(0, 1, "{not json");
    t.run.onLine(0, 1, "{}");
    t.run.onLine(5, 1, "[]");
    expect(t.out).toEqual([]);
  });
});

describe("the trace flag of a run", () => {
  it("is a boolean, kept only when true", () => {
    const files = { "main.ts": "" };
    expect(checkRunSpec({ files, trace: true }).trace).toBe(true);
    expect("trace" in checkRunSpec({ files, trace: false })).toBe(false);
    expect(() => checkRunSpec({ files, trace: "yes" })).toThrow(/"trace" must be true or false/);
  });
});
