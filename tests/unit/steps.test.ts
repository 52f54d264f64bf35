import type { Root } from "mdast";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { LessonError } from "../../content/folders";
import { anchorHref, anchorMap, MAX_STEP_WORDS, splitSteps, stepOfAnchor } from "../../content/steps";

const split = (body: string) => splitSteps(unified().use(remarkParse).use(remarkMdx).parse(body) as Root, body, "01-x", "lessons/01-x/lesson.mdx");

const BODY = `An opening line.

<Playground snippet="hello" />

## First idea

### Details

Text.

## Second idea

### Details

<Playground snippet="hello" variant="fixed" />

<Playground snippet="other" />

## Exercises

See [the details](#details-1) and [the start](#first-idea).
`;

describe("splitSteps", () => {
  it("opens a step at every h2 after the first; the opening joins step 1", () => {
    const steps = split(BODY);
    expect(steps.map((s) => [s.index, s.slug, s.title, s.path])).toEqual([
      [0, "first-idea", "First idea", "/lessons/01-x"],
      [1, "second-idea", "Second idea", "/lessons/01-x/second-idea"],
      [2, "exercises", "Exercises", "/lessons/01-x/exercises"],
    ]);
    expect(steps[0]!.body.startsWith("An opening line.")).toBe(true);
    expect(steps[1]!.body.startsWith("## Second idea")).toBe(true);
    expect(steps.map((s) => s.body).join("")).toBe(BODY);
  });

  it("numbers heading anchors and block ids over the whole lesson, as on one page", () => {
    const steps = split(BODY);
    expect(steps[0]!.headingIds).toEqual(["first-idea", "details"]);
    expect(steps[1]!.headingIds).toEqual(["second-idea", "details-1"]);
    expect(steps[0]!.blocks).toEqual([{ snippet: "hello", id: "hello" }]);
    expect(steps[1]!.blocks).toEqual([
      { snippet: "hello", variant: "fixed", id: "hello-fixed" },
      { snippet: "other", id: "other" },
    ]);
    expect(steps[1]!.snippets).toEqual(["hello", "other"]);
  });

  it("finds the step of an anchor and links to it", () => {
    const steps = split(BODY);
    const lesson = { slug: "01-x", steps };
    expect(stepOfAnchor(steps, "details-1")?.index).toBe(1);
    expect(anchorHref(lesson, "hello-fixed")).toBe("/lessons/01-x/second-idea#hello-fixed");
    expect(anchorHref(lesson, "details")).toBe("/lessons/01-x#details");
    expect(anchorHref(lesson)).toBe("/lessons/01-x");
    // An anchor nobody has stays on the lesson's URL (the page shows its top).
    expect(anchorHref(lesson, "nowhere")).toBe("/lessons/01-x#nowhere");
    expect(anchorMap(steps)).toMatchObject({ hello: "/lessons/01-x", "hello-fixed": "/lessons/01-x/second-idea", exercises: "/lessons/01-x/exercises" });
  });

  it("is one step for a lesson without h2", () => {
    const steps = split(`Only prose.\n\n<Playground snippet="hello" />\n`);
    expect(steps).toHaveLength(1);
    expect(steps[0]!.title).toBe("Introduction");
  });

  it("refuses a step with too much prose, and a first snippet far down the page", () => {
    const long = `${"word ".repeat(MAX_STEP_WORDS + 1)}\n\n<Playground snippet="hello" />\n`;
    expect(() => split(`<Playground snippet="hello" />\n\n## Long\n\n${long}`)).toThrow(/"Long" has 2502 words of prose/);
    expect(() => split(`${"word ".repeat(200)}\n\n<Playground snippet="hello" />\n`)).toThrow(LessonError);
    expect(() => split(`${"word ".repeat(200)}\n\n<Playground snippet="hello" />\n`)).toThrow(/before its first <Playground>/);
    // Code does not count as prose.
    expect(() => split(`\`\`\`ts\n${"x ".repeat(300)}\n\`\`\`\n\n<Playground snippet="hello" />\n`)).not.toThrow();
  });
});
