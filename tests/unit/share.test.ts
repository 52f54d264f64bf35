import { describe, expect, it } from "vitest";
import { decodeShare, encodeShare, ShareError } from "../../app/components/editor/share";

describe("share links", () => {
  it("carry files and processes, and read back exactly", async () => {
    const files = { "server.ts": "console.log('s')", "client.ts": "console.log('c')" };
    const processes = [{ name: "server", entry: "server.ts" }, { name: "client", entry: "client.ts", delayMs: 100 }];
    expect(await decodeShare(await encodeShare(files, processes))).toEqual({ files, processes });
  });

  it("carry each process's arguments; a link without them starts processes with none", async () => {
    const files = { "main.ts": "console.log(process.argv.slice(2))" };
    const processes = [{ name: "main", entry: "main.ts", args: ["--count", "3", "two words", ""] }];
    expect(await decodeShare(await encodeShare(files, processes))).toEqual({ files, processes });
    const plain = await decodeShare(await encodeShare(files, [{ name: "main", entry: "main.ts" }]));
    expect(plain.processes).toEqual([{ name: "main", entry: "main.ts" }]);
    await expect(encodeShare(files, [{ name: "main", entry: "main.ts", args: ["a\0b"] }])).rejects.toThrow(/without NUL/);
  });

  it("without processes read as before (old links keep working)", async () => {
    const files = { "main.ts": "console.log(1)" };
    const decoded = await decodeShare(await encodeShare(files));
    expect(decoded).toEqual({ files });
    expect("processes" in decoded).toBe(false);
  });

  it("refuse processes the run API would refuse", async () => {
    const files = { "main.ts": "" };
    await expect(encodeShare(files, [{ name: "x", entry: "other.ts" }])).rejects.toThrow(ShareError);
    const five = Array.from({ length: 5 }, (_, i) => ({ name: `p${i}`, entry: "main.ts" }));
    await expect(encodeShare(files, five)).rejects.toThrow(/at most 4 processes/);
  });
});
