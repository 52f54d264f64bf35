import { describe, expect, it } from "vitest";
import { describeLearnerError, hintFor, parseUncaughtError } from "../../runner/learner-error";

// Reports as Node 20 prints them in the sandbox (captured from real runs).
const ESM_REPORT =
  "/code/server.ts:6\n  f();\n  ^\n\n\nTypeError: f is not a function\n    at go (/code/server.ts:6:3)\n    at <anonymous> (/code/server.ts:8:1)\n" +
  "    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)\n    at async ModuleLoader.import (node:internal/modules/esm/loader:606:24)\n\nNode.js v20.20.2\n";
const CJS_V5_REPORT =
  '/code/main.js:2\nvar s = zmq.socket("req");\n            ^\n\n\nTypeError: zmq.socket is not a function\n    at Object.<anonymous> (/code/main.js:2:13)\n' +
  "    at Module._compile (node:internal/modules/cjs/loader:1521:14)\n    at Module._load (node:internal/modules/cjs/loader:1091:12)\n\nNode.js v20.20.2\n";

describe("parseUncaughtError", () => {
  it("reads the error and the learner's file, line and column from an ES module's report", () => {
    expect(parseUncaughtError("some output first\n" + ESM_REPORT, ["server.ts"])).toEqual({
      message: "TypeError: f is not a function",
      location: { file: "server.ts", line: 6, column: 3 },
    });
  });

  it("reads a CommonJS report", () => {
    expect(parseUncaughtError(CJS_V5_REPORT, ["main.js"])).toEqual({
      message: "TypeError: zmq.socket is not a function",
      location: { file: "main.js", line: 2, column: 13 },
    });
  });

  it("takes the first frame in the learner's files when a library threw", () => {
    const report =
      "/node_modules/zeromq/src/index.ts:120\n    throw new Error(\"Socket is busy writing\")\n    ^\n\n" +
      "Error: Socket is busy writing; only one send operation may be in progress at any time\n" +
      "    at Push.send (/node_modules/zeromq/src/index.ts:120:11)\n    at send (/code/common.ts:4:9)\n    at /code/client.ts:9:3 {\n  code: 'EBUSY',\n  errno: 16\n}\n\nNode.js v20.20.2\n";
    expect(parseUncaughtError(report, ["client.ts", "common.ts"])).toEqual({
      message: "Error: Socket is busy writing; only one send operation may be in progress at any time",
      location: { file: "common.ts", line: 4, column: 9 },
    });
  });

  it("reads a thrown value that is not an Error, placed by its code frame", () => {
    const report = '/code/main.ts:3\nthrow "nope";\n^\nnope\n(Use `node --trace-uncaught ...` to show where the exception was thrown)\n\nNode.js v20.20.2\n';
    expect(parseUncaughtError(report, ["main.ts"])).toEqual({ message: "nope", location: { file: "main.ts", line: 3, column: 1 } });
  });

  it("reads an error without a code frame, with no location when no frame is the learner's", () => {
    const report = "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/code/x.mjs'\n    at finalizeResolution (node:internal/modules/esm/resolve:283:11)\n\nNode.js v20.20.2\n";
    expect(parseUncaughtError(report, ["main.ts"])).toEqual({ message: "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/code/x.mjs'" });
  });

  it("ignores frames of files that are not the run's (the bundle's own helpers)", () => {
    const report = "file:///code/main.mjs:5\n  throw Error('x');\n        ^\n\nError: x\n    at file:///code/main.mjs:5:9\n    at <anonymous> (/code/main.js:1:13)\n\nNode.js v20.20.2\n";
    expect(parseUncaughtError(report, ["main.js"])).toEqual({ message: "Error: x", location: { file: "main.js", line: 1, column: 13 } });
  });

  it("is undefined when the process did not die of an uncaught exception", () => {
    expect(parseUncaughtError("Error: handled, then process.exit(1)\n    at /code/main.ts:1:1\n", ["main.ts"])).toBeUndefined();
    expect(parseUncaughtError("", ["main.ts"])).toBeUndefined();
  });

  it("keeps a long message short", () => {
    const report = `/code/main.ts:1\nx\n^\n\nError: ${"a".repeat(1000)}\n    at /code/main.ts:1:1\n\nNode.js v20.20.2\n`;
    expect(parseUncaughtError(report, ["main.ts"])!.message.length).toBeLessThanOrEqual(310);
  });
});

describe("describeLearnerError and hintFor", () => {
  it("puts the error and the learner's place in the end message", () => {
    expect(describeLearnerError("server", parseUncaughtError(ESM_REPORT, ["server.ts"])!)).toBe(
      `"server" failed: TypeError: f is not a function (server.ts:6:3).`,
    );
  });

  it("names the one-line fix for zeromq 5 code", () => {
    const error = parseUncaughtError(CJS_V5_REPORT, ["main.js"])!;
    expect(describeLearnerError("main", error)).toContain(`require("zeromq/v5-compat")`);
    expect(hintFor(error)!.stderr).toContain(`import * as zmq from "zeromq/v5-compat"`);
    for (const message of [
      "TypeError: zeromq.createSocket is not a function",
      "TypeError: (0 , import_zeromq.socket) is not a function",
      "SyntaxError: The requested module 'zeromq' does not provide an export named 'socket'",
    ]) {
      expect(hintFor({ message }), message).toBeDefined();
    }
    expect(hintFor({ message: "TypeError: websocket is not a function" })).toBeUndefined();
    expect(hintFor({ message: "TypeError: socket is not a function" })).toBeUndefined();
    expect(hintFor({ message: "TypeError: f is not a function" })).toBeUndefined();
  });
});
