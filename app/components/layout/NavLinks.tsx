'use client';

import { useTranslations } from 'next-intl';
import Link from './SiteLink';
import { usePathname } from 'next/navigation';
import { splitLocalePath } from '../../../content/lang';
import { useLocalePath } from '../i18n/useLang';

const LINKS = [
  { href: '/lessons', label: 'lessons', match: (path: string) => path === '/lessons' || path.startsWith('/lessons/') },
  { href: '/playground', label: 'playground', match: (path: string) => path === '/playground' },
  // For instructors; on a phone it is in the footer (the header has no room).
  { href: '/w/new', label: 'workshop', match: (path: string) => path === '/w/new', wide: true },
];

/** The header's sections; the one you are in is marked (aria-current). */
export default function NavLinks() {
  const pathname = splitLocalePath(usePathname() ?? '').path;
  const t = useTranslations('chrome');
  const path = useLocalePath();
  return (
    <ul className="flex items-center gap-0.5 sm:gap-1">
      {LINKS.map((link) => {
        const current = link.match(pathname);
        return (
          <li key={link.href} className={'wide' in link ? 'hidden sm:block' : undefined}>
            <Link
              href={path(link.href)}
              aria-current={current ? 'page' : undefined}
              className={`rounded-md px-1.5 py-1.5 text-sm font-medium transition-colors sm:px-2.5 ${
                current ? 'text-(--page-fg)' : 'text-(--muted-fg) hover:text-(--page-fg)'
              } aria-[current=page]:underline aria-[current=page]:decoration-red-700 aria-[current=page]:decoration-2 aria-[current=page]:underline-offset-[6px] dark:aria-[current=page]:decoration-red-400`}
            >
              {t(link.label)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
