import { useTranslations } from 'next-intl';
import type { CheckResult as Check } from '../run/model';

/** An exercise's verdict from the runner: passed ✓ or not yet, with what was checked. */
/**
 * `title`: the check's title in the page's language (the runner's is the English one);
 * `details`: what was checked in the page's language (checkPhrases.ts), null while it is not known yet.
 */
export default function CheckResult({
  check,
  counted,
  title,
  details = check.details,
}: {
  check: Check;
  counted: boolean;
  title?: string | null;
  details?: string[] | null;
}) {
  const t = useTranslations('run');
  return (
    <div
      role="status"
      data-testid="check-result"
      data-passed={check.passed}
      className={`rounded-lg border-2 px-4 py-3 ${
        check.passed
          ? 'border-emerald-600 bg-emerald-50 text-emerald-950 dark:border-emerald-400 dark:bg-emerald-950/40 dark:text-emerald-50'
          : 'border-amber-500 bg-amber-50 text-amber-950 dark:border-amber-400/70 dark:bg-amber-950/40 dark:text-amber-50'
      }`}
    >
      <p className="flex items-center gap-2 font-semibold">
        <span
          aria-hidden="true"
          className={`inline-flex size-6 shrink-0 items-center justify-center rounded-full text-sm text-white ${
            check.passed ? 'bg-emerald-700 dark:bg-emerald-500 dark:text-zinc-950' : 'bg-amber-600 dark:bg-amber-400 dark:text-zinc-950'
          }`}
        >
          {check.passed ? '✓' : '…'}
        </span>
        <span>
          {t(check.passed ? 'check.passed' : 'check.notYet', { title: title ?? check.title })}
        </span>
      </p>
      {details && details.length > 0 && (
        <ul data-testid="check-details" className="mt-2 ml-8 list-disc space-y-1 text-sm">
          {details.map((detail, index) => (
            <li key={index}>{detail}</li>
          ))}
        </ul>
      )}
      {check.passed && (
        <p className="mt-2 ml-8 text-sm">
          {t(counted ? 'check.counted' : 'check.givenSolution')}
        </p>
      )}
    </div>
  );
}
