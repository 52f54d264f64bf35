'use client';

import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import type { MouseEvent } from 'react';
import { splitLocalePath, type Lang } from '../../../content/lang';
import { useLang } from './useLang';

/** Each language's name in itself. */
const NAMES: Record<Lang, string> = { en: 'English', ko: '한국어' };

/**
 * The header's language switch: the same page in the other language — the same step, and
 * the same #snippet or share hash. It goes through the language's prefixed address (`/en/…`
 * too), where proxy.ts records the choice in the locale cookie (and sends `/en/…` on to
 * the English URL), so a browser that prefers Korean is not sent back to it. Writing the
 * cookie here instead would race the Korean page's prefetches, whose answers set it back.
 */
export default function LanguageSwitch() {
  const lang = useLang();
  const t = useTranslations('chrome');
  const other: Lang = lang === 'en' ? 'ko' : 'en';
  const path = splitLocalePath(usePathname() ?? '/').path;
  const href = `/${other}${path === '/' ? '' : path}`;
  const choose = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    // A whole page load: the other language has its own <html lang> and strings.
    window.location.assign(`${href}${window.location.search}${window.location.hash}`);
  };
  return (
    <a
      href={href}
      hrefLang={other}
      lang={other}
      onClick={choose}
      data-testid="language-switch"
      title={t('switchLanguage', { language: NAMES[other] })}
      className="inline-flex min-h-9 items-center rounded-md px-2 text-sm font-medium text-(--muted-fg) transition-colors hover:bg-(--surface) hover:text-(--page-fg)"
    >
      {NAMES[other]}
    </a>
  );
}
