import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/** The shared frame of Pitfall, Fix and Note. */
export default function Callout({
  tone,
  icon,
  kind,
  title,
  children,
}: {
  tone: 'bad' | 'good' | 'note';
  icon: ReactNode;
  /** Read out before the title, e.g. "Pitfall". */
  kind: string;
  title?: string;
  children?: ReactNode;
}) {
  const label = useTranslations('mdx')(kind.replace(' ', '').toLowerCase());
  const tones = {
    bad: 'border-red-300 bg-red-50/70 dark:border-red-500/40 dark:bg-red-950/30',
    good: 'border-emerald-300 bg-emerald-50/70 dark:border-emerald-500/40 dark:bg-emerald-950/30',
    note: 'border-sky-300 bg-sky-50/70 dark:border-sky-500/40 dark:bg-sky-950/30',
  };
  const titles = {
    bad: 'text-red-800 dark:text-red-300',
    good: 'text-emerald-800 dark:text-emerald-300',
    note: 'text-sky-800 dark:text-sky-300',
  };
  return (
    <div role="note" aria-label={title ? `${label}: ${title}` : label} data-callout={kind.toLowerCase()} className={`callout my-6 rounded-lg border px-4 py-3.5 sm:px-5 ${tones[tone]}`}>
      <p className={`flex items-center gap-2 font-semibold ${titles[tone]}`}>
        <span aria-hidden="true" className="inline-flex">{icon}</span>
        <span>
          {title ?? label}
          {title && <span className="sr-only"> ({label.toLowerCase()})</span>}
        </span>
      </p>
      {children}
    </div>
  );
}
