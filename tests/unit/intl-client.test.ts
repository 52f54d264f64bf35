/**
 * The browser's small next-intl (app/components/i18n/intl-client.tsx) says every message of
 * every language exactly as next-intl does on the server, text node for text node (the
 * server's HTML is hydrated with it), for several counts of every plural.
 */
import { createTranslator } from "next-intl";
import { createElement, Fragment, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { translator } from "../../app/components/i18n/intl-client";
import en from "../../messages/en.json";
import ko from "../../messages/ko.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
}

const html = (node: ReactNode) => renderToString(createElement(Fragment, null, node));

describe("intl-client", () => {
  it.each([
    ["en", en],
    ["ko", ko],
  ])("%s: every message, as next-intl says it", (locale, messages) => {
    const theirs = createTranslator({ locale, messages });
    const ours = translator({ locale, messages });
    for (const [key, message] of leaves(messages)) {
      const tags = [...new Set([...message.matchAll(/<(\w+)>/g)].map((m) => m[1]!))];
      const names = [...new Set([...message.matchAll(/\{\s*(\w+)/g)].map((m) => m[1]!))];
      for (const count of [0, 1, 2, 1234]) {
        const values: Record<string, unknown> = Object.fromEntries(names.map((name) => [name, count]));
        for (const tag of tags) values[tag] = (chunks: ReactNode) => createElement(tag === "link" ? "a" : tag, { className: "x" }, chunks);
        if (tags.length > 0) {
          expect(html(ours.rich(key, values as never)), key).toBe(html(theirs.rich(key as never, values as never)));
        } else {
          expect(ours(key, values as never), key).toBe(theirs(key as never, values as never));
        }
      }
      expect(ours.has(key)).toBe(true);
    }
  });

  it("a missing message says its key, like next-intl, and is reported", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const ours = translator({ locale: "en", messages: en }, "chrome");
    expect(ours("nope")).toBe("chrome.nope");
    expect(ours.has("nope")).toBe(false);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
