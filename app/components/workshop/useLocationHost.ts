'use client';

import { useSyncExternalStore } from 'react';

const never = () => () => undefined;

/** This site's `host` (for "Join at host/w/CODE"): '' in the server render and during hydration, so both agree. */
export function useLocationHost(): string {
  return useSyncExternalStore(
    never,
    () => window.location.host,
    () => '',
  );
}
