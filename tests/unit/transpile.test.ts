import { describe, expect, it } from "vitest";
import { codeFrame, entryFormat, formatCompileErrors, resolveLocalImport, transpile, TranspileCache, TranspileError } from "../../runner/transpile";

describe("resolveLocalImport", () => {
  const files = { "common.ts": "", "util.mts": "", "plain.js": "", "legacy.cts": "", "old.cjs": "" };
  it.each([
    ["./common", "common.ts"],
    ["./common.ts", "common.ts"],
    ["./common.js", "common.ts"],
    ["./util.mjs", "util.mts"],
    ["./util", "util.mts"],
    ["./plain", "plain.js"],
    ["./plain.js", "plain.js"],
    ["./legacy.cjs", "legacy.cts"],
    ["./legacy", "legacy.cts"],
    ["./old", "old.cjs"],
    ["./old.cjs", "old.cjs"],
    ["./missing", undefined],
    ["./sub/common", undefined],
    ["./toString", undefined],
    ["./constructor", undefined],
  ])("%s → %s", (spec, expected) => {
    expect(resolveLocalImport(spec, files)).toBe(expected);
  });
});

describe("transpile", () => {
  it("bundles entries, keeps zeromq and built-ins external and shares common files", async () => {
    const result = await transpile(
      {
        "server.ts": `import { ADDR } from "./common"; import * as zmq from "zeromq"; import { setTimeout } from "node:timers/promises"; const n: number = 1; console.log(ADDR, zmq, setTimeout, n);`,
        "client.ts": `import { ADDR } from "./common.js"; import os from "os"; console.log(ADDR, os);`,
        "common.ts": `export const ADDR: string = "tcp://127.0.0.1:5555";`,
      },
      ["server.ts", "client.ts"],
    );
    expect(result.entries).toEqual({ "server.ts": "server.mjs", "client.ts": "client.mjs" });
    const names = Object.keys(result.outputs);
    expect(names).toEqual(expect.arrayContaining(["server.mjs", "client.mjs"]));
    expect(names.filter((n) => n.startsWith("_chunk-"))).toHaveLength(1);
    expect(result.outputs["server.mjs"]).toContain('from "zeromq"');
    expect(result.outputs["server.mjs"]).not.toContain(": number");
    expect(result.outputs["server.mjs"]).toContain("sourceMappingURL=data:application/json");
  });

  it("reports syntax errors with file, 1-based line and column", async () => {
    const error = await transpile({ "main.ts": "const ok = 1;\nlet a: = 3;" }, ["main.ts"]).catch((e) => e);
    expect(error).toBeInstanceOf(TranspileError);
    expect(error.errors).toEqual([{ file: "main.ts", line: 2, column: 8, message: expect.stringContaining("Unexpected") }]);
  });

  it("refuses packages other than zeromq and imports that name no file", async () => {
    const error = await transpile({ "main.ts": `import "left-pad";\nimport "./nope";` }, ["main.ts"]).catch((e) => e);
    expect(error).toBeInstanceOf(TranspileError);
    const messages = (error as TranspileError).errors.map((e) => e.message).join("\n");
    expect(messages).toContain(`Cannot import "left-pad"`);
    expect(messages).toContain(`Cannot find "./nope"`);
  });
});

describe("entryFormat", () => {
  it.each([
    ["a.mjs", undefined, "esm"],
    ["a.mts", "cjs", "esm"],
    ["a.cjs", "esm", "cjs"],
    ["a.cts", undefined, "cjs"],
    ["a.js", "esm", "esm"],
    ["a.ts", "esm", "esm"],
    ["a.js", "cjs", "cjs"],
    // No module syntax at all: Node runs a .js file as CommonJS.
    ["a.js", undefined, "cjs"],
    ["a.ts", undefined, "cjs"],
  ] as const)("%s (esbuild: %s) → %s", (entry, detected, expected) => {
    expect(entryFormat(entry, detected)).toBe(expected);
  });
});

