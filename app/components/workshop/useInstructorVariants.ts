'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { readingOrder } from '../playground/fileOrder';
import type { PlaygroundData, PlaygroundVariant } from '../playground/types';
import { broadcastVariant, useBroadcasts } from './broadcasts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The placeholder until Monaco loads: plain, unhighlighted lines (the code came from the instructor, not the build). */
const plainHtml = (code: string) =>
  `<pre class="shiki" tabindex="0"><code>${code
    .split('\n')
    .map((line) => `<span class="line">${escape(line)}\n</span>`)
    .join('')}</code></pre>`;

/**
 * A snippet's playground with the code an instructor broadcast to it added
 * as variants ("From instructor"), after the lesson's own. Each is a variant
 * of its own, so the learner's saved edits of the others are untouched and
 * edits of it are saved apart. Only the snippet's main block gets them.
 */
export function useInstructorVariants(data: PlaygroundData): PlaygroundData {
  const broadcasts = useBroadcasts();
  const t = useTranslations('workshop.variant');
  return useMemo(() => {
    if (!data.lesson || data.solves || data.blockId !== data.id) return data;
    const mine = broadcasts.filter((b) => b.lesson === data.lesson && b.snippet === data.id && b.files.length > 0);
    if (mine.length === 0) return data;
    const timeoutMs = data.variants[0]?.request.timeoutMs;
    const added: PlaygroundVariant[] = mine.map((b, index) => {
      const files = Object.fromEntries(b.files.map((f) => [f.name, f.content]));
      const processes = b.processes && b.processes.length > 0 ? b.processes : undefined;
      const names = readingOrder({ files, processes });
      const label = b.title ? t('titled', { title: b.title }) : mine.length > 1 && index < mine.length - 1 ? t('numbered', { n: index + 1 }) : t('plain');
      return {
        id: broadcastVariant(b),
        label,
        files: names.map((name) => ({ name, html: plainHtml(files[name]!), runsAs: (processes ?? []).filter((p) => p.entry === name).map((p) => p.name) })),
        request: { files, ...(processes ? { processes } : {}), ...(timeoutMs ? { timeoutMs } : {}) },
        hash: `broadcast:${b.id}`,
      };
    });
    return { ...data, variants: [...data.variants, ...added] };
  }, [data, broadcasts, t]);
}
