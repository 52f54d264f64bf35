import 'server-only';
import { createHash } from 'node:crypto';
import { highlight } from '../../_lib/highlight';
import type { Lesson, Snippet, Variant } from '../../../content/types';
import { readingOrder } from './fileOrder';
import type { CompareVariant, PlaygroundData, PlaygroundVariant } from './types';
import { variantLabel } from './variantKind';

export { variantLabel };


/** A short hash of a variant's files: saved edits belong to one version of the code. */
export function contentHash(files: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(files).sort()) hash.update(`${name}\u0000${files[name]}\u0000`);
  return hash.digest('base64url').slice(0, 16);
}

export function findSnippet(lesson: Lesson, id: string) {
  const snippet = lesson.snippetDetails.find((s) => s.id === id);
  if (!snippet) {
    throw new Error(`${lesson.file}: <Playground snippet="${id}"> names no snippet of this lesson`);
  }
  return snippet;
}

/** One variant as the playground shows it: highlighted files, the run request, the content hash. */
export async function prepareVariant(v: Pick<Variant, 'id' | 'label' | 'files' | 'processes' | 'timeoutMs'>): Promise<PlaygroundVariant> {
  return {
    id: v.id,
    label: variantLabel(v),
    files: await Promise.all(
      readingOrder(v).map(async (name) => ({
        name,
        html: await highlight(v.files[name]!, name),
        runsAs: (v.processes ?? []).filter((p) => p.entry === name).map((p) => p.name),
      })),
    ),
    request: {
      files: v.files,
      ...(v.processes ? { processes: v.processes } : {}),
      ...(v.timeoutMs ? { timeoutMs: v.timeoutMs } : {}),
    },
    hash: contentHash(v.files),
  };
}

const compareOf = (v: Variant): CompareVariant => ({ id: v.id, label: variantLabel(v), files: v.files });

/** Everything the client needs to show, edit and run one snippet, with its code highlighted here. */
export async function preparePlayground(
  lesson: Lesson,
  id: string,
  variant?: string,
  options: { blockId?: string; single?: boolean } = {},
): Promise<PlaygroundData> {
  const snippet: Snippet = findSnippet(lesson, id);
  const initial = variant && snippet.variants.some((v) => v.id === variant) ? variant : snippet.variants[0]!.id;
  const starter = snippet.variants.find((v) => v.id === 'starter');
  // A starter never offers its solution next to it: <Solution> shows that, against the learner's code.
  const spoiler = (v: Variant) => initial === 'starter' && v.id === 'solution';
  const shown = snippet.variants.filter((v) => (options.single ? v.id === initial : !spoiler(v)));
  const others = snippet.variants.filter((v) => !shown.includes(v) && !spoiler(v));
  const solves = options.single && initial === 'solution' && starter ? starter : null;
  return {
    lesson: lesson.slug,
    id: snippet.id,
    blockId: options.blockId ?? snippet.id,
    title: snippet.title,
    variants: await Promise.all(shown.map(prepareVariant)),
    // The solution's own block compares with the learner's code instead of the original starter.
    others: others.filter((v) => !(solves && v.id === 'starter')).map(compareOf),
    initialVariant: initial,
    exercise: starter ? { checkTitle: snippet.check?.title ?? null } : null,
    wording:
      lesson.lang && lesson.lang !== 'en' && !lesson.untranslated
        ? {
            check: snippet.check?.expect ?? null,
            notes: Object.fromEntries(shown.flatMap((v) => (v.expect?.note ? [[v.id, v.expect]] : []))),
          }
        : null,
    onBlocked: snippet.onBlocked ?? null,
    trace: snippet.trace === true,
    solves: solves ? { variant: solves.id, label: variantLabel(solves), hash: contentHash(solves.files), files: solves.files } : null,
  };
}
