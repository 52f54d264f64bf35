import { describe, expect, it } from "vitest";
import { inlineScriptHashes, isAllowedInlineScript, scriptPolicy } from "../../csp";
import { EMBED_PENDING_SCRIPT } from "../../app/_lib/embed/pending";
import { themeScript } from "../../app/components/theme/theme";

describe("the script policy's inline scripts", () => {
  it("allows ours by their text and Next.js's data hand-overs", () => {
    for (const source of [
      themeScript(),
      EMBED_PENDING_SCRIPT,
      "(self.__next_f=self.__next_f||[]).push([0])",
      'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])',
      'self.__next_f.push([1,"a ]) b \\u003c/script\\u003e"])',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["a.js"],"runtimeModuleIds":[1]});',
    ]) {
      expect(isAllowedInlineScript(source), source).toBe(true);
    }
  });

  it("refuses anything else, even when it starts like Next.js's", () => {
    for (const source of [
      "alert(1)",
      `${themeScript()};alert(1)`,
      'self.__next_f.push([1,"x"]);alert(1);self.__next_f.push([1,"y"])',
      'self.__next_f.push([1,"x"],alert(1))',
      "self.__next_f.push([alert(1)])",
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"a":alert(1)});',
    ]) {
      expect(isAllowedInlineScript(source), source).toBe(false);
    }
  });

  it("hashes the allowed inline scripts of a page, skipping external and data scripts, counting the rest", () => {
    const html = `<html><head><script src="/_next/a.js" async=""></script><script>${themeScript()}</script></head><body>
<script type="application/ld+json">{"@context":"x"}</script><script>self.__next_f.push([1,"x"])</script><script>alert(1)</script>
<script nonce="abc">self.__next_f.push([1,"x"])</script></body></html>`;
    const { hashes, refused } = inlineScriptHashes(html);
    expect(refused).toBe(1);
    expect(hashes).toHaveLength(2);
    for (const hash of hashes) expect(hash).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  });

  it("names no unsafe source", () => {
    const policy = scriptPolicy(["'nonce-x'"], false);
    expect(policy).toBe("script-src 'self' 'nonce-x'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'");
    expect(scriptPolicy([], true)).toContain("'unsafe-eval'");
  });
});
