'use client';

import { lazy, useEffect, useRef, useState, useSyncExternalStore, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import { holdPresses, replayPresses, type HeldPresses } from './heldPresses';
import type { PlaygroundData } from './types';
import { NEAR_MARGIN_PX, watchNear } from './useNearViewport';

type Block = ComponentType<{ data: PlaygroundData }>;

// The server renders the whole block (require: the client bundle leaves this branch out, so a
// lesson's first-load JavaScript does not carry the playground's ~30 KB gzip).
const ServerBlock: Block | null =
  typeof window === 'undefined' ? (require('./PlaygroundBlock') as { default: Block }).default : null;

const load = () => {
  // The editor's own small chunk too, which the block would otherwise ask for only once rendered.
  void import('../editor/CodeEditor').catch(() => undefined);
  return import('./PlaygroundBlock').then((m) => m.default as Block);
};
let loading: Promise<Block> | undefined;
const loadBlock = () => (loading ??= load().catch((error: unknown) => {
  loading = undefined; // a later attempt may retry (a network drop)
  throw error;
}));

/** A block rendered in the browser (a page reached by a client-side navigation): the page shows once its code is in. */
const LazyBlock = lazy(() => loadBlock().then((block) => ({ default: block })));
const subscribe = () => () => undefined;

/** The block the page's address names (`#<block>`, `#<snippet>?variant=…&code=…`). */
function named(data: PlaygroundData): boolean {
  const target = decodeURIComponent(window.location.hash.slice(1).split('?')[0] ?? '');
  return target !== '' && (target === data.blockId || target === data.id);
}

function nearViewport(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > -NEAR_MARGIN_PX && box.top < window.innerHeight + NEAR_MARGIN_PX;
}

// As soon as this module runs (hydration reaches the page's first block): a block already on
// screen starts fetching its code at once, not a frame later when the observer reports it.
if (typeof window !== 'undefined') {
  queueMicrotask(() => {
    if ([...document.querySelectorAll('[data-island]')].some(nearViewport)) void loadBlock().catch(() => undefined);
  });
}

/**
 * A lesson's playground as an island: the server's HTML of the whole block stays as it is
 * (React leaves the children of an element set by dangerouslySetInnerHTML alone while
 * hydrating), and the block's code is loaded, and the block rendered in its place, only once
 * it comes near the viewport, is focused, hovered or pressed, or the address names it. Until
 * then it costs the page no JavaScript beyond this. A press (click, tap, key) on the server's
 * HTML is not lost: it is held and pressed again on the live block (heldPresses.ts). The server's and the browser's first render
 * of the block are the same, so it does not move when it takes over.
 */
export default function PlaygroundIsland({ data }: { data: PlaygroundData }) {
  const host = useRef<HTMLDivElement>(null);
  const live = useRef<HTMLDivElement>(null);
  /** What was pressed and focused in the server's HTML, done again in the live block. */
  const held = useRef<ReturnType<HeldPresses['take']> | null>(null);
  const [Loaded, setLoaded] = useState<Block | null>(null);
  // Whether this block was first rendered while hydrating the server's HTML (only then is
  // there HTML to keep): the server snapshot is what hydration sees; the first value stays.
  const mode = useSyncExternalStore(subscribe, () => 'client', () => 'hydrating');
  const [hydrated] = useState(mode === 'hydrating');

  useEffect(() => {
    const element = host.current;
    if (Loaded || !hydrated || !element) return;
    let done = false;
    let gone = false;
    const wake = () => {
      if (done) return;
      done = true;
      cleanup();
      loadBlock()
        .then(async (block) => {
          // A press under way ends on the server's HTML, where it is held; then the block takes over.
          await presses.settled();
          if (gone) return;
          held.current = presses.take();
          // At once: nothing may be pressed between taking the presses and the block's arrival.
          flushSync(() => setLoaded(() => block));
        })
        .catch(() => {
          done = false; // the next sign (hover, scroll, hash, a press) tries again
          listen();
        });
    };
    const presses = holdPresses(element, wake);
    // Says so (for tests, and the curious): from here a press on this block is not lost.
    element.dataset.presses = 'held';
    const onHash = () => {
      if (named(data)) wake();
    };
    let unwatch: () => void = () => {};
    const listen = () => {
      unwatch = watchNear(element, wake);
      window.addEventListener('hashchange', onHash);
    };
    const cleanup = () => {
      unwatch();
      window.removeEventListener('hashchange', onHash);
    };
    listen();
    onHash();
    return () => {
      gone = true;
      cleanup();
      presses.take();
    };
  }, [Loaded, hydrated, data]);

  // The block renders as the server did, element for element: the focus goes back to the same
  // element, and what was pressed before it was live is pressed again there (after the block's
  // own effects, so it is ready for it).
  useEffect(() => {
    const root = live.current;
    const pending = held.current;
    held.current = null;
    if (Loaded && root && pending) void replayPresses(root, pending);
  }, [Loaded]);

  if (ServerBlock) {
    return (
      <div key="server" data-island="server">
        <ServerBlock data={data} />
      </div>
    );
  }
  if (!hydrated) {
    return (
      <div key="live" data-island="live">
        <LazyBlock data={data} />
      </div>
    );
  }
  if (!Loaded) {
    // Keeps the server's HTML (hydration does not look inside).
    return <div key="server" ref={host} data-island="server" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: '' }} />;
  }
  // Another element (key): React puts the block in a fresh one instead of patching the server's.
  return (
    <div key="live" ref={live} data-island="live">
      <Loaded data={data} />
    </div>
  );
}
