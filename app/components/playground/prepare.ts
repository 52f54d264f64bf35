import 'server-only';
import { highlight } from '../../_lib/highlight';
import type { Lesson, Variant } from '../../_lib/lessons/types';
import type { PlaygroundData, PlaygroundFile } from './types';

const MARKS: Record<string, string> = { broken: '❌', fixed: '✅' };

/** A variant's label, with ❌ / ✅ in front of broken / fixed ones when the data has none. */
export function variantLabel(variant: Pick<Variant, 'id' | 'label'>): string {
  const mark = MARKS[variant.id];
  return mark && !/^[❌✅]/u.test(variant.label) ? `${mark} ${variant.label}` : variant.label;
}

/** Files in the order a reader needs them: what the processes start first, then the rest by name. */
function orderedFiles(variant: Variant): string[] {
  const names = Object.keys(variant.files).sort();
  const entries = (variant.processes ?? []).map((p) => p.entry);
  if (entries.length === 0 && names.includes('main.ts')) entries.push('main.ts');
  const first = [...new Set(entries)].filter((name) => names.includes(name));
  return [...first, ...names.filter((name) => !first.includes(name))];
}

export function findSnippet(lesson: Lesson, id: string) {
  const snippet = lesson.snippetDetails.find((s) => s.id === id);
  if (!snippet) {
    throw new Error(`${lesson.file}: <Playground snippet="${id}"> names no snippet of this lesson`);
  }
  return snippet;
}

/** Everything the client needs to show and run one snippet, with its code highlighted here. */
export async function preparePlayground(
  lesson: Lesson,
  id: string,
  variant?: string,
  options: { blockId?: string; single?: boolean } = {},
): Promise<PlaygroundData> {
  const snippet = findSnippet(lesson, id);
  const initial = variant && snippet.variants.some((v) => v.id === variant) ? variant : snippet.variants[0]!.id;
  // One variant only when asked; and a starter never offers its solution next to it.
  const shown = snippet.variants.filter((v) =>
    options.single ? v.id === initial : !(initial === 'starter' && v.id === 'solution'),
  );
  const variants = await Promise.all(
    shown.map(async (v) => {
      const files: PlaygroundFile[] = await Promise.all(
        orderedFiles(v).map(async (name) => ({
          name,
          html: await highlight(v.files[name]!, name),
          runsAs: (v.processes ?? []).filter((p) => p.entry === name).map((p) => p.name),
        })),
      );
      return {
        id: v.id,
        label: variantLabel(v),
        files,
        request: {
          files: v.files,
          ...(v.processes ? { processes: v.processes } : {}),
          ...(v.timeoutMs ? { timeoutMs: v.timeoutMs } : {}),
        },
      };
    }),
  );
  const starter = snippet.variants.find((v) => v.id === 'starter');
  const solution = snippet.variants.find((v) => v.id === 'solution');
  return {
    lesson: lesson.slug,
    id: snippet.id,
    blockId: options.blockId ?? snippet.id,
    title: snippet.title,
    variants,
    initialVariant: initial,
    exercise: starter ? { expect: solution?.expect } : null,
  };
}
