'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { Heading } from '../../../content/types';
import { useActiveHeading } from './useActiveHeading';

function TocList({ headings, active }: { headings: Heading[]; active: string | null }) {
  return (
    <ul className="space-y-0.5 border-l border-(--border) text-sm">
      {headings.map((heading) => {
        const current = heading.slug === active;
        return (
          <li key={heading.slug}>
            <a
              href={`#${heading.slug}`}
              aria-current={current ? 'location' : undefined}
              className={`-ml-px block border-l-2 py-1 pr-2 leading-snug transition-colors ${heading.depth === 3 ? 'pl-7' : 'pl-4'} ${
                current
                  ? 'border-red-700 font-medium text-(--page-fg) dark:border-red-400'
                  : 'border-transparent text-(--muted-fg) hover:border-(--border-strong) hover:text-(--page-fg)'
              }`}
            >
              {heading.text}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The step's table of contents (its h2 and h3), sticky beside the lesson on wide
 * screens, with the section being read highlighted.
 */
export default function Toc({ headings }: { headings: Heading[] }) {
  const active = useActiveHeading(headings.map((h) => h.slug));
  const nav = useRef<HTMLElement>(null);
  const t = useTranslations('lesson');

  // Keep the highlighted entry visible in a sidebar that scrolls on its own.
  useEffect(() => {
    const list = nav.current;
    const box = list?.parentElement;
    const link = list?.querySelector<HTMLElement>('[aria-current]');
    if (!box || !link || box.scrollHeight <= box.clientHeight) return;
    const top = link.offsetTop;
    if (top < box.scrollTop + 40 || top + link.offsetHeight > box.scrollTop + box.clientHeight - 40) {
      box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3) });
    }
  }, [active]);

  return (
    <nav ref={nav} aria-labelledby="toc-heading" className="hidden lg:block">
      <p id="toc-heading" className="mb-3 text-xs font-semibold tracking-wider text-(--muted-fg) uppercase">
        {t('onThisPage')}
      </p>
      <TocList headings={headings} active={active} />
    </nav>
  );
}
