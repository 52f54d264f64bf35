import { describe, expect, it } from "vitest";
import { readingOrder } from "../../app/components/playground/fileOrder";
import type { PlaygroundVariant } from "../../app/components/playground/types";
import { activeTab, chosenView, codeArea, compareTargets, fileAfterSwitch, fileTabs, processPanes, runRequest, viewAfterSwitch, viewOptions, type AreaInput } from "../../app/components/playground/view";

const variant = (id: string, files: Record<string, string>, processes?: { name: string; entry: string; delayMs?: number }[]): PlaygroundVariant => ({
  id,
  label: id,
  files: readingOrder({ files, processes }).map((name) => ({ name, html: "", runsAs: [] })),
  request: { files, ...(processes ? { processes } : {}) },
  hash: id,
});

const broken = variant("broken", { "server.ts": "a", "client.ts": "b" }, [{ name: "server", entry: "server.ts" }, { name: "client", entry: "client.ts", delayMs: 200 }]);
const fixed = variant("fixed", { "server.ts": "A", "client.ts": "B", "util.ts": "U" }, [{ name: "server", entry: "server.ts" }, { name: "client", entry: "client.ts" }]);
const data = { variants: [broken, fixed], others: [{ id: "main", label: "main", files: { "main.ts": "" } }] };

describe("the playground's view", () => {
  it("offers a diff with each other variant and the learner's changes; a solution, the learner's code", () => {
    const targets = compareTargets(data, "fixed");
    expect(targets.map((t) => t.id)).toEqual(["broken", "main"]);
    const options = viewOptions({ solves: false, targets, edited: 0, viewId: "code" });
    expect(options.map((o) => [o.id, o.label, o.disabled ?? false])).toEqual([
      ["code", "Code", false],
      ["compare:broken", "Diff with broken", false],
      ["compare:main", "Diff with original", false],
      ["changes", "My changes", true],
    ]);
    // "My changes" stays available while on show, even once the edits are undone.
    expect(viewOptions({ solves: false, targets, edited: 0, viewId: "changes" }).at(-1)!.disabled).toBe(false);
    expect(viewOptions({ solves: true, targets, edited: 3, viewId: "code" }).map((o) => o.id)).toEqual(["yours", "code"]);
    expect(chosenView(options, "compare:gone")).toBe("code");
    expect(chosenView(options, "compare:main")).toBe("compare:main");
    // Code from an instructor is named by its label, not its variant id.
    const broadcast = { id: "instructor-3", label: "From instructor: Hello, World", request: { files: { "main.ts": "" } } };
    const withBroadcast = compareTargets({ variants: [broken, fixed, broadcast as unknown as typeof fixed], others: [] }, "fixed");
    expect(viewOptions({ solves: false, targets: withBroadcast, edited: 0, viewId: "code" }).find((o) => o.id === "compare:instructor-3")?.label).toBe(
      "Diff with From instructor: Hello, World",
    );
  });

  it("puts the older variant on the left of a diff, and the code on show is live and editable only in 'My changes'", () => {
    const base: AreaInput = { view: "code", base: "l/s", folder: "l/s/fixed", variant: fixed, files: fixed.request.files, original: fixed.request.files, edited: 1, learner: null, targets: compareTargets(data, "fixed"), readOnly: false };
    expect(codeArea(base)).toEqual({ kind: "code" });
    const againstBroken = codeArea({ ...base, view: "compare:broken" });
    expect(againstBroken.kind === "diff" && [againstBroken.original.label, againstBroken.modified.label, againstBroken.editable]).toEqual(["broken", "fixed (with your edits)", false]);
    const againstMain = codeArea({ ...base, view: "compare:main" });
    expect(againstMain.kind === "diff" && [againstMain.original.label, againstMain.modified.label]).toEqual(["fixed (with your edits)", "main"]);
    const changes = codeArea({ ...base, view: "changes" });
    expect(changes).toMatchObject({ kind: "diff", key: "changes:fixed", editable: true, original: { folder: "l/s/.original/fixed" }, modified: { live: true, label: "Your code" } });
    expect(codeArea({ ...base, view: "changes", readOnly: true })).toMatchObject({ editable: false });
    expect(codeArea({ ...base, view: "yours" })).toEqual({ kind: "code" });
    expect(codeArea({ ...base, view: "yours", learner: { files: { "main.ts": "mine" } } })).toMatchObject({ kind: "diff", key: "yours", original: { label: "Your code" } });
  });

  it("lists the files of both sides of a diff as tabs, and keeps the open file where it can", () => {
    const area = codeArea({ view: "compare:main", base: "b", folder: "b/fixed", variant: fixed, files: fixed.request.files, original: fixed.request.files, edited: 0, learner: null, targets: compareTargets(data, "fixed"), readOnly: false });
    expect(fileTabs(fixed.files, area)).toEqual(["server.ts", "client.ts", "util.ts", "main.ts"]);
    expect(fileTabs(fixed.files, { kind: "code" })).toEqual(["server.ts", "client.ts", "util.ts"]);
    expect(activeTab(["a.ts", "b.ts"], "b.ts")).toBe("b.ts");
    expect(activeTab(["a.ts", "b.ts"], "gone.ts")).toBe("a.ts");
    expect(fileAfterSwitch(broken, "client.ts")).toBe("client.ts");
    expect(fileAfterSwitch(broken, "util.ts")).toBe("server.ts");
    expect(viewAfterSwitch("compare:broken", "broken")).toBe("code");
    expect(viewAfterSwitch("compare:broken", "fixed")).toBe("compare:broken");
  });

  it("runs the code on show with the variant's processes, attributed to the lesson; one terminal per process", () => {
    expect(runRequest({ lesson: "01-x", id: "pair" }, broken, { "server.ts": "edited", "client.ts": "b" })).toEqual({
      files: { "server.ts": "edited", "client.ts": "b" },
      processes: broken.request.processes,
      lesson: "01-x",
      snippet: "pair",
      variant: "broken",
      playground: "01-x.pair",
    });
    expect(runRequest({ lesson: "", id: "scratch" }, variant("main", { "main.ts": "" }), { "main.ts": "x" })).toEqual({ files: { "main.ts": "x" }, playground: "scratch" });
    expect(processPanes(broken, broken.request.files)).toEqual({ entries: { server: "server.ts", client: "client.ts" }, names: ["server", "client"], single: false });
    // With no processes, the pane is the file a run starts, by the run API's rule.
    expect(processPanes(variant("main", { "util.ts": "", "main.mjs": "" }), { "util.ts": "", "main.mjs": "" })).toEqual({ entries: { main: "main.mjs" }, names: [], single: true });
  });

  it("opens a variant at the file its first process starts", () => {
    expect(readingOrder({ files: { "b.ts": "", "a.ts": "", "main.ts": "" } })).toEqual(["main.ts", "a.ts", "b.ts"]);
    expect(readingOrder({ files: { "b.ts": "", "a.ts": "" }, processes: [{ name: "b", entry: "b.ts" }] })).toEqual(["b.ts", "a.ts"]);
    expect(readingOrder({ files: { "solo.ts": "" } })).toEqual(["solo.ts"]);
  });
});
