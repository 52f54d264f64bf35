'use client';

import { useEffect, useState, type ComponentType } from 'react';

/**
 * A component whose code is loaded when first wanted — without Suspense. React holds back the
 * content of a Suspense boundary that has just resolved until 300 ms after the page last showed a
 * fallback (its reveal throttle), and React.lazy suspends on its first render even when the chunk
 * is already in: that put up to 300 ms on the editor's critical path, with the main thread idle.
 */
export interface OnDemand<P> {
  /** Starts loading (a chunk fetched ahead of need); errors wait for the component's own use. */
  preload(): void;
  load(): Promise<ComponentType<P>>;
  /** The component once loaded, or null. */
  current(): ComponentType<P> | null;
}

export function onDemand<P>(importer: () => Promise<{ default: ComponentType<P> }>): OnDemand<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | undefined;
  const load = () =>
    (loading ??= importer().then(
      (module) => (loaded = module.default),
      (error: unknown) => {
        loading = undefined; // a later use may retry (a network drop)
        throw error;
      },
    ));
  return {
    preload: () => void load().catch(() => undefined),
    load,
    current: () => loaded,
  };
}

/**
 * The component, once `wanted` and loaded (at once, in the same render, when it already is);
 * null before. A failed load is reported to `onError` (the component is not shown).
 */
export function useOnDemand<P>(what: OnDemand<P>, wanted: boolean, onError?: (message: string) => void): ComponentType<P> | null {
  const [component, setComponent] = useState<ComponentType<P> | null>(() => what.current());
  useEffect(() => {
    if (!wanted || component) return;
    let gone = false;
    what.load().then(
      (loaded) => {
        if (!gone) setComponent(() => loaded);
      },
      (error: unknown) => {
        if (!gone) onError?.(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      gone = true;
    };
  }, [what, wanted, component, onError]);
  return wanted ? (component ?? what.current()) : null;
}
