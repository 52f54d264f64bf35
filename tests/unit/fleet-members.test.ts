/** The fleet's membership: what RUNNER_URLS may say, run ids, who a host name stands for, where runs go. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { fleetRunId, memberKey, parseRunnerUrls, RunnerFleet, splitRunId } from "../../fleet/members";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A fake runner health endpoint on a free port: its figures and status are the test's. */
async function healthServer(health: { status: number; running: number; queued: number; slots: number }) {
  const server = createServer((_req, res) => {
    res.writeHead(health.status, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: health.status === 200 ? "ok" : "draining", runs: health }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

describe("RUNNER_URLS", () => {
  it("takes plain http(s) base addresses and names the entry it refuses", () => {
    expect(parseRunnerUrls(" http://a:3001 , https://b.example ").map(String)).toEqual(["http://a:3001/", "https://b.example/"]);
    expect(() => parseRunnerUrls(" , ")).toThrow(/lists no address/);
    expect(() => parseRunnerUrls("runner:3001")).toThrow(/"runner:3001" must be a plain/);
    expect(() => parseRunnerUrls("http://a:3001/api")).toThrow(/no path/);
    expect(() => parseRunnerUrls("http://u:p@a:3001")).toThrow(/credentials/);
    expect(() => parseRunnerUrls("not a url")).toThrow(/"not a url" is not an address/);
  });
});

describe("fleet run ids", () => {
  it("carry the runner's key before the runner's own id", () => {
    const key = memberKey("http://10.0.0.7:3001");
    expect(key).toMatch(/^[0-9a-f]{8}$/);
    expect(splitRunId(fleetRunId(key, "Ab_-0123456789xy"))).toEqual({ key, remoteId: "Ab_-0123456789xy" });
    for (const bad of ["", "0123abc", "0123abcZ", "0123abcd", `0123abcd${"x".repeat(57)}`, "0123abcd/x"]) expect(splitRunId(bad)).toBeUndefined();
  });
});

describe("RunnerFleet", () => {
  it("stands for every address a name resolves to, and forgets one that leaves (its streams end)", async () => {
    let addresses = ["10.0.0.1", "10.0.0.2", "fd00::3"];
    const fleet = new RunnerFleet(parseRunnerUrls("http://runner.fleet.invalid:3001"), { lookup: async () => addresses, healthTimeoutMs: 50 });
    const down: string[] = [];
    fleet.onDown((member) => down.push(member.url));
    await fleet.start();
    fleet.close();
    expect(fleet.members().map((m) => m.url)).toEqual(["http://10.0.0.1:3001", "http://10.0.0.2:3001", "http://[fd00::3]:3001"]);
    const leaving = memberKey("http://10.0.0.2:3001");
    addresses = ["10.0.0.1", "fd00::3"];
    await (fleet as unknown as { resolveNow(): Promise<void> }).resolveNow();
    expect(fleet.find(leaving)).toEqual({ gone: true });
    expect(fleet.find("ffffffff")).toEqual({ gone: false });
    expect(down).toContain("http://10.0.0.2:3001");
  });

  it("ranks the runners that take runs by load per slot, counting what was just sent", async () => {
    const idle = await healthServer({ status: 200, running: 1, queued: 0, slots: 10 });
    const busy = await healthServer({ status: 200, running: 6, queued: 2, slots: 10 });
    const draining = await healthServer({ status: 503, running: 0, queued: 0, slots: 10 });
    const fleet = new RunnerFleet(parseRunnerUrls([idle, busy, draining].map((p) => `http://127.0.0.1:${p}`).join(",")));
    await fleet.start();
    fleet.close();
    const ranked = fleet.ranked();
    expect(ranked.map((m) => m.url)).toEqual([`http://127.0.0.1:${idle}`, `http://127.0.0.1:${busy}`]);
    ranked[0]!.sent = 8;
    expect(fleet.ranked()[0]!.url).toBe(`http://127.0.0.1:${busy}`);
  });
});
