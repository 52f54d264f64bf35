import { describe, expect, it } from "vitest";
import { embedUrl, iframeHtml, parseResizeMessage, RESIZE_MESSAGE } from "../../app/_lib/embed/links";
import { oembed, OembedError, parseEmbedTarget } from "../../app/_lib/embed/oembed";
import { embedQuery, parseEmbedOptions, resolveEmbed } from "../../app/_lib/embed/options";
import type { Snippet } from "../../content/types";

const SITE = "https://zmq.example";
const ORIGINS = [SITE];

const snippet = (id: string, variants: string[]): Snippet => ({
  id,
  title: `Snippet ${id}`,
  variants: variants.map((v) => ({ id: v as Snippet["variants"][number]["id"], label: v, files: { "main.ts": "a\nb\nc", "util.ts": "x" } })),
});

const LESSONS = [
  {
    slug: "01-intro",
    part: 1,
    title: "Intro",
    summary: "",
    snippets: ["hello", "deadlock"],
    snippetDetails: [snippet("deadlock", ["broken", "fixed"]), snippet("hello", ["main"])],
    // Folders come in name order; the reader meets the snippets in the text's order, step by step.
    steps: [
      { slug: "start", snippets: ["hello"] },
      { slug: "later", snippets: ["deadlock"] },
    ],
  },
];

const ask = (url: string | null, extra: Partial<{ format: string; maxwidth: string; maxheight: string }> = {}) =>
  oembed({ url, format: extra.format ?? null, maxwidth: extra.maxwidth ?? null, maxheight: extra.maxheight ?? null }, LESSONS, ORIGINS);

function failure(run: () => unknown): OembedError {
  try {
    run();
  } catch (error) {
    if (error instanceof OembedError) return error;
    throw error;
  }
  throw new Error("expected an OembedError");
}

describe("embed options", () => {
  it("reads every option and falls back to the defaults on anything unknown", () => {
    expect(parseEmbedOptions(new URLSearchParams("variant=fixed&theme=dark&readonly=1&output=only&file=util.ts&autorun=true&trace=1&id=ex-1&lang=ko"))).toEqual({
      variant: "fixed",
      theme: "dark",
      readOnly: true,
      outputOnly: true,
      file: "util.ts",
      autorun: true,
      trace: true,
      id: "ex-1",
      lang: "ko",
    });
    expect(parseEmbedOptions(new URLSearchParams("theme=purple&readonly=maybe&output=all&autorun=0&trace=yes-please&id=<script>&lang=xx"))).toEqual({
      variant: null,
      theme: "auto",
      readOnly: false,
      outputOnly: false,
      file: null,
      autorun: false,
      trace: false,
      id: null,
      lang: "en",
    });
  });

  it("takes the iframe's name as the id when the query has none", () => {
    expect(parseEmbedOptions(new URLSearchParams(""), "second").id).toBe("second");
    expect(parseEmbedOptions(new URLSearchParams("id=first"), "second").id).toBe("first");
  });

  it("writes only what differs from the defaults", () => {
    expect(embedQuery({})).toBe("");
    expect(embedQuery({ variant: "fixed", theme: "auto", readOnly: true })).toBe("?variant=fixed&readonly=1");
  });

  it("names what is available when the variant or file is unknown", () => {
    const variants = [
      { id: "broken", files: [{ name: "server.ts" }] },
      { id: "fixed", files: [{ name: "server.ts" }, { name: "client.ts" }] },
    ];
    expect(resolveEmbed({ variant: null, file: null }, variants)).toEqual({ ok: true, variant: "broken", file: "server.ts" });
    expect(resolveEmbed({ variant: "fixed", file: "client.ts" }, variants)).toEqual({ ok: true, variant: "fixed", file: "client.ts" });
    expect(resolveEmbed({ variant: "main", file: null }, variants)).toEqual({ ok: false, option: "variant", value: "main", available: ["broken", "fixed"] });
    expect(resolveEmbed({ variant: "broken", file: "client.ts" }, variants)).toMatchObject({ ok: false, option: "file", available: ["server.ts"] });
  });
});

describe("embed links", () => {
  it("builds the iframe with escaped attributes", () => {
    const src = embedUrl(SITE, "01-intro", "hello", { variant: "main", theme: "dark" }, "#hello?variant=main&code=abc");
    expect(src).toBe(`${SITE}/embed/01-intro/hello?variant=main&theme=dark#hello?variant=main&code=abc`);
    const html = iframeHtml({ src, title: 'Say "hi" <now> & go', height: 420.4 });
    expect(html).toContain(`src="${SITE}/embed/01-intro/hello?variant=main&amp;theme=dark#hello?variant=main&amp;code=abc"`);
    expect(html).toContain('title="Say &quot;hi&quot; &lt;now&gt; &amp; go"');
    expect(html).toContain('height="420"');
  });

  it("reads only well-formed resize messages", () => {
    expect(parseResizeMessage({ type: RESIZE_MESSAGE, height: 300, id: "a" })).toEqual({ type: RESIZE_MESSAGE, height: 300, id: "a" });
    expect(parseResizeMessage({ type: "other", height: 300 })).toBeNull();
    expect(parseResizeMessage({ type: RESIZE_MESSAGE, height: "300" })).toBeNull();
    expect(parseResizeMessage("zmq-playground:resize")).toBeNull();
  });
});

