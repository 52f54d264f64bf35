import { describe, expect, it } from "vitest";
import { isAfter, REOPEN_DELAYS_MS, ReplayingEventSource, urlAfter, type EventSourceLike, type SourceEnvironment, type StreamStatus } from "../../app/components/net/eventSource";

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }
  emit(type: string, data: unknown, id = "") {
    for (const listener of this.listeners.get(type) ?? []) listener({ data: JSON.stringify(data), lastEventId: id } as MessageEvent<string>);
  }
  /** The browser's error: still retrying (CONNECTING), or given up (CLOSED). */
  fail(givenUp: boolean) {
    this.readyState = givenUp ? 2 : 0;
    this.onerror?.(new Event("error"));
  }
}

/** A page: event sources opened, timers run by hand, an answer for the probe, visibility. */
function page(answer: () => Response | Promise<Response> = () => new Response("", { status: 502 })) {
  const sources: FakeEventSource[] = [];
  const timers: { run: () => void; ms: number; id: number }[] = [];
  const probes: string[] = [];
  let visible = true;
  let onVisible: (() => void) | null = null;
  let serial = 0;
  const env: SourceEnvironment = {
    openEventSource(url) {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    async fetch(url) {
      probes.push(url);
      return answer();
    },
    setTimeout(run, ms) {
      const id = ++serial;
      timers.push({ run, ms, id });
      return id;
    },
    clearTimeout(id) {
      const index = timers.findIndex((t) => t.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
    visible: () => visible,
    onVisible(listener) {
      onVisible = listener;
      return () => (onVisible = null);
    },
  };
  return {
    env,
    sources,
    probes,
    /** The reopen timers (the probe's own timeout is 10 s and is left alone). */
    reopens: () => timers.filter((t) => t.ms !== 10_000),
    runReopen() {
      const timer = this.reopens()[0]!;
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    },
    hide: () => (visible = false),
    show() {
      visible = true;
      onVisible?.();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function listen(env: SourceEnvironment, after: string | number | null = null) {
  const events: [string, unknown, string | null][] = [];
  const statuses: StreamStatus[] = [];
  const problems: unknown[] = [];
  const source = new ReplayingEventSource(
    {
      url: "/api/runs/r1/events",
      types: ["stdout", "end"],
      after,
      onEvent: (type, data, id) => events.push([type, JSON.parse(data), id]),
      onStatus: (status, problem) => {
        statuses.push(status);
        if (problem) problems.push(problem);
      },
    },
    env,
  );
  return { source, events, statuses, problems };
}

describe("event ids", () => {
  it("compare exactly beyond 2^53, as decimal strings", () => {
    expect(isAfter("9007199254740993", "9007199254740992")).toBe(true);
    expect(isAfter("9007199254740992", "9007199254740993")).toBe(false);
    expect(isAfter("10", "9")).toBe(true);
    expect(isAfter("007", "7")).toBe(false);
    expect(urlAfter("/e", null)).toBe("/e");
    expect(urlAfter("/e?x=1", "12345678901234567890")).toBe("/e?x=1&lastEventId=12345678901234567890");
  });
});

describe("the replaying event source", () => {
  it("starts after a snapshot's id, and drops what it has seen when the browser replays", () => {
    const p = page();
    const { events } = listen(p.env, "9007199254740993");
    expect(p.sources[0]!.url).toBe("/api/runs/r1/events?lastEventId=9007199254740993");
    const es = p.sources[0]!;
    es.open();
    es.emit("stdout", { n: 1 }, "9007199254740993");
    es.emit("stdout", { n: 2 }, "9007199254740994");
    es.emit("stdout", { n: 2 }, "9007199254740994");
    es.emit("other", { n: 3 }, "9007199254740995");
    expect(events).toEqual([["stdout", { n: 2 }, "9007199254740994"]]);
  });

  it("lets the browser retry by itself, and reopens after the last id when it gives up — with backoff, for as long as it takes", async () => {
    const p = page();
    const { events, statuses } = listen(p.env);
    p.sources[0]!.open();
    p.sources[0]!.emit("stdout", { n: 1 }, "5");
    p.sources[0]!.fail(false);
    expect(p.sources).toHaveLength(1);
    expect(statuses).toEqual(["connecting", "open", "reconnecting"]);
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      p.sources.at(-1)!.fail(true);
      await settle();
      delays.push(p.reopens()[0]!.ms);
      p.runReopen();
    }
    expect(delays).toEqual([...REOPEN_DELAYS_MS, ...Array(12 - REOPEN_DELAYS_MS.length).fill(REOPEN_DELAYS_MS.at(-1))]);
    expect(p.sources).toHaveLength(13);
    expect(p.sources.at(-1)!.url).toBe("/api/runs/r1/events?lastEventId=5");
    expect(p.probes).toHaveLength(11);
    expect(p.probes.at(-1)).toBe("/api/runs/r1/events?lastEventId=5");
    // Open again: the waits start over.
    p.sources.at(-1)!.open();
    p.sources.at(-1)!.emit("stdout", { n: 2 }, "6");
    p.sources.at(-1)!.fail(true);
    await settle();
    expect(p.reopens()[0]!.ms).toBe(REOPEN_DELAYS_MS[0]);
    expect(events.map((e) => e[2])).toEqual(["5", "6"]);
  });

  it("stops on an answer that will not change, such as a 404, and says why", async () => {
    const p = page(() => Response.json({ error: { code: "run-not-found", message: "No run has that id." } }, { status: 404 }));
    const { statuses, problems } = listen(p.env);
    // The first failure is most often a blip: reopened without asking.
    p.sources[0]!.fail(true);
    await settle();
    expect(p.probes).toEqual([]);
    p.runReopen();
    // Failing again, the source asks what the server answers.
    p.sources[1]!.fail(true);
    await settle();
    expect(p.probes).toHaveLength(1);
    expect(statuses.at(-1)).toBe("failed");
    expect(problems).toEqual([{ status: 404, code: "run-not-found", message: "No run has that id." }]);
    expect(p.reopens()).toEqual([]);
  });

  it("reopens soon, not after the longest wait, when the server answers with a stream again", async () => {
    const p = page(() => new Response("", { status: 200, headers: { "Content-Type": "text/event-stream" } }));
    listen(p.env);
    p.sources[0]!.fail(true);
    await settle();
    p.runReopen();
    p.sources[1]!.fail(true);
    await settle();
    expect(p.probes).toHaveLength(1);
    expect(p.reopens().map((t) => t.ms)).toEqual([REOPEN_DELAYS_MS[0]]);
  });

  it("keeps trying through a 429 or a 5xx", async () => {
    for (const status of [429, 500, 503]) {
      const p = page(() => new Response("", { status }));
      const { statuses } = listen(p.env);
      p.sources[0]!.fail(true);
      await settle();
      p.runReopen();
      p.sources[1]!.fail(true);
      await settle();
      expect(p.probes, String(status)).toHaveLength(1);
      expect(statuses.at(-1), String(status)).toBe("reconnecting");
      expect(p.reopens()).toHaveLength(1);
    }
  });

  it("waits while the page is hidden, and reopens when it is shown", async () => {
    const p = page();
    listen(p.env);
    p.hide();
    p.sources[0]!.fail(true);
    await settle();
    expect(p.reopens()).toEqual([]);
    expect(p.sources).toHaveLength(1);
    p.show();
    expect(p.sources).toHaveLength(2);
  });

  it("hears nothing after close, even from inside a handler", async () => {
    const p = page();
    const heard: string[] = [];
    const source = new ReplayingEventSource(
      { url: "/e", types: ["end", "stdout"], onEvent: (type) => (heard.push(type), type === "end" && source.close()) },
      p.env,
    );
    const es = p.sources[0]!;
    es.emit("end", {}, "1");
    es.emit("stdout", {}, "2");
    es.fail(true);
    await settle();
    expect(heard).toEqual(["end"]);
    expect(es.closed).toBe(true);
    expect(p.probes).toEqual([]);
  });
});
