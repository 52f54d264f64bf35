'use client';

import { useEffect } from 'react';
import { markVisited } from './store';

/** Records that this lesson (and this step of it) was opened. Renders nothing. */
export default function MarkVisited({ slug, step }: { slug: string; step?: string }) {
  useEffect(() => {
    markVisited(slug, step);
  }, [slug, step]);
  return null;
}
