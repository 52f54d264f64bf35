import { useTranslations } from 'next-intl';
import { useLang } from '../i18n/useLang';
import type { ApiError } from './api';

/**
 * A workshop API error as the UI says it: English pages keep the server's own words
 * (they name the detail: the taken name, the seconds to wait); other languages say
 * the error's code in the page's language (`workshop.errors.<code>`), the server's
 * words only for a code they have no message for. The API itself stays English.
 */
export function useErrorText(): (error: ApiError) => string {
  const lang = useLang();
  const t = useTranslations('workshop.errors');
  return (error) => (lang === 'en' || !t.has(error.code) ? error.message : t(error.code));
}
