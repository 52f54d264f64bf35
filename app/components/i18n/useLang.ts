import { useLocale } from 'next-intl';
import { DEFAULT_LANG, isLang, localePath, type Lang } from '../../../content/lang';

/** The page's language (next-intl's locale), for components on the server or in the browser. */
export function useLang(): Lang {
  const locale = useLocale();
  return isLang(locale) ? locale : DEFAULT_LANG;
}

/** Turns an English path of the site into this page's language (`/lessons` → `/ko/lessons` on Korean pages). */
export function useLocalePath(): (path: string) => string {
  const lang = useLang();
  return (path) => localePath(lang, path);
}
