'use client';

import { useTranslations } from 'next-intl';

const base =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold transition-colors aria-disabled:cursor-not-allowed aria-disabled:opacity-50 sm:min-h-10';

/** Run and Stop. They stay focusable while unavailable (aria-disabled) so focus is never lost mid-run. */
export default function RunButtons({
  busy,
  stopping,
  onRun,
  onStop,
  runLabel,
}: {
  busy: boolean;
  stopping: boolean;
  onRun: () => void;
  onStop: () => void;
  runLabel?: string;
}) {
  const t = useTranslations('run');
  return (
    <>
      <button
        type="button"
        onClick={() => {
          if (!busy) onRun();
        }}
        aria-disabled={busy}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        className={`${base} bg-red-700 text-white hover:bg-red-800 aria-disabled:hover:bg-red-700 dark:bg-red-400 dark:text-zinc-950 dark:hover:bg-red-300 dark:aria-disabled:hover:bg-red-400`}
      >
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false" fill="currentColor">
          <path d="M4 2.5v11l9-5.5z" />
        </svg>
        {runLabel ?? t('run')}
      </button>
      <button
        type="button"
        onClick={() => {
          if (busy && !stopping) onStop();
        }}
        aria-disabled={!busy || stopping}
        className={`${base} border border-(--border-strong) bg-(--page-bg) text-(--page-fg) hover:bg-(--surface-strong) aria-disabled:hover:bg-(--page-bg)`}
      >
        <svg viewBox="0 0 16 16" width="10" height="10" aria-hidden="true" focusable="false" fill="currentColor">
          <rect x="2" y="2" width="12" height="12" rx="1.5" />
        </svg>
        {t('stop')}
      </button>
    </>
  );
}
