/** Hosts where bubblewrap cannot work: refuse with 503 and a fix, unless unsafe mode is chosen. */
import { afterEach, describe, expect, it } from "vitest";
import { main, request, runToEnd, startRunner, type TestServer } from "./harness";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("sandbox availability", () => {
  it("refuses runs with 503 and says how to fix it when bubblewrap is missing", async () => {
    server = await startRunner({ bwrapPath: "/nonexistent/bwrap" });
    const run = await request(server.url, "/api/runs", { body: main(`console.log(1)`) });
    expect(run.status).toBe(503);
    expect(run.body.error.code).toBe("sandbox-unavailable");
    expect(run.body.error.message).toContain("apt-get install -y bubblewrap");
    const health = await request(server.url, "/api/health");
    expect(health.status).toBe(503);
    expect(health.body.sandbox).toMatchObject({ available: false });
  });

  it("runs without a sandbox only when the operator sets the unsafe mode", async () => {
    server = await startRunner({ bwrapPath: "/nonexistent/bwrap", unsafeNoSandbox: true });
    const health = await request(server.url, "/api/health");
    expect(health.body.sandbox).toMatchObject({ available: true, mode: "unsafe-no-sandbox" });
    const { end, output } = await runToEnd(server.url, {
      files: {
        "server.ts": `import * as zmq from "zeromq"; const s = new zmq.Pull(); await s.bind("tcp://127.0.0.1:5599"); const [m] = await s.receive(); console.log(m.toString()); s.close();`,
        "client.ts": `import * as zmq from "zeromq"; const s = new zmq.Push(); s.connect("tcp://127.0.0.1:5599"); await s.send("unsafe but working"); s.close();`,
      },
      processes: [{ name: "server", entry: "server.ts" }, { name: "client", entry: "client.ts", delayMs: 100 }],
    });
    expect(end.status).toBe("ok");
    expect(output("server")).toBe("unsafe but working\n");
    expect(server.logs.at(-1)).toMatchObject({ sandbox: "unsafe-no-sandbox" });
  });
});