describe("oEmbed URL parsing", () => {
  it("reads lesson links, with or without a snippet, and embed links with their options", () => {
    expect(parseEmbedTarget(`${SITE}/lessons/01-intro`, ORIGINS)).toMatchObject({ kind: "lesson", lesson: "01-intro", snippet: null });
    expect(parseEmbedTarget(`${SITE}/lessons/01-intro/#deadlock`, ORIGINS)).toMatchObject({ snippet: "deadlock", hash: "" });
    // A Korean page's link gives the Korean embed.
    expect(parseEmbedTarget(`${SITE}/ko/lessons/01-intro/step-two#deadlock`, ORIGINS)).toMatchObject({ kind: "lesson", lesson: "01-intro", step: "step-two", snippet: "deadlock", options: { lang: "ko" } });
    expect(parseEmbedTarget(`${SITE}/lessons/01-intro`, ORIGINS).options).toEqual({});
    expect(parseEmbedTarget(`${SITE}/lessons/01-intro#deadlock?variant=fixed&code=xyz`, ORIGINS)).toMatchObject({
      snippet: "deadlock",
      options: { variant: "fixed" },
      hash: "#deadlock?variant=fixed&code=xyz",
    });
    expect(parseEmbedTarget(`${SITE}/embed/01-intro/deadlock?variant=fixed&theme=dark&id=x`, ORIGINS)).toMatchObject({
      kind: "embed",
      snippet: "deadlock",
      options: { variant: "fixed", theme: "dark", readOnly: false },
    });
    // A path alone is this site's (the discovery tag on lesson pages sends one).
    expect(parseEmbedTarget("/lessons/01-intro", ORIGINS)).toMatchObject({ lesson: "01-intro" });
  });

  it("refuses other sites and other pages of this one with a 404", () => {
    for (const url of ["https://evil.example/lessons/01-intro", `${SITE}/`, `${SITE}/lessons`, `${SITE}/embed/01-intro`, `${SITE}/lessons/../api`, "http://[bad"]) {
      expect(failure(() => parseEmbedTarget(url, ORIGINS)).status).toBe(404);
    }
  });
});

describe("oEmbed answers", () => {
  it("gives a rich JSON answer with the iframe, the lesson's first snippet for a lesson link", () => {
    const answer = ask(`${SITE}/lessons/01-intro`);
    expect(answer).toMatchObject({ type: "rich", version: "1.0", provider_name: "ZeroMQ Playground", provider_url: `${SITE}/`, title: "Snippet hello · Intro", width: 800 });
    expect(answer.html).toContain(`src="${SITE}/embed/01-intro/hello"`);
    expect(answer.height).toBeGreaterThan(200);
  });

  it("keeps the variant, a later block's variant and a heading link's lesson", () => {
    expect(ask(`${SITE}/lessons/01-intro#deadlock?variant=fixed`).html).toContain("/embed/01-intro/deadlock?variant=fixed");
    expect(ask(`${SITE}/lessons/01-intro#deadlock-fixed`).html).toContain("/embed/01-intro/deadlock?variant=fixed");
    expect(ask(`${SITE}/lessons/01-intro#some-heading`).html).toContain("/embed/01-intro/hello");
  });

  it("embeds a step's first snippet for a link to that step, and refuses a step that does not exist", () => {
    expect(ask(`${SITE}/lessons/01-intro/later`).html).toContain("/embed/01-intro/deadlock");
    expect(ask(`${SITE}/lessons/01-intro/later#hello`).html).toContain("/embed/01-intro/hello");
    expect(failure(() => ask(`${SITE}/lessons/01-intro/nowhere`))).toMatchObject({ status: 404, code: "unknown-step" });
    expect(failure(() => ask(`${SITE}/lessons/01-intro/later/deeper`)).status).toBe(404);
  });

  it("fits maxwidth and maxheight", () => {
    const answer = ask(`${SITE}/embed/01-intro/deadlock`, { maxwidth: "500", maxheight: "100" });
    expect(answer).toMatchObject({ width: 500, height: 100 });
    expect(answer.html).toContain('width="500" height="100"');
  });

  it("answers 501 to other formats, 404 to unknown links and 400 to bad sizes", () => {
    expect(failure(() => ask(`${SITE}/lessons/01-intro`, { format: "xml" })).status).toBe(501);
    expect(failure(() => ask(null)).status).toBe(400);
    expect(failure(() => ask(`${SITE}/lessons/99-nothing`)).status).toBe(404);
    expect(failure(() => ask(`${SITE}/embed/01-intro/nothing`)).status).toBe(404);
    expect(failure(() => ask(`${SITE}/embed/01-intro/deadlock?variant=main`))).toMatchObject({ status: 404, code: "unknown-variant" });
    expect(failure(() => ask(`${SITE}/lessons/01-intro`, { maxwidth: "-3" })).status).toBe(400);
    expect(failure(() => ask(`${SITE}/lessons/01-intro`, { maxheight: "1e9" })).status).toBe(400);
  });
});
