'use client';

import { useTranslations } from 'next-intl';

import { useId } from 'react';
import { setChecklist } from '../progress/store';
import { useProgress } from '../progress/useProgress';

/** A checklist whose ticks are saved in this browser (with the rest of the progress). */
export default function Checklist({ id, items, title: given }: { id: string; items: string[]; title?: string }) {
  const t = useTranslations('mdx');
  const title = given ?? t('checklist');
  const progress = useProgress();
  const ticked = new Set(progress.checklists[id] ?? []);
  const done = items.filter((item) => ticked.has(item)).length;
  const uid = useId();

  function toggle(item: string, on: boolean) {
    const next = items.filter((candidate) => (candidate === item ? on : ticked.has(candidate)));
    setChecklist(id, next);
  }

  return (
    <fieldset data-checklist={id} className="not-prose my-6 rounded-lg border border-(--border-strong) px-4 py-3.5 sm:px-5">
      <legend className="sr-only">{title}</legend>
      <div className="mb-2 flex items-baseline justify-between gap-3" aria-hidden="true">
        <p className="font-semibold">{title}</p>
        <p className="text-sm text-(--muted-fg)">
          {done} of {items.length} done
        </p>
      </div>
      <ul className="space-y-1">
        {items.map((item, index) => {
          const inputId = `${uid}-${index}`;
          const checked = ticked.has(item);
          return (
            <li key={item}>
              <label htmlFor={inputId} className="flex cursor-pointer items-start gap-3 rounded-md px-1 py-1.5 hover:bg-(--surface)">
                <input
                  id={inputId}
                  type="checkbox"
                  checked={checked}
                  onChange={(event) => toggle(item, event.target.checked)}
                  className="mt-1 size-4 shrink-0 accent-emerald-700 dark:accent-emerald-400"
                />
                <span className={checked ? 'text-(--muted-fg) line-through decoration-1' : ''}>{item}</span>
              </label>
            </li>
          );
        })}
      </ul>
      <p className="sr-only" aria-live="polite">
        {done} of {items.length} done
      </p>
    </fieldset>
  );
}
