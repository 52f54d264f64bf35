/**
 * Code learners bring from elsewhere, through the real runner and sandbox:
 * CommonJS beside ES modules and TypeScript, zeromq's v5 compatibility layer,
 * zguide-style programs (zmq.socket, cluster.fork, process.argv, stdin), and
 * errors reported in the learner's own files and lines.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEvents, request, runToEnd, startRunner, type TestServer } from "./harness";

let server: TestServer;
beforeAll(async () => {
  server = await startRunner({ rateBurst: 1000, ratePerMinute: 0 });
});
afterAll(() => server.close());

/** The zguide's hello-world server and client (zeromq 5 API), with only the require line changed. */
const ZGUIDE_SERVER = `// Hello World server
// Binds REP socket to tcp://*:5555
// Expects "Hello" from client, replies with "World"

var zmq = require('zeromq/v5-compat');

// socket to talk to clients
var responder = zmq.socket('rep');

responder.on('message', function(request) {
  console.log("Received request: [", request.toString(), "]");

  // do some 'work'
  setTimeout(function() {
    // send reply back to client.
    responder.send("World");
  }, 10);
});

responder.bind('tcp://*:5555', function(err) {
  if (err) {
    console.log(err);
  } else {
    console.log("Listening on 5555...");
  }
});

process.on('SIGINT', function() {
  responder.close();
});
`;

const ZGUIDE_CLIENT = `// Hello World client
// Connects REQ socket to tcp://localhost:5555
// Sends "Hello" to server.

var zmq = require('zeromq/v5-compat');

// socket to talk to server
console.log("Connecting to hello world server...");
var requester = zmq.socket('req');

var x = 0;
requester.on("message", function(reply) {
  console.log("Received reply", x, ": [", reply.toString(), ']');
  x += 1;
  if (x === 3) {
    requester.close();
    process.exit(0);
  }
});

requester.connect("tcp://localhost:5555");

for (var i = 0; i < 3; i++) {
  console.log("Sending request", i, '...');
  requester.send("Hello");
}

process.on('SIGINT', function() {
  requester.close();
});
`;

describe("CommonJS learner files", () => {
  it("runs a .js file that uses require and module, as Node runs it", async () => {
    const { end, output } = await runToEnd(server.url, {
      files: {
        "main.js": `const zmq = require("zeromq");
const { twice } = require("./helper");
console.log(typeof zmq.Request, twice(21), require.main === module, __dirname, typeof module.exports);
undeclared = "sloppy mode, as in a CommonJS script";
console.log(undeclared);`,
        "helper.cjs": `module.exports = { twice: (n) => n * 2 };`,
      },
    });
    expect(end.status).toBe("ok");
    expect(output("main")).toBe("function 42 true /code object\nsloppy mode, as in a CommonJS script\n");
  });

  it("mixes a CommonJS server, a TypeScript client and an ES module helper required from CommonJS", async () => {
    const { end, output } = await runToEnd(server.url, {
      files: {
        "server.cjs": `const zmq = require("zeromq");
const { ADDRESS } = require("./common");
(async () => {
  const rep = new zmq.Reply();
  await rep.bind(ADDRESS);
  const [msg] = await rep.receive();
  await rep.send(msg.toString() + ", World");
  console.log("served", msg.toString());
  rep.close();
})();`,
        "client.ts": `import * as zmq from "zeromq";
import { ADDRESS } from "./common";
import { label } from "./legacy.js";
const req = new zmq.Request();
req.connect(ADDRESS);
await req.send("Hello");
const [reply] = await req.receive();
console.log(label(reply.toString()));
req.close();`,
        "common.ts": `export const ADDRESS: string = "tcp://127.0.0.1:5555";`,
        // A CommonJS file an ES module imports, which itself requires zeromq.
        "legacy.js": `const zmq = require("zeromq");
exports.label = (text) => text + " (zeromq " + typeof zmq.version + ")";`,
      },
      processes: [
        { name: "server", entry: "server.cjs" },
        { name: "client", entry: "client.ts", delayMs: 100 },
      ],
    });
    expect(end.status).toBe("ok");
    expect(output("server")).toBe("served Hello\n");
    expect(output("client")).toBe("Hello, World (zeromq string)\n");
  });

  it("runs a .cts file as CommonJS", async () => {
    const { end, output } = await runToEnd(server.url, {
      files: { "main.cts": `const zmq: typeof import("zeromq") = require("zeromq");\nconst n: number = 2;\nconsole.log(n, typeof zmq.Push, require.main === module);` },
    });
    expect(end.status).toBe("ok");
    expect(output("main")).toBe("2 function true\n");
  });
});

