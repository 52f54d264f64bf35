'use client';

import { lazy, Suspense } from 'react';
import { useJoined } from '../workshop/joined';

// The bar and its connection code are only for browsers that joined a workshop: most
// visitors never load them (they stay out of every page's first-load JavaScript).
const WorkshopBar = lazy(() => import('../workshop/WorkshopBar'));

/** The learner's workshop bar, loaded once this browser has joined a workshop. */
export default function LazyWorkshopBar() {
  const joined = useJoined();
  if (!joined) return null;
  return (
    <Suspense fallback={null}>
      <WorkshopBar />
    </Suspense>
  );
}
