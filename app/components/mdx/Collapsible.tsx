import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import DisclosureTriangle from '../icons/DisclosureTriangle';

/** A <details> block: DeepDive, Hint and Solution. Works without JavaScript. */
export default function Collapsible({
  kind,
  title,
  icon,
  tone,
  children,
}: {
  kind: string;
  title?: string;
  icon: ReactNode;
  tone: 'neutral' | 'hint' | 'solution';
  children?: ReactNode;
}) {
  const label = useTranslations('mdx')(kind.replace(' ', '').toLowerCase());
  const tones = {
    neutral: 'border-(--border-strong) bg-(--surface)',
    hint: 'border-amber-300 bg-amber-50/60 dark:border-amber-500/40 dark:bg-amber-950/25',
    solution: 'border-emerald-300 bg-emerald-50/60 dark:border-emerald-500/40 dark:bg-emerald-950/25',
  };
  return (
    <details data-collapsible={kind.toLowerCase()} className={`group my-6 rounded-lg border ${tones[tone]}`}>
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-4 py-3 font-semibold select-none sm:px-5 [&::-webkit-details-marker]:hidden">
        <DisclosureTriangle />
        <span aria-hidden="true" className="inline-flex text-(--muted-fg)">{icon}</span>
        <span>
          {title ? (
            <>
              <span className="font-normal text-(--muted-fg)">{label}: </span>
              {title}
            </>
          ) : (
            label
          )}
        </span>
      </summary>
      <div className="callout border-t border-(--border) px-4 py-3.5 sm:px-5">{children}</div>
    </details>
  );
}
