'use client';

import { lazy, Suspense } from 'react';
import { loadMonaco } from '../editor/loadMonaco';
import type { PlaygroundData } from '../playground/types';

// The playground's code (editor host, runs, terminals: ~25 KB gzip) is a chunk of its own,
// asked for as soon as this module runs, i.e. while the page's own scripts load: the page
// hydrates without waiting for it, and each block hydrates when it is in (until then the
// server's HTML stays as it is). The browser's load event waits for it, as for any script
// the page adds before then.
const load = () => import('../playground/PlaygroundBlock');
if (typeof window !== 'undefined') {
  void load().catch(() => undefined);
  // The editor's own small chunk and Monaco (whose files the page's <head> already preloads:
  // preloadEditor.ts) too, which the block would otherwise start only once hydrated and near.
  void import('../editor/CodeEditor').catch(() => undefined);
  void loadMonaco().catch(() => undefined);
}
const PlaygroundBlock = lazy(load);

/** A lesson's playground block, hydrated once its code has arrived. */
export default function LazyPlaygroundBlock({ data }: { data: PlaygroundData }) {
  return (
    <Suspense fallback={null}>
      <PlaygroundBlock data={data} />
    </Suspense>
  );
}
