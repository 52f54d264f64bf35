'use client';

import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import type { MouseEvent } from 'react';
import { localePath, splitLocalePath, type Lang } from '../../../content/lang';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from '../../../i18n/routing';
import { useLang } from './useLang';

/** Each language's name in itself. */
const NAMES: Record<Lang, string> = { en: 'English', ko: '한국어' };

/**
 * The header's language switch: the same page in the other language — the same step, and
 * the same #snippet or share hash — and the choice kept in the locale cookie, so a browser
 * that prefers Korean is not sent back to it (proxy.ts).
 */
export default function LanguageSwitch() {
  const lang = useLang();
  const t = useTranslations('chrome');
  const other: Lang = lang === 'en' ? 'ko' : 'en';
  const href = localePath(other, splitLocalePath(usePathname() ?? '/').path);
  const choose = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    document.cookie = `${LOCALE_COOKIE}=${other}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax`;
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
      aria-label={t('switchLanguage', { language: NAMES[other] })}
      className="inline-flex min-h-9 items-center rounded-md px-2 text-sm font-medium text-(--muted-fg) transition-colors hover:bg-(--surface) hover:text-(--page-fg)"
    >
      {NAMES[other]}
    </a>
  );
}
