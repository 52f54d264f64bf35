'use client';

import { useEffect, useState } from 'react';

/** Distance from the top of the viewport (below the sticky header) where a section counts as "in view". */
const OFFSET = 112;

/** The id of the heading whose section is being read: the last one scrolled past the top. */
export function useActiveHeading(ids: readonly string[]): string | null {
  const [active, setActive] = useState<string | null>(null);
  const key = ids.join('\n');

  useEffect(() => {
    const list = key === '' ? [] : key.split('\n');
    let frame = 0;
    const update = () => {
      frame = 0;
      let current: string | null = null;
      for (const id of list) {
        const element = document.getElementById(id);
        if (!element) continue;
        if (element.getBoundingClientRect().top - OFFSET <= 0) current = id;
        else break;
      }
      // At the very end of the page the last sections may never reach the top.
      const root = document.documentElement;
      if (current !== null && window.innerHeight + window.scrollY >= root.scrollHeight - 4) current = list.at(-1) ?? current;
      setActive(current);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    window.addEventListener('hashchange', schedule);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      window.removeEventListener('hashchange', schedule);
    };
  }, [key]);

  return active;
}
