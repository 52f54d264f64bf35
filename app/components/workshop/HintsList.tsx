import { useLocale, useTranslations } from 'next-intl';
import type { Hint } from './api';

/** The instructor's hints to this learner, newest first. */
export default function HintsList({ hints }: { hints: readonly Hint[] }) {
  const t = useTranslations('workshop.hints');
  const locale = useLocale();
  if (hints.length === 0) return <p className="text-sm text-(--muted-fg)">{t('none')}</p>;
  return (
    <ol className="space-y-2" data-testid="hints">
      {[...hints].reverse().map((hint) => (
        <li key={hint.id} className="rounded-md border border-(--border) bg-(--surface) px-3 py-2 text-sm">
          <p className="whitespace-pre-wrap">{hint.text}</p>
          <p className="mt-1 text-xs text-(--muted-fg)">
            <time dateTime={hint.at}>{new Date(hint.at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
