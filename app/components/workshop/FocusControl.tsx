'use client';

import Link from '../layout/SiteLink';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { useLocalePath } from '../i18n/useLang';
import { workshopApi, type Summary } from './api';
import { useErrorText } from './errorText';
import { ERROR_TEXT, FIELD, SMALL } from './styles';
import { placeName, type LessonOutline } from './types';

/** The places of the workshop's lessons: each lesson, its sections and its snippets. */
function places(summary: Summary, catalog: readonly LessonOutline[]) {
  const lessons = [...new Set(summary.items.map((i) => i.lesson))];
  return lessons.flatMap((slug) => {
    const lesson = catalog.find((l) => l.slug === slug);
    if (!lesson) return [];
    return [
      { value: slug, label: lesson.title, group: lesson.title },
      ...lesson.headings.map((h) => ({ value: `${slug}#${h.slug}`, label: `§ ${h.text}`, group: lesson.title })),
      ...lesson.snippets.map((s) => ({ value: `${slug}#${s.id}`, label: `▶ ${s.title}`, group: lesson.title })),
    ];
  });
}

/** "Move the room": the lesson, section or snippet that learners who follow are taken to. */
export default function FocusControl({ code, summary, catalog }: { code: string; summary: Summary; catalog: readonly LessonOutline[] }) {
  const id = useId();
  const t = useTranslations('workshop.focus');
  const errorText = useErrorText();
  const path = useLocalePath();
  const options = places(summary, catalog);
  const current = summary.focus ? `${summary.focus.lesson}${summary.focus.anchor ? `#${summary.focus.anchor}` : ''}` : '';
  const [value, setValue] = useState(current || options[0]?.value || '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const groups = [...new Set(options.map((o) => o.group))];
  const [lesson = '', anchor = ''] = value.split('#');
  const snippet = catalog.find((l) => l.slug === lesson)?.snippets.some((s) => s.id === anchor) ? { lesson, id: anchor } : null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const [lesson, anchor] = value.split('#');
    if (!lesson) return;
    setBusy(true);
    const result = await workshopApi.focus(code, lesson, anchor);
    setBusy(false);
    setError(result.ok ? null : errorText(result.error));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm text-(--muted-fg)" data-testid="current-focus">
        {summary.focus ? t('nowAt', { place: placeName(catalog, summary.focus.lesson, summary.focus.anchor) }) : t('free')}
      </p>
      <div className="flex flex-wrap gap-2">
        <label htmlFor={`${id}-place`} className="sr-only">
          {t('place')}
        </label>
        <select id={`${id}-place`} value={value} onChange={(event) => setValue(event.target.value)} className={`${FIELD} w-auto max-w-full flex-1`}>
          {groups.map((group) => (
            <optgroup key={group} label={group}>
              {options
                .filter((o) => o.group === group)
                .map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <button type="submit" className={SMALL} disabled={busy}>
          {t('submit')}
        </button>
        {snippet && (
          <Link href={path(`/w/${code}/present?lesson=${encodeURIComponent(snippet.lesson)}&snippet=${encodeURIComponent(snippet.id)}&pin=1`)} className={SMALL}>
            {t('present')}
          </Link>
        )}
      </div>
      {error && (
        <p role="alert" className={ERROR_TEXT}>
          {error}
        </p>
      )}
    </form>
  );
}
