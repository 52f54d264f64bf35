import type { ReactNode } from 'react';

const TONES = {
  warning: 'border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-500/60 dark:bg-amber-950/50 dark:text-amber-100',
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-500/50 dark:bg-red-950/50 dark:text-red-100',
  info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-500/50 dark:bg-sky-950/40 dark:text-sky-100',
  good: 'border-emerald-400 bg-emerald-50 text-emerald-950 dark:border-emerald-500/50 dark:bg-emerald-950/40 dark:text-emerald-100',
};

const ICONS = {
  warning: (
    <>
      <rect x="3" y="2" width="3.5" height="12" rx="1" />
      <rect x="9.5" y="2" width="3.5" height="12" rx="1" />
    </>
  ),
  error: <path d="M8 1.5 15 14H1L8 1.5Zm-.75 4.5v4h1.5V6h-1.5Zm0 5.25v1.5h1.5v-1.5h-1.5Z" />,
  info: <path d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm-.75 6v5h1.5V7h-1.5Zm0-3v1.5h1.5V4h-1.5Z" />,
  good: <path d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm3.2 4.2L7 9.4 4.8 7.2 3.7 8.3 7 11.6l5.3-5.3-1.1-1.1Z" />,
};

/** A message in the playground: blocked, an error, shared code, code set aside. */
export default function Banner({
  tone,
  alert = false,
  children,
  actions,
  testId,
}: {
  tone: keyof typeof TONES;
  /** Announced at once (role=alert) rather than shown quietly. */
  alert?: boolean;
  children: ReactNode;
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <div
      role={alert ? 'alert' : undefined}
      data-testid={testId}
      className={`flex flex-wrap items-start gap-x-2 gap-y-2 rounded-md border px-3 py-2 text-sm ${TONES[tone]}`}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" className="mt-0.5 shrink-0" fill="currentColor">
        {ICONS[tone]}
      </svg>
      <div className="min-w-0 flex-1 basis-48">{children}</div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}
