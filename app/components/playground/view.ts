/**
 * What a playground shows, derived from what it holds: the view buttons
 * (code, diffs, "my changes"), the code area for the chosen view, the file
 * tabs, the run request and one terminal per process. Pure, so it is tested
 * without a browser (tests/unit/playground-view.test.ts); PlaygroundBlock
 * only keeps the state and renders.
 */
import { startedProcesses, type RunSpec } from '../../../runner/protocol';
import { VARIANT_ORDER } from '../../../content/types';
import type { DiffSide } from '../editor/DiffView';
import type { AreaView } from './CodeArea';
import type { CompareVariant, PlaygroundData, PlaygroundVariant } from './types';
import type { ViewOption } from './ViewSwitcher';

/** How a variant reads in a button: "Diff with fixed", "Diff with starter"; others (code from an instructor) by their label. */
const SHORT: Record<string, string> = { broken: 'broken', fixed: 'fixed', main: 'original', starter: 'starter', solution: 'solution' };
const order = (id: string) => VARIANT_ORDER.indexOf(id as (typeof VARIANT_ORDER)[number]);

/** What "Compare with …" can show: the other variants on show, then the snippet's others. */
export function compareTargets(data: Pick<PlaygroundData, 'variants' | 'others'>, variantId: string): CompareVariant[] {
  return [...data.variants.filter((v) => v.id !== variantId).map((v) => ({ id: v.id, label: v.label, files: v.request.files })), ...data.others];
}

/** The view buttons: a solution's block shows it against the learner's code; any other, diffs and the learner's changes. */
export function viewOptions(input: { solves: boolean; targets: readonly CompareVariant[]; edited: number; viewId: string }): ViewOption[] {
  if (input.solves) {
    return [
      { id: 'yours', label: 'Your code → solution', title: 'What the solution changes in your code' },
      { id: 'code', label: 'Solution' },
    ];
  }
  return [
    { id: 'code', label: 'Code' },
    ...input.targets.map((t) => ({ id: `compare:${t.id}`, label: `Diff with ${SHORT[t.id] ?? t.label}`, title: `Compare with ${t.label}` })),
    { id: 'changes', label: 'My changes', title: 'Your edits against the lesson’s code', disabled: input.edited === 0 && input.viewId !== 'changes' },
  ];
}

/** The view on show: the one chosen when it is offered, else the first. */
export function chosenView(options: readonly ViewOption[], viewId: string): string {
  return options.some((o) => o.id === viewId) ? viewId : options[0]!.id;
}

export interface AreaInput {
  view: string;
  /** The snippet's editor folder (editor/models.ts folderOf); `folder` is the variant's, inside it. */
  base: string;
  folder: string;
  variant: Pick<PlaygroundVariant, 'id' | 'label'>;
  files: Record<string, string>;
  original: Record<string, string>;
  edited: number;
  /** The learner's own code of the exercise a solution solves. */
  learner: { files: Record<string, string> } | null;
  targets: readonly CompareVariant[];
  readOnly: boolean;
}

/** The code area for a view: the editor, or a diff with the older variant on the left. */
export function codeArea(input: AreaInput): AreaView {
  const { view, base, variant } = input;
  const current: DiffSide = {
    folder: input.folder,
    files: input.files,
    label: input.edited > 0 ? `${variant.label} (with your edits)` : variant.label,
    live: true,
  };
  if (view === 'changes') {
    return {
      kind: 'diff',
      key: `changes:${variant.id}`,
      original: { folder: `${base}/.original/${variant.id}`, files: input.original, label: 'The lesson’s code' },
      modified: { ...current, label: 'Your code' },
      editable: !input.readOnly,
    };
  }
  if (view === 'yours' && input.learner) {
    return {
      kind: 'diff',
      key: 'yours',
      original: { folder: `${base}/.yours`, files: input.learner.files, label: 'Your code' },
      modified: { ...current, label: 'Solution' },
      editable: false,
    };
  }
  const other = view.startsWith('compare:') ? input.targets.find((t) => `compare:${t.id}` === view) : undefined;
  if (other) {
    const side: DiffSide = { folder: `${base}/.compare/${other.id}`, files: other.files, label: other.label };
    const [original, modified] = order(other.id) < order(variant.id) ? [side, current] : [current, side];
    return { kind: 'diff', key: view, original, modified, editable: false };
  }
  return { kind: 'code' };
}

/** The file tabs: the variant's files, and in a diff the other side's too (left or right). */
export function fileTabs(files: readonly { name: string }[], area: AreaView): string[] {
  const names = files.map((f) => f.name);
  if (area.kind !== 'diff') return names;
  for (const side of [area.original, area.modified]) for (const name of Object.keys(side.files)) if (!names.includes(name)) names.push(name);
  return names;
}

/** The tab on show: the one chosen when there is one, else the first. */
export function activeTab(tabs: readonly string[], fileName: string): string {
  return tabs.includes(fileName) ? fileName : tabs[0]!;
}

/** After switching variants: the same file when the other variant has it, else its first. */
export function fileAfterSwitch(next: Pick<PlaygroundVariant, 'files'> | undefined, fileName: string): string {
  return next && !next.files.some((f) => f.name === fileName) ? next.files[0]!.name : fileName;
}

/** After switching to a variant, a diff against that same variant makes no sense: back to the code. */
export function viewAfterSwitch(viewId: string, variantId: string): string {
  return viewId === `compare:${variantId}` ? 'code' : viewId;
}

/** What Run posts: the code on show with the variant's processes and time limit, attributed to the lesson. */
export function runRequest(data: Pick<PlaygroundData, 'lesson' | 'id'>, variant: Pick<PlaygroundVariant, 'id' | 'request'>, files: Record<string, string>, trace = false): RunSpec {
  return {
    files,
    ...(trace ? { trace: true } : {}),
    ...(variant.request.processes ? { processes: variant.request.processes } : {}),
    ...(variant.request.timeoutMs ? { timeoutMs: variant.request.timeoutMs } : {}),
    ...(data.lesson ? { lesson: data.lesson, snippet: data.id, variant: variant.id } : {}),
    // A new Run of this playground (from another tab, or after a reload) replaces the learner's earlier one.
    playground: playgroundId(data),
  };
}

/** The playground's name for the runner: `lesson.snippet`, or the snippet id alone outside lessons. */
export function playgroundId(data: Pick<PlaygroundData, 'lesson' | 'id'>): string {
  return (data.lesson ? `${data.lesson}.${data.id}` : data.id).replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 100) || 'playground';
}

/** One terminal per process a run starts: process name → its file; `single` when the variant names none. */
export function processPanes(variant: Pick<PlaygroundVariant, 'request'>, files: Record<string, string>): { entries: Record<string, string>; names: string[]; single: boolean } {
  const declared = variant.request.processes ?? [];
  const started = startedProcesses({ files, processes: declared });
  return { entries: Object.fromEntries(started.map((p) => [p.name, p.entry])), names: declared.map((p) => p.name), single: declared.length === 0 };
}