describe("zeromq/v5-compat", () => {
  it("loads from an ES module import and from require", async () => {
    const { end, output } = await runToEnd(server.url, {
      files: {
        "main.ts": `import * as zmq from "zeromq/v5-compat";
import { kind } from "./old.cjs";
console.log(typeof zmq.socket, kind);`,
        "old.cjs": `exports.kind = typeof require("zeromq/v5-compat").socket;`,
      },
    });
    expect(end.status).toBe("ok");
    expect(output("main")).toBe("function function\n");
  });

  it("runs the zguide's hello-world server and client with only the require line changed", async () => {
    const { end, output } = await runToEnd(server.url, {
      files: { "hwserver.js": ZGUIDE_SERVER, "hwclient.js": ZGUIDE_CLIENT },
      processes: [
        { name: "server", entry: "hwserver.js" },
        { name: "client", entry: "hwclient.js", delayMs: 200 },
      ],
      timeoutMs: 3_000,
    });
    expect(output("client")).toContain("Received reply 2 : [ World ]");
    expect(output("server")).toContain("Received request: [ Hello ]");
    // The server never exits by itself: the run ends at its time limit, as the guide's server would run forever.
    expect(end.status).toBe("timeout");
  });
});

describe("zguide programs pasted unchanged", () => {
  it("names the one-line fix when zeromq 5 code meets zeromq 6", async () => {
    const { end, output } = await runToEnd(server.url, {
      files: { "hwclient.js": ZGUIDE_CLIENT.replace("require('zeromq/v5-compat')", "require('zeromq')") },
      processes: [{ name: "client", entry: "hwclient.js" }],
    });
    expect(end.status).toBe("failed");
    expect(end.message).toMatch(/^"client" failed: TypeError: zmq\.socket is not a function \(hwclient\.js:9:\d+\)\./);
    expect(end.message).toContain(`require("zeromq/v5-compat")`);
    expect(end.errors).toEqual([{ file: "hwclient.js", line: 9, column: expect.any(Number), message: "TypeError: zmq.socket is not a function" }]);
    const stderr = output("client", "stderr");
    expect(stderr).toMatch(/^\/code\/hwclient\.js:9\n/);
    // The hint comes after Node's own report, where the learner reads last.
    expect(stderr.indexOf(`const zmq = require("zeromq/v5-compat");`)).toBeGreaterThan(stderr.indexOf("TypeError: zmq.socket is not a function"));
  });

  it("names the fix for an ES module too", async () => {
    const { end } = await runToEnd(server.url, { files: { "main.ts": `import * as zmq from "zeromq";\nconst s = (zmq as any).socket("req");` } });
    expect(end.message).toContain(`import * as zmq from "zeromq/v5-compat"`);
  });

  it("runs cluster.fork() workers inside the run, printing into the process's output", async () => {
    const { end, output } = await runToEnd(server.url, {
      files: {
        "main.js": `var cluster = require("cluster");
var zmq = require("zeromq/v5-compat");
if (cluster.isMaster) {
  var pull = zmq.socket("pull");
  pull.bindSync("tcp://127.0.0.1:5555");
  var n = 0;
  pull.on("message", function (msg) {
    if (++n < 3) return;
    console.log("primary: 3 messages");
    pull.close();
    for (var id in cluster.workers) cluster.workers[id].kill();
  });
  for (var i = 0; i < 3; i++) cluster.fork();
} else {
  var push = zmq.socket("push");
  push.connect("tcp://127.0.0.1:5555");
  console.log("worker " + cluster.worker.id + " of " + process.env.RUNNER_PROCESS_NAME + " " + process.argv.slice(2).join(","));
  push.send("hello");
}`,
      },
      processes: [{ name: "hub", entry: "main.js", args: ["a", "b"] }],
    });
    expect(end.status).toBe("ok");
    const lines = output("hub").trim().split("\n").sort();
    expect(lines).toEqual(["primary: 3 messages", "worker 1 of hub a,b", "worker 2 of hub a,b", "worker 3 of hub a,b"]);
  });

  it("passes each process its args in process.argv", async () => {
    const { end, output } = await runToEnd(server.url, {
      files: { "main.js": `console.log(JSON.stringify(process.argv.slice(1)));` },
      processes: [
        { name: "one", entry: "main.js", args: ["tcp://localhost:5555", "with space", "", "ü"] },
        { name: "two", entry: "main.js" },
      ],
    });
    expect(end.status).toBe("ok");
    expect(JSON.parse(output("one"))).toEqual(["/code/main.cjs", "tcp://localhost:5555", "with space", "", "ü"]);
    expect(JSON.parse(output("two"))).toEqual(["/code/main.cjs"]);
  });

  it("refuses args beyond the limits with a 400", async () => {
    for (const args of [Array.from({ length: 17 }, () => "x"), ["x".repeat(257)], ["a\u0000b"], "x"]) {
      const response = await request(server.url, "/api/runs", {
        body: { files: { "main.js": "" }, processes: [{ name: "main", entry: "main.js", args }] },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("invalid-args");
    }
  });

  it("reads process.stdin from a pipe in a CommonJS program", async () => {
    const started = await request(server.url, "/api/runs", {
      body: {
        files: {
          "main.js": `var n = 0;
process.stdin.setEncoding("utf8");
process.stdin.on("data", function (chunk) { n += chunk.length; process.stdout.write("got " + JSON.stringify(chunk) + "\\n"); });
process.stdin.on("end", function () { console.log("end after " + n + " characters"); });
console.log("ready");`,
        },
      },
    });
    expect(started.status).toBe(202);
    const id = started.body.id;
    const first = await readEvents(server.url, id, { until: (e) => e.type === "stdout" });
    expect(await request(server.url, `/api/runs/${id}/stdin`, { body: { process: "main", data: "hello\n" } })).toMatchObject({ status: 200 });
    expect(await request(server.url, `/api/runs/${id}/stdin`, { body: { process: "main", eof: true } })).toMatchObject({ status: 200 });
    const rest = await readEvents(server.url, id, { lastEventId: first.at(-1)!.id });
    const text = rest.filter((e) => e.type === "stdout").map((e) => e.data.data).join("");
    expect(text).toBe(`got "hello\\n"\nend after 6 characters\n`);
    expect(rest.at(-1)!.data.status).toBe("ok");
  });
});

describe("errors in the learner's own lines", () => {
  it("reports a runtime exception at the TypeScript line, in the output, end.message and end.errors", async () => {
    const server_ts = `import * as zmq from "zeromq";

interface Job {
  id: number;
  run?: () => void;
}

// Types and comments take lines that the compiled file does not have.
type Handler = (job: Job) => void;

const handle: Handler = (job) => {
  console.log("handling", job.id);
  job.run!();
};

handle({ id: 1 });
`;
    const { end, output } = await runToEnd(server.url, { files: { "server.ts": server_ts }, processes: [{ name: "server", entry: "server.ts" }] });
    expect(end.status).toBe("failed");
    expect(end.message).toBe(`"server" failed: TypeError: job.run is not a function (server.ts:13:7).`);
    expect(end.errors).toEqual([{ file: "server.ts", line: 13, column: 7, message: "TypeError: job.run is not a function" }]);
    const stderr = output("server", "stderr");
    // First the learner's file and line, then the line itself with a caret under the column.
    expect(stderr).toMatch(/^\/code\/server\.ts:13\n {2}job\.run!\(\);\n {6}\^\n/);
    expect(stderr).toContain("at handle (/code/server.ts:13:7)");
    expect(stderr).not.toContain("server.mjs");
  });

  it("points at the file where the exception happened, across imports and processes", async () => {
    const { end } = await runToEnd(server.url, {
      files: {
        "main.ts": `import { parse } from "./parse";\nconsole.log("parsing");\nparse("{");`,
        "parse.ts": `export function parse(text: string): unknown {\n  return JSON.parse(text);\n}`,
        "other.js": `setTimeout(() => {\n  throw new RangeError("other broke");\n}, 50);`,
      },
      processes: [
        { name: "main", entry: "main.ts" },
        { name: "other", entry: "other.js" },
      ],
    });
    expect(end.status).toBe("failed");
    expect(end.message).toMatch(/^"main" failed: SyntaxError: .*JSON.* \(parse\.ts:2:15\)\.$/);
    expect(end.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "parse.ts", line: 2, column: 15 }),
        { file: "other.js", line: 2, column: 9, message: "RangeError: other broke" },
      ]),
    );
  });

  it("keeps the plain exit message when a process exits with an error code by itself", async () => {
    const { end, output } = await runToEnd(server.url, { files: { "main.js": `console.error("Error: not really thrown");\nprocess.exit(3);` } });
    expect(end).toMatchObject({ status: "failed", message: `"main" exited with code 3.` });
    expect(end.errors).toBeUndefined();
    expect(output("main", "stderr")).toBe("Error: not really thrown\n");
  });

  it("shows a compile error with a code frame", async () => {
    const { end, output } = await runToEnd(server.url, { files: { "main.ts": `const a = 1;\nlet b: = 2;\n` } });
    expect(end.status).toBe("failed");
    expect(end.errors).toEqual([{ file: "main.ts", line: 2, column: 8, message: expect.stringContaining("Unexpected") }]);
    expect(output("main", "stderr")).toBe(`main.ts:2:8: error: Unexpected "="\n2 | let b: = 2;\n  |        ^\n`);
  });
});

describe("a lesson variant's note", () => {
  it("comes with end when the run shows what the variant expects, with what it printed", async () => {
    const previous = server.runner.checks;
    server.runner.checks = ({ snippet }) =>
      snippet === "lossy"
        ? {
            variant: {
              status: "ok",
              lastLine: { main: "^received ([0-9]+)/10$" },
              note: "Messages were lost: {main.1} of 10 arrived — that is the point of this demo.",
            },
          }
        : undefined;
    try {
      const lossy = { lesson: "01-x", snippet: "lossy", variant: "broken" };
      const shown = await runToEnd(server.url, { files: { "main.js": `console.log("received 3/10");` }, ...lossy } as never);
      expect(shown.end.note).toBe("Messages were lost: 3 of 10 arrived — that is the point of this demo.");
      // Not an exercise: no check event.
      expect(shown.events.some((e) => e.type === "check")).toBe(false);
      const fixed = await runToEnd(server.url, { files: { "main.js": `console.log("all arrived");` }, ...lossy } as never);
      expect(fixed.end.note).toBeUndefined();
    } finally {
      server.runner.checks = previous;
    }
  });
});
