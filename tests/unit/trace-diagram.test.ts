import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../runner/protocol";
import { buildDiagram, describeEvent, frameLabel } from "../../app/components/trace/diagram";
import { readTraceEvent } from "../../app/components/trace/read";
import { applyRunInputs, IDLE } from "../../app/components/run/model";

const hello: TraceEvent[] = [
  { process: "server", socket: "server/1", type: "REP", op: "open", at: 1 },
  { process: "server", socket: "server/1", op: "bind", endpoint: "tcp://127.0.0.1:5555", at: 2 },
  { process: "client", socket: "client/1", type: "REQ", op: "open", at: 3 },
  { process: "client", socket: "client/1", op: "connect", endpoint: "tcp://127.0.0.1:5555", at: 4 },
  { process: "client", socket: "client/1", op: "send", frames: [{ size: 5, text: "Hello" }], at: 5 },
  { process: "server", socket: "server/1", op: "receive", frames: [{ size: 5, text: "Hello" }], sent: { socket: "client/1", at: 5 }, at: 6 },
];

describe("the Messages diagram", () => {
  it("draws a lane per socket, grouped by process, and a message as one row from its send to its receive", () => {
    const { lanes, rows } = buildDiagram(hello, false);
    expect(lanes.map((l) => [l.socket, l.type])).toEqual([["server/1", "REP"], ["client/1", "REQ"]]);
    const messages = rows.filter((r) => r.kind === "message");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ from: 1, to: [{ lane: 0, at: 6 }], lost: false });
    expect(rows.filter((r) => r.kind === "note").map((r) => r.kind === "note" && r.text)).toEqual([
      "open REP",
      "bind tcp://127.0.0.1:5555",
      "open REQ",
      "connect tcp://127.0.0.1:5555",
    ]);
  });

  it("shows REQ and REP in lock-step: after the request, the client must receive and the server must send", () => {
    const before = buildDiagram(hello.slice(0, 4), false).lanes;
    expect(before.map((l) => l.state.kind)).toEqual(["must-receive", "may-send"]);
    const after = buildDiagram(hello, false).lanes;
    expect(after.map((l) => l.state.kind)).toEqual(["must-send", "must-receive"]);
  });

  it("pairs a receive that came before its send (events come in order per process), and orders rows by time", () => {
    const [open1, bind, open2, connect, send, receive] = hello;
    const { rows } = buildDiagram([open1!, bind!, receive!, open2!, connect!, send!], true);
    const messages = rows.filter((r) => r.kind === "message");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ from: 1, to: [{ lane: 0, at: 6 }], lost: false });
    expect(rows.map((r) => ("at" in r ? r.at : -1))).toEqual([1, 2, 3, 4, 5]);
  });

  it("gives each of a PUSH's sends of one instant to one worker, so none is drawn as lost", () => {
    const open: TraceEvent[] = [
      { process: "ventilator", socket: "ventilator/1", type: "PUSH", op: "open", at: 0 },
      { process: "worker-a", socket: "worker-a/1", type: "PULL", op: "open", at: 0 },
      { process: "worker-b", socket: "worker-b/1", type: "PULL", op: "open", at: 0 },
    ];
    const sends: TraceEvent[] = [1, 2, 3, 4].map((n) => ({ process: "ventilator", socket: "ventilator/1", op: "send", frames: [{ size: 1, text: String(n) }], at: 5 }));
    const receives: TraceEvent[] = [1, 2, 3, 4].map((n) => {
      const worker = n % 2 ? "worker-a" : "worker-b";
      return { process: worker, socket: `${worker}/1`, op: "receive", frames: [{ size: 1, text: String(n) }], sent: { socket: "ventilator/1", at: 5 }, at: 6 + n };
    });
    for (const order of [[...open, ...sends, ...receives], [...open, ...receives, ...sends]]) {
      const messages = buildDiagram(order, true).rows.filter((r) => r.kind === "message");
      expect(messages.map((m) => m.kind === "message" && [m.lost, m.to.map((d) => d.lane)])).toEqual([
        [false, [1]],
        [false, [2]],
        [false, [1]],
        [false, [2]],
      ]);
    }
  });

  it("pairs sends that share a time (0.1 ms) with their receives in order, whichever came first", () => {
    const open: TraceEvent[] = [
      { process: "pub", socket: "pub/1", type: "PUB", op: "open", at: 0 },
      { process: "sub", socket: "sub/1", type: "SUB", op: "open", at: 0 },
    ];
    const sends: TraceEvent[] = [1, 2, 3].map((n) => ({ process: "pub", socket: "pub/1", op: "send", frames: [{ size: 1, text: String(n) }], at: 5 }));
    const receives: TraceEvent[] = [1, 2, 3].map((n) => ({ process: "sub", socket: "sub/1", op: "receive", frames: [{ size: 1, text: String(n) }], sent: { socket: "pub/1", at: 5 }, at: 6 }));
    for (const order of [[...open, ...sends, ...receives], [...open, ...receives, ...sends]]) {
      const messages = buildDiagram(order, true).rows.filter((r) => r.kind === "message");
      expect(messages.map((m) => m.kind === "message" && [m.lost, m.to.length, m.to[0]?.frames])).toEqual([
        [false, 1, undefined],
        [false, 1, undefined],
        [false, 1, undefined],
      ]);
    }
  });

  it("draws the deadlock: both sockets waiting in receive", () => {
    const events: TraceEvent[] = [
      { process: "a", socket: "a/1", type: "REP", op: "open", at: 1 },
      { process: "b", socket: "b/1", type: "REP", op: "open", at: 1 },
      { process: "a", socket: "a/1", op: "wait", for: "receive", since: 2, at: 52 },
      { process: "b", socket: "b/1", op: "wait", for: "receive", since: 2, at: 52 },
    ];
    const { lanes, rows } = buildDiagram(events, false);
    expect(lanes.map((l) => l.state)).toEqual([
      { kind: "waiting", for: "receive", since: 2 },
      { kind: "waiting", for: "receive", since: 2 },
    ]);
    expect(rows.filter((r) => r.kind === "note" && r.tone === "wait")).toHaveLength(2);
  });

  it("marks a send nobody received as lost only once the run is over, and a PUB's message reaches every subscriber", () => {
    const events: TraceEvent[] = [
      { process: "pub", socket: "pub/1", type: "PUB", op: "open", at: 1 },
      { process: "sub", socket: "sub/1", type: "SUB", op: "open", at: 1 },
      { process: "sub", socket: "sub/2", type: "SUB", op: "open", at: 1 },
      { process: "pub", socket: "pub/1", op: "send", frames: [{ size: 1, text: "1" }], at: 2 },
      { process: "pub", socket: "pub/1", op: "send", frames: [{ size: 1, text: "2" }], at: 3 },
      { process: "sub", socket: "sub/1", op: "receive", frames: [{ size: 1, text: "2" }], sent: { socket: "pub/1", at: 3 }, at: 4 },
      { process: "sub", socket: "sub/2", op: "receive", frames: [{ size: 1, text: "2" }], sent: { socket: "pub/1", at: 3 }, at: 4 },
    ];
    const live = buildDiagram(events, false).rows.filter((r) => r.kind === "message");
    expect(live.map((r) => r.kind === "message" && r.lost)).toEqual([false, false]);
    const over = buildDiagram(events, true).rows.filter((r) => r.kind === "message");
    expect(over.map((r) => r.kind === "message" && [r.lost, r.to.map((d) => d.lane)])).toEqual([
      [true, []],
      [false, [1, 2]],
    ]);
  });

  it("keeps lanes of one process together when a process opens a second socket later, and the rows follow", () => {
    const events: TraceEvent[] = [
      { process: "broker", socket: "broker/1", type: "ROUTER", op: "open", at: 1 },
      { process: "worker", socket: "worker/1", type: "DEALER", op: "open", at: 1 },
      { process: "worker", socket: "worker/1", op: "send", frames: [{ size: 3, text: "hey" }], at: 2 },
      { process: "broker", socket: "broker/2", type: "DEALER", op: "open", at: 3 },
      { process: "broker", socket: "broker/1", op: "receive", frames: [{ size: 5, hex: "0080000001" }, { size: 3, text: "hey" }], sent: { socket: "worker/1", at: 2 }, at: 4 },
    ];
    const { lanes, rows } = buildDiagram(events, true);
    expect(lanes.map((l) => l.socket)).toEqual(["broker/1", "broker/2", "worker/1"]);
    const message = rows.find((r) => r.kind === "message");
    expect(message).toMatchObject({ from: 2, to: [{ lane: 0 }] });
    // The ROUTER got the sender's identity first: what arrived is shown beside what was sent.
    expect(message?.kind === "message" && message.to[0]!.frames).toEqual([{ size: 5, hex: "0080000001" }, { size: 3, text: "hey" }]);
  });

  it("merges runs of messages between the same lanes beyond what can be drawn, then leaves the middle out", () => {
    const events: TraceEvent[] = [{ process: "p", socket: "p/1", type: "PUSH", op: "open", at: 0 }];
    for (let i = 0; i < 3000; i++) events.push({ process: "p", socket: "p/1", op: "send", frames: [{ size: 1, text: "x" }], at: i + 1 });
    const merged = buildDiagram(events, false, 50).rows;
    expect(merged.length).toBeLessThanOrEqual(50);
    expect(merged.find((r) => r.kind === "message")).toMatchObject({ count: 3000 });
    const notes: TraceEvent[] = [];
    for (let i = 0; i < 200; i++) notes.push({ process: "p", socket: `p/${i}`, type: "PUB", op: "open", at: i });
    const gapped = buildDiagram(notes, false, 50).rows;
    expect(gapped).toHaveLength(50);
    expect(gapped.find((r) => r.kind === "gap")).toMatchObject({ hidden: 151 });
  });

  it("reads untrusted event data field by field", () => {
    expect(readTraceEvent({ op: "nonsense", at: 1 })).toBeNull();
    expect(readTraceEvent({ op: "send", at: "1" })).toBeNull();
    expect(readTraceEvent({ op: "send", at: 1, socket: "a/1", frames: [{ size: -1 }, { size: 2, text: "hi" }, "x"], sent: { socket: 5 } })).toEqual({
      op: "send",
      at: 1,
      socket: "a/1",
      frames: [{ size: 2, text: "hi" }],
    });
    expect(readTraceEvent({ op: "truncated", at: 9, cap: 2000, dropped: { send: 4, __proto__: 1, bogus: 2 } })).toEqual({ op: "truncated", at: 9, cap: 2000, dropped: { send: 4 } });
  });

  it("labels frames by their preview, and says when one is empty or longer than shown", () => {
    expect(frameLabel({ size: 0 })).toBe("(empty)");
    expect(frameLabel({ size: 5, text: "Hello" })).toBe('"Hello"');
    expect(frameLabel({ size: 100, text: "abc" })).toBe('"abc"… 100 B');
    expect(frameLabel({ size: 2, hex: "00ff" })).toBe("0x00ff");
    expect(describeEvent(hello[5]!)).toBe('receive ["Hello"] (sent by client/1 at 5.0 ms)');
  });
});

describe("the run model keeps a traced run's events", () => {
  it("collects trace events of a traced run, and starts over on the next Run", () => {
    let state = applyRunInputs(IDLE, [{ type: "begin", processes: ["server", "client"], traced: true }]);
    state = applyRunInputs(state, hello.map((data) => ({ type: "event" as const, event: "trace", data: { ...data }, at: 0 })));
    state = applyRunInputs(state, [{ type: "event", event: "trace", data: { op: "bogus", at: 1 }, at: 0 }]);
    expect(state.traced).toBe(true);
    expect(state.trace).toHaveLength(hello.length);
    state = applyRunInputs(state, [{ type: "begin", processes: [] }]);
    expect(state).toMatchObject({ traced: false, trace: [] });
  });
});
