'use client';

import { useSyncExternalStore } from 'react';
import { getProgress, getServerProgress, subscribeProgress, type Progress } from './store';

/** The learner's progress; the server render (and hydration) sees none, then the stored one. */
export function useProgress(): Progress {
  return useSyncExternalStore(subscribeProgress, getProgress, getServerProgress);
}