describe("transpile: CommonJS and ES modules together", () => {
  it("gives a CommonJS entry a .cjs bundle of its own, with zeromq and built-ins required from Node", async () => {
    const result = await transpile(
      {
        "server.js": `const zmq = require("zeromq");\nconst { ADDR } = require("./common");\nmodule.exports = zmq;\nconsole.log(ADDR, require.main === module, __dirname);`,
        "client.ts": `import { ADDR } from "./common"; import * as zmq from "zeromq"; console.log(ADDR, zmq);`,
        "common.ts": `export const ADDR: string = "tcp://127.0.0.1:5555";`,
      },
      ["server.js", "client.ts"],
    );
    expect(result.entries).toEqual({ "server.js": "server.cjs", "client.ts": "client.mjs" });
    const server = result.outputs["server.cjs"]!;
    expect(server).toContain(`require("zeromq")`);
    expect(server).not.toMatch(/^import /m);
    expect(server).not.toContain("Dynamic require");
    expect(result.outputs["client.mjs"]).toContain('from "zeromq"');
    // Only what the ES module entries load: no left-over ES build of server.js.
    const chunks = Object.keys(result.outputs).filter((name) => name.startsWith("_chunk-"));
    expect(Object.keys(result.outputs).sort()).toEqual(["client.mjs", "server.cjs", ...chunks].sort());
    for (const chunk of chunks) expect(result.outputs["client.mjs"]).toContain(`./${chunk}`);
  });

  it("lets an ES module import a CommonJS file that requires zeromq, through Node's own require", async () => {
    const result = await transpile(
      { "main.ts": `import { kind } from "./common.cjs"; console.log(kind);`, "common.cjs": `const zmq = require("zeromq");\nexports.kind = typeof zmq.Request;` },
      ["main.ts"],
    );
    const main = result.outputs["main.mjs"]!;
    expect(main).toContain("createRequire(import.meta.url)");
    expect(main).toContain(`("zeromq")`);
    expect(main).not.toContain("Dynamic require");
  });

  it("loads zeromq/v5-compat by the file name Node's ES module resolver needs", async () => {
    const result = await transpile({ "main.ts": `import * as zmq from "zeromq/v5-compat"; console.log(zmq.socket);`, "cjs.js": `require("zeromq/v5-compat");` }, ["main.ts", "cjs.js"]);
    expect(result.outputs["main.mjs"]).toContain(`from "zeromq/v5-compat.js"`);
    expect(result.outputs["cjs.cjs"]).toContain(`require("zeromq/v5-compat.js")`);
  });

  it("keeps two entries that share a stem apart", async () => {
    const result = await transpile({ "server.ts": `export {}; console.log(1);`, "server.js": `console.log(2);` }, ["server.ts", "server.js"]);
    expect(result.entries).toEqual({ "server.ts": "server.ts.mjs", "server.js": "server.js.cjs" });
    expect(Object.keys(result.outputs).sort()).toEqual(["server.js.cjs", "server.ts.mjs"]);
  });

  it("puts the learner's sources in the source map, so Node can show their lines", async () => {
    const result = await transpile({ "main.ts": `const n: number = 1;\nconsole.log(n);` }, ["main.ts"]);
    const map = /sourceMappingURL=data:application\/json;base64,(\S+)/.exec(result.outputs["main.cjs"]!)![1]!;
    expect(JSON.parse(Buffer.from(map, "base64").toString()).sourcesContent).toEqual([`const n: number = 1;\nconsole.log(n);`]);
  });

  it("refuses top-level await in a file a CommonJS entry requires, as Node does", async () => {
    const error = await transpile({ "main.cjs": `require("./wait");`, "wait.ts": `export const a = 1;\nawait 0;` }, ["main.cjs"]).catch((e) => e);
    expect(error).toBeInstanceOf(TranspileError);
    expect(error.errors.map((e: { message: string }) => e.message).join("\n")).toMatch(/top-level await/i);
  });
});

describe("code frames", () => {
  it("shows the line with its number and a caret under the column", () => {
    expect(codeFrame("const a = 1;\nlet b: = 2;\n", 2, 8)).toBe("2 | let b: = 2;\n  |        ^\n");
    expect(codeFrame("\tx(;", 1, 4)).toBe("1 | \tx(;\n  | \t  ^\n");
    expect(codeFrame("x", 3, 1)).toBe("");
  });

  it("formats compile errors with a frame each, for the learner's stderr", () => {
    const text = formatCompileErrors(
      [
        { file: "main.ts", line: 2, column: 8, message: `Unexpected "="` },
        { file: "(run)", line: 0, column: 0, message: "something" },
      ],
      { "main.ts": "const a = 1;\nlet b: = 2;" },
    );
    expect(text).toBe(`main.ts:2:8: error: Unexpected "="\n2 | let b: = 2;\n  |        ^\n\n(run): error: something\n`);
  });
});

describe("TranspileCache", () => {
  it("returns the same result for the same files and entries, and keeps errors", async () => {
    const cache = new TranspileCache(2);
    const files = { "main.ts": "const a: number = 1; console.log(a);" };
    const first = await cache.get(files, ["main.ts"]);
    expect(await cache.get({ ...files }, ["main.ts"])).toBe(first);
    const broken = { "main.ts": "let = ;" };
    const a = await cache.get(broken, ["main.ts"]).catch((e) => e);
    const b = await cache.get(broken, ["main.ts"]).catch((e) => e);
    expect(a).toBeInstanceOf(TranspileError);
    expect(b).toBe(a);
  });

  it("evicts the least recently used entry beyond its capacity", async () => {
    const cache = new TranspileCache(1);
    const one = await cache.get({ "main.ts": "1" }, ["main.ts"]);
    await cache.get({ "main.ts": "2" }, ["main.ts"]);
    expect(await cache.get({ "main.ts": "1" }, ["main.ts"])).not.toBe(one);
  });
});
