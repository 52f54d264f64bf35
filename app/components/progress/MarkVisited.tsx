'use client';

import { useEffect } from 'react';
import { markVisited } from './store';

/** Records that this lesson was opened. Renders nothing. */
export default function MarkVisited({ slug }: { slug: string }) {
  useEffect(() => {
    markVisited(slug);
  }, [slug]);
  return null;
}
