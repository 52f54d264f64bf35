import { describe, expect, it } from "vitest";
import { getLessons } from "../../content/loader";
import { stripLeadingEmoji, variantKind, variantLabel } from "../../app/components/playground/variantKind";

describe("variantLabel", () => {
  it("says broken or fixed in words instead of ❌ / ✅", () => {
    expect(variantLabel({ id: "broken", label: "❌ The client receives first" })).toBe("Broken: the client receives first");
    expect(variantLabel({ id: "fixed", label: "✅ Both sockets in one process" })).toBe("Fixed: both sockets in one process");
    expect(variantLabel({ id: "fixed", label: "Lock-step order" })).toBe("Fixed: lock-step order");
  });

  it("keeps names as they are spelt, and a label that already says it", () => {
    expect(variantLabel({ id: "broken", label: "❌ PUB/SUB, HWM 10: silent loss" })).toBe("Broken: PUB/SUB, HWM 10: silent loss");
    expect(variantLabel({ id: "fixed", label: "✅ REQ with REP" })).toBe("Fixed: REQ with REP");
    expect(variantLabel({ id: "fixed", label: "✅ linger: 0 drops what is left at close()" })).toBe("Fixed: linger: 0 drops what is left at close()");
    expect(variantLabel({ id: "broken", label: "Broken: two sockets" })).toBe("Broken: two sockets");
    expect(variantLabel({ id: "fixed", label: "✅" })).toBe("Fixed");
  });

  it("leaves other variants' words alone, without a leading emoji", () => {
    expect(variantLabel({ id: "starter", label: "Starter: a PULL socket" })).toBe("Starter: a PULL socket");
    expect(variantLabel({ id: "main", label: "🚀 Three clients, one server" })).toBe("Three clients, one server");
    expect(stripLeadingEmoji("✋️ Hand")).toBe("Hand");
    expect(variantKind("solution")).toBeNull();
  });

  it("leaves no emoji at the start of any lesson variant's label", () => {
    const labels = getLessons().flatMap((l) => l.snippetDetails.flatMap((s) => s.variants.map((v) => ({ v, shown: variantLabel(v) }))));
    expect(labels.length).toBeGreaterThan(0);
    for (const { v, shown } of labels) {
      expect(shown, v.label).not.toMatch(/^\p{Extended_Pictographic}/u);
      const kind = variantKind(v.id);
      if (kind) expect(shown, v.label).toMatch(kind === "broken" ? /^Broken/ : /^Fixed/);
    }
  }, 30_000); // reading every lesson takes seconds on a shared machine
});
