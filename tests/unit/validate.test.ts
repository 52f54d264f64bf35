import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../../runner/config";
import { ApiError } from "../../runner/errors";
import { parseJsonObject, validateRunRequest } from "../../runner/validate";

const validate = (body: unknown) => validateRunRequest(body as Record<string, unknown>, DEFAULTS);

describe("validateRunRequest", () => {
  it("defaults to one process named main running main.ts, or the only file", () => {
    expect(validate({ files: { "main.ts": "", "lib.ts": "" } }).processes).toEqual([{ name: "main", entry: "main.ts", delayMs: 0 }]);
    expect(validate({ files: { "server.js": "" } }).processes).toEqual([{ name: "main", entry: "server.js", delayMs: 0 }]);
  });

  it("caps the timeout at the maximum and defaults it", () => {
    expect(validate({ files: { "main.ts": "" } }).timeoutMs).toBe(10_000);
    expect(validate({ files: { "main.ts": "" }, timeoutMs: 120_000 }).timeoutMs).toBe(60_000);
    expect(validate({ files: { "main.ts": "" }, timeoutMs: 2_500 }).timeoutMs).toBe(2_500);
  });

  it("counts the code limit in UTF-8 bytes", () => {
    const korean = "가".repeat(22_000); // 3 bytes each: 66 000 bytes
    expect(() => validate({ files: { "main.ts": korean } })).toThrow(ApiError);
    expect(() => validate({ files: { "main.ts": "a".repeat(64 * 1024) } })).not.toThrow();
  });

  it("keeps attribution fields", () => {
    expect(validate({ files: { "main.ts": "" }, lesson: "05-performance", snippet: "hwm-overflow", variant: "fixed" })).toMatchObject({
      lesson: "05-performance",
      snippet: "hwm-overflow",
      variant: "fixed",
    });
  });

  it("rejects prototype tricks in file names", () => {
    expect(() => validate(JSON.parse(`{"files": {"__proto__": "x"}}`))).toThrow(/file/i);
  });
});

describe("parseJsonObject", () => {
  it.each(["", "null", "1", '"x"', "[]", "{"])("rejects %j", (text) => {
    expect(() => parseJsonObject(text)).toThrow(ApiError);
  });
});
