/** The UI's strings: every language has every English key, no other, and the same placeholders. */
import { describe, expect, it } from "vitest";
import { localePath, splitLocalePath } from "../../content/lang";
import en from "../../messages/en.json";
import ko from "../../messages/ko.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") found.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) found.set(k, v);
  }
  return found;
}

/** `{name}` arguments and `<tag>` rich-text tags of an ICU message (plural branches' text left out: each language has its own). */
function placeholders(text: string): string[] {
  let bare = text;
  for (let before = ""; before !== bare; ) {
    before = bare;
    bare = bare.replace(/(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\}/g, "");
  }
  return [...new Set(bare.match(/\{\w+|<\w+>/g) ?? [])].sort();
}

describe("messages/<lang>.json", () => {
  const english = leaves(en);
  it.each([["ko", ko]])("%s has exactly the English keys, each translated with the same placeholders", (_lang, messages) => {
    const translated = leaves(messages);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(placeholders(translated.get(key)!), key).toEqual(placeholders(text));
      expect(translated.get(key)!.trim(), key).not.toBe("");
    }
  });
});

describe("language paths", () => {
  it("puts Korean under /ko and takes it off again", () => {
    expect(localePath("en", "/lessons/x")).toBe("/lessons/x");
    expect(localePath("ko", "/")).toBe("/ko");
    expect(localePath("ko", "/lessons/x/step#snippet")).toBe("/ko/lessons/x/step#snippet");
    expect(localePath("ko", "/?q=1")).toBe("/ko?q=1");
    expect(splitLocalePath("/ko")).toEqual({ lang: "ko", path: "/" });
    expect(splitLocalePath("/ko/lessons/x")).toEqual({ lang: "ko", path: "/lessons/x" });
    expect(splitLocalePath("/ko?q=1")).toEqual({ lang: "ko", path: "/?q=1" });
    expect(splitLocalePath("/kotlin")).toEqual({ lang: "en", path: "/kotlin" });
    expect(splitLocalePath("/lessons/x")).toEqual({ lang: "en", path: "/lessons/x" });
    // Where English pages are rendered (proxy.ts serves /lessons/x from /en/lessons/x).
    expect(splitLocalePath("/en/lessons/x")).toEqual({ lang: "en", path: "/lessons/x" });
    expect(splitLocalePath("/en")).toEqual({ lang: "en", path: "/" });
  });
});
