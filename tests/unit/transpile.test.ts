import { describe, expect, it } from "vitest";
import { resolveLocalImport, transpile, TranspileCache, TranspileError } from "../../runner/transpile";

describe("resolveLocalImport", () => {
  const files = { "common.ts": "", "util.mts": "", "plain.js": "" };
  it.each([
    ["./common", "common.ts"],
    ["./common.ts", "common.ts"],
    ["./common.js", "common.ts"],
    ["./util.mjs", "util.mts"],
    ["./util", "util.mts"],
    ["./plain", "plain.js"],
    ["./plain.js", "plain.js"],
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
