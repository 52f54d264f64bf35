import { describe, expect, it, vi } from "vitest";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getLessons, lessonsRoot } from "../../content/loader";
import { allowedTypos, typoDistance, Vocabulary } from "../../app/components/search/fuzzy";
import { highlightParts, search, type SearchEntry } from "../../app/components/search/search";

// The index builder is a server module (it runs at build time); here it runs in plain Node.
vi.mock("server-only", () => ({}));
const { buildSearchIndex } = await import("../../app/_lib/search-index");

describe("typoDistance", () => {
  it("counts insertions, deletions, substitutions and swaps as one typo each", () => {
    expect(typoDistance("subscibe", "subscribe", 2)).toBe(1);
    expect(typoDistance("subscrbe", "subscribe", 2)).toBe(1);
    expect(typoDistance("subscrive", "subscribe", 2)).toBe(1);
    expect(typoDistance("subscirbe", "subscribe", 2)).toBe(1);
    expect(typoDistance("sucsirbe", "subscribe", 2)).toBe(3);
    expect(typoDistance("socket", "socket", 2)).toBe(0);
  });

  it("gives up above the limit", () => {
    expect(typoDistance("publish", "subscribe", 1)).toBe(2);
    expect(typoDistance("ab", "abcdef", 2)).toBe(3);
  });

  it("measures against the closest start of the word in prefix mode", () => {
    expect(typoDistance("subscib", "subscriber", 1, true)).toBe(1);
    expect(typoDistance("subscib", "subscriber", 1, false)).toBe(2);
    expect(typoDistance("pubish", "publisher", 1, true)).toBe(1);
    expect(typoDistance("dealr", "router", 1, true)).toBe(2);
  });
});

