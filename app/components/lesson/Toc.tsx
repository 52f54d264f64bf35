'use client';

import { useEffect, useRef } from 'react';
import type { Heading } from '../../../content/types';
import { useActiveHeading } from './useActiveHeading';
import DisclosureTriangle from '../icons/DisclosureTriangle';

function TocList({ headings, active, onNavigate }: { headings: Heading[]; active: string | null; onNavigate?: () => void }) {
  return (
    <ul className="space-y-0.5 border-l border-(--border) text-sm">
      {headings.map((heading) => {
        const current = heading.slug === active;
        return (
          <li key={heading.slug}>
            <a
              href={`#${heading.slug}`}
              aria-current={current ? 'location' : undefined}
              onClick={onNavigate}
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
 * The lesson's table of contents (its h2 and h3), with the section being read
 * highlighted. `sidebar`: sticky beside the lesson on wide screens; `inline`:
 * a collapsed disclosure above the lesson on narrow ones.
 */
export default function Toc({ headings, variant }: { headings: Heading[]; variant: 'sidebar' | 'inline' }) {
  const active = useActiveHeading(headings.map((h) => h.slug));
  const details = useRef<HTMLDetailsElement>(null);
  const nav = useRef<HTMLElement>(null);

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

  if (variant === 'inline') {
    const current = headings.find((h) => h.slug === active);
    return (
      <details ref={details} className="group rounded-lg border border-(--border) bg-(--surface) lg:hidden">
        <summary className="flex cursor-pointer list-none items-center gap-2 px-4 py-3 text-sm select-none [&::-webkit-details-marker]:hidden">
          <DisclosureTriangle />
          <span className="font-semibold">On this page</span>
          {current && <span className="min-w-0 truncate text-(--muted-fg)">· {current.text}</span>}
        </summary>
        <nav aria-label="On this page" className="px-4 pb-3">
          <TocList
            headings={headings}
            active={active}
            onNavigate={() => {
              if (details.current) details.current.open = false;
            }}
          />
        </nav>
      </details>
    );
  }

  return (
    <nav ref={nav} aria-labelledby="toc-heading" className="hidden lg:block">
      <p id="toc-heading" className="mb-3 text-xs font-semibold tracking-wider text-(--muted-fg) uppercase">
        On this page
      </p>
      <TocList headings={headings} active={active} />
    </nav>
  );
}
