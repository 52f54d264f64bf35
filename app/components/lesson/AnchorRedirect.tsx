'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Lessons were one page; they are steps now. An old link `/lessons/<slug>#anchor`
 * (or a share link, `#<snippet>?variant=…&code=…`) whose anchor lives on another
 * step is sent there, hash and all. The server never sees a hash: this is the
 * only place that can do it. Renders nothing.
 */
export default function AnchorRedirect({ anchors, here }: { anchors: Record<string, string>; here: string }) {
  const router = useRouter();
  useEffect(() => {
    const follow = () => {
      const hash = window.location.hash;
      if (hash.length < 2) return;
      let anchor: string;
      try {
        anchor = decodeURIComponent(hash.slice(1).split('?')[0]!);
      } catch {
        return;
      }
      const path = Object.hasOwn(anchors, anchor) ? anchors[anchor] : undefined;
      if (path && path !== here && !document.getElementById(anchor)) router.replace(`${path}${hash}`);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [anchors, here, router]);
  return null;
}