describe("allowedTypos", () => {
  it("allows none under 4 letters, one for 4–7, two from 8", () => {
    expect([1, 3, 4, 7, 8, 12].map(allowedTypos)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe("Vocabulary.near", () => {
  const vocabulary = new Vocabulary(["Subscribe to the publisher.", "A SUB socket subscribes; pub sockets publish."]);

  it("finds the words within the allowed typos, not those the term already begins", () => {
    expect(vocabulary.near("subscibe", false)).toEqual(new Map([["subscribe", 1], ["subscribes", 2]]));
    expect(vocabulary.near("subscr", false).size).toBe(0);
  });

  it("looks up no typos for short terms or terms with punctuation", () => {
    expect(vocabulary.near("sib", true).size).toBe(0);
    expect(vocabulary.near("sub.scibe", true).size).toBe(0);
  });

  it("takes a half-typed last term for the start of a word", () => {
    expect(vocabulary.near("publsh", false)).toEqual(new Map([["publish", 1]]));
    expect(vocabulary.near("publsh", true).get("publisher")).toBe(1);
  });
});

const entry = (slug: string, part: number, title: string, sections: [string | null, string][]): SearchEntry => ({
  slug,
  part,
  title,
  summary: "",
  sections: sections.map(([heading, text], i) => ({ anchor: heading ? `s${i}` : null, heading, text })),
});

describe("search", () => {
  const index: SearchEntry[] = [
    entry("one", 1, "Sockets", [
      [null, "Opening words."],
      ["Publish", "A publisher sends; every subscriber gets a copy."],
    ]),
    entry("two", 2, "Subscribe", [[null, "How a subscriber chooses topics."]]),
    entry("three", 3, "Topics", [["Filters", "The subcribe call takes a prefix."]]),
  ];

  it("finds a misspelt word, marked as the word it was taken for", () => {
    const [first] = search(index, "subscibe");
    expect(first).toMatchObject({ href: "/lessons/two", kind: "lesson", typos: 1 });
    expect(first!.highlight).toContain("subscribe");
    expect(highlightParts(first!.title, first!.highlight)).toEqual([{ text: "Subscribe", match: true }]);
  });

  it("ranks exact matches above typo'd ones, whatever their kind", () => {
    // "subcribe" is spelt so in lesson three's prose; lesson two's title is one typo away.
    const results = search(index, "subcribe");
    expect(results.map((r) => [r.href, r.typos])).toEqual([
      ["/lessons/three#s0", 0],
      ["/lessons/two", 1],
      ["/lessons/one#s1", 1],
    ]);
  });

  it("still ranks title, then heading, then text among matches as good", () => {
    const results = search(index, "publish");
    expect(results.map((r) => r.kind)).toEqual(["heading"]);
    const typo = search(index, "subscrober");
    expect(typo.map((r) => [r.kind, r.href])).toEqual([
      ["text", "/lessons/one#s1"],
      ["text", "/lessons/two"],
    ]);
  });

  it("keeps prefix matching without typos", () => {
    const results = search(index, "sock");
    expect(results[0]).toMatchObject({ href: "/lessons/one", kind: "lesson", typos: 0 });
  });

  it("needs every term, each exactly or within its typos", () => {
    expect(search(index, "publsh subscriber").map((r) => r.href)).toEqual(["/lessons/one#s1"]);
    expect(search(index, "publish zzzzzz")).toEqual([]);
    expect(search(index, "xyzzyplugh")).toEqual([]);
  });
});

// Reading every lesson takes seconds on a shared machine.
describe("search over the lessons' index", { timeout: 30_000 }, () => {
  const index = buildSearchIndex(getLessons());

  it("takes “subscibe” for subscribe and finds the PUB/SUB section", () => {
    const [first] = search(index, "subscibe");
    expect(first?.typos).toBe(1);
    expect(first?.href).toMatch(/^\/lessons\/02-messaging-patterns\/publish-and-subscribe#/);
    expect(first?.title.toLowerCase()).toContain("subscribe");
  });

  it("answers queries keystroke by keystroke over the whole index", () => {
    // Not a timing: the loop shows every prefix of a few queries goes through the matcher without error.
    const vocabulary = new Vocabulary(index.flatMap((l) => [l.title, ...l.sections.map((s) => s.text)]));
    expect(vocabulary.size).toBeGreaterThan(500);
    for (const query of ["subscibe", "publsh subscriber", "dealer routre", "high water mark", "cuve"]) {
      for (let end = 1; end <= query.length; end++) search(index, query.slice(0, end));
    }
    expect(search(index, "routre").some((r) => r.highlight.includes("router"))).toBe(true);
  });
});

describe("the Korean index", () => {
  const english = getLessons();
  const korean = getLessons(undefined, "ko");
  const index = buildSearchIndex(korean, english);
  const translated = korean.find((lesson) => !lesson.untranslated);

  it.runIf(translated !== undefined)("finds Hangul words and the English headings' words, on /ko pages", () => {
    const entry = index.find((e) => e.slug === translated!.slug)!;
    expect(entry).toMatchObject({ title: translated!.title, href: `/ko/lessons/${translated!.slug}` });
    const section = entry.sections.find((s) => s.heading !== null)!;
    const source = english.find((l) => l.slug === translated!.slug)!;
    expect(section.terms).toBe(source.headings[0]!.text);
    expect(section.href).toMatch(/^\/ko\/lessons\//);

    const hangul = search(index, "소켓");
    expect(hangul.length).toBeGreaterThan(0);
    expect(hangul[0]!.href).toMatch(/^\/ko\/lessons\//);
    // An English word of the first heading finds the Korean section it stands for.
    const word = source.headings[0]!.text.split(/\s+/).find((w) => /^[A-Za-z]{5,}$/.test(w))!;
    expect(search(index, word).some((r) => r.href === section.href)).toBe(true);
  });

  it("keeps an untranslated lesson's English text, on /ko pages, without terms", () => {
    // Every lesson is translated today: a copy of one without its Korean files stands for one that is not yet.
    const root = mkdtempSync(join(tmpdir(), "zmqp-untranslated-"));
    try {
      const slug = english[0]!.slug;
      cpSync(join(lessonsRoot(), slug), join(root, slug), { recursive: true, filter: (path) => !/\.ko\.(mdx|json)$/.test(path) });
      const untranslated = getLessons(root, "ko")[0]!;
      expect(untranslated.untranslated).toBe(true);
      const [entry] = buildSearchIndex([untranslated], getLessons(root));
      expect(entry!.href).toBe(`/ko/lessons/${slug}`);
      expect(entry!.title).toBe(english[0]!.title);
      expect(entry!.terms).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("finds the reliable patterns by the names learners type, in both languages", () => {
    const englishIndex = buildSearchIndex(english);
    const lands = (idx: typeof index, query: string) => search(idx, query)[0]?.href ?? "(nothing)";
    for (const idx of [englishIndex, index]) {
      expect(lands(idx, "Majordomo")).toMatch(/\/lessons\/08-majordomo-and-titanic\b/);
      expect(lands(idx, "Paranoid Pirate")).toMatch(/\/lessons\/07-reliable-request-reply\b/);
      expect(lands(idx, "poller")).toMatch(/\/lessons\/06-polling-and-many-sockets\b/);
      expect(lands(idx, "Binary Star")).toMatch(/\/lessons\/09-high-availability\b/);
      expect(lands(idx, "Clone")).toMatch(/\/lessons\/10-reliable-pub-sub\b/);
    }
    expect(lands(englishIndex, "socket monitoring")).toMatch(/\/lessons\/11-monitoring-and-production\b/);
    expect(lands(index, "모니터링")).toMatch(/\/ko\/lessons\/11-monitoring-and-production\b/);
  });

  it("has every lesson in Korean (both languages stay in step), one entry each", () => {
    expect(korean.filter((lesson) => lesson.untranslated).map((l) => l.slug)).toEqual([]);
    expect(index.map((e) => e.href)).toEqual(english.map((l) => `/ko/lessons/${l.slug}`));
  });
});
