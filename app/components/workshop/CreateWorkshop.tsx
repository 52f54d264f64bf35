'use client';

import Link from '../layout/SiteLink';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import type { RunWords } from '../terminal/words';
import { useLang } from '../i18n/useLang';
import { localePath } from '../../../content/lang';
import { workshopApi, type Created, type WorkshopItem } from './api';
import CopyField from './CopyField';
import { useErrorText } from './errorText';
import { CARD, ERROR_TEXT, FIELD, LABEL, PRIMARY, SECONDARY, SMALL } from './styles';
import type { LessonOutline } from './types';

const MAX_ITEMS = 50;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The instructor link as a small page to keep (opened, it goes to the board):
 * the link is shown only once, and a file survives a closed tab. In the page's language:
 * `t` is `useTranslations('workshop')`, `lang` the file's `<html lang>`.
 */
export function instructorLinkFile(created: Pick<Created, 'code' | 'title'>, link: string, t: RunWords, lang = 'en'): string {
  const title = escapeHtml(created.title);
  const href = escapeHtml(link);
  const words = { title, code: created.code };
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<meta charset="utf-8">',
    `<title>${escapeHtml(t('create.fileTitle', words))}</title>`,
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    `<p>${escapeHtml(t('create.fileBody', words))} <a href="${href}">${href}</a></p>`,
    `<p>${escapeHtml(t('create.fileKeep'))}</p>`,
    '',
  ].join('\n');
}

function downloadLink(created: Created, link: string, t: RunWords, lang: string) {
  const url = URL.createObjectURL(new Blob([instructorLinkFile(created, link, t, lang)], { type: 'text/html' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `workshop-${created.code}-instructor.html`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The links, once: the join link for the room, the instructor link for nobody else. */
function CreatedPanel({ created }: { created: Created }) {
  const t = useTranslations('workshop');
  const lang = useLang();
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  // The server's paths are the English ones: the links a Korean instructor shares open Korean pages.
  const joinPath = localePath(lang, created.joinPath);
  const instructorPath = localePath(lang, created.instructorPath);
  return (
    <section aria-labelledby="created-title" className={`${CARD} space-y-5`} data-testid="workshop-created">
      <h2 id="created-title" className="text-2xl font-bold">
        {t('create.ready', { title: created.title })}
      </h2>
      <div className="space-y-1">
        <p className="text-sm font-semibold">{t('create.joinCode')}</p>
        <p className="font-mono text-4xl font-bold tracking-[0.2em]" data-testid="join-code">
          {created.code}
        </p>
      </div>
      <CopyField label={t('create.joinLink')} value={`${origin}${joinPath}`} testId="join-link" />
      <div role="alert" className="space-y-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-4 text-amber-950 dark:bg-amber-950/50 dark:text-amber-100">
        <p className="font-semibold">
          {t('create.warning')}
        </p>
        <CopyField label={t('create.instructorLink')} value={`${origin}${instructorPath}`} testId="instructor-link" />
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className={SMALL} onClick={() => downloadLink(created, `${origin}${instructorPath}`, t, lang)}>
            {t('create.download')}
          </button>
          <p className="text-sm">{t('create.downloadHelp')}</p>
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        <a href={instructorPath} className={PRIMARY}>
          {t('create.openBoard')}
        </a>
        <Link href={joinPath} className={SECONDARY}>
          {t('create.seeLearners')}
        </Link>
      </div>
    </section>
  );
}

/** `/w/new`: a title, the lessons and snippets to go through, an optional end. */
export default function CreateWorkshop({ catalog }: { catalog: LessonOutline[] }) {
  const id = useId();
  const t = useTranslations('workshop');
  const errorText = useErrorText();
  const [title, setTitle] = useState('');
  const [items, setItems] = useState<string[]>([]);
  const [endsAt, setEndsAt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);

  const toggle = (key: string, on: boolean) => setItems((list) => (on ? [...list.filter((k) => k !== key), key] : list.filter((k) => k !== key)));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setError(t('create.needTitle'));
    if (items.length === 0) return setError(t('create.needItems'));
    if (items.length > MAX_ITEMS) return setError(t('create.tooMany', { max: MAX_ITEMS }));
    let end: string | undefined;
    if (endsAt) {
      const date = new Date(endsAt);
      if (Number.isNaN(date.getTime())) return setError(t('create.badDate'));
      end = date.toISOString();
    }
    // In the order of the lessons, whatever order they were ticked in.
    const order = catalog.flatMap((l) => [l.slug, ...l.snippets.map((s) => `${l.slug}/${s.id}`)]);
    const chosen: WorkshopItem[] = [...items]
      .sort((a, b) => order.indexOf(a) - order.indexOf(b))
      .map((key) => {
        const [lesson, snippet] = key.split('/');
        return snippet ? { lesson: lesson!, snippet } : { lesson: lesson! };
      });
    setBusy(true);
    setError(null);
    const result = await workshopApi.create({ title: title.trim(), items: chosen, ...(end ? { endsAt: end } : {}) });
    setBusy(false);
    if (result.ok) setCreated(result.data);
    else setError(errorText(result.error));
  }

  if (created) return <CreatedPanel created={created} />;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8" aria-describedby={error ? `${id}-error` : undefined}>
      <div className="space-y-1.5">
        <label htmlFor={`${id}-title`} className={LABEL}>
          {t('create.title')}
        </label>
        <input id={`${id}-title`} value={title} maxLength={100} onChange={(event) => setTitle(event.target.value)} className={FIELD} required />
      </div>

      <fieldset className="space-y-4">
        <legend className={LABEL}>{t('create.lessons')}</legend>
        <p className="text-sm text-(--muted-fg)">{t('create.lessonsHelp')}</p>
        {catalog.map((lesson) => (
          <div key={lesson.slug} className="rounded-lg border border-(--border) p-3">
            <label className="flex items-center gap-2 font-semibold">
              <input type="checkbox" className="size-4" checked={items.includes(lesson.slug)} onChange={(event) => toggle(lesson.slug, event.target.checked)} />
              {t('create.part', { part: lesson.part, title: lesson.title })}
            </label>
            {lesson.snippets.length > 0 && (
              <details className="mt-2 ml-6">
                <summary className="cursor-pointer text-sm text-(--muted-fg)">
                  {t('create.snippets', { chosen: lesson.snippets.filter((s) => items.includes(`${lesson.slug}/${s.id}`)).length, total: lesson.snippets.length })}
                </summary>
                <ul className="mt-2 grid gap-1 sm:grid-cols-2">
                  {lesson.snippets.map((snippet) => {
                    const key = `${lesson.slug}/${snippet.id}`;
                    return (
                      <li key={key}>
                        <label className="flex items-start gap-2 text-sm">
                          <input type="checkbox" className="mt-0.5 size-4" checked={items.includes(key)} onChange={(event) => toggle(key, event.target.checked)} />
                          <span>
                            {snippet.title}
                            {snippet.exercise && <span className="ml-1 text-xs text-(--muted-fg)">{t('create.exercise')}</span>}
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </details>
            )}
          </div>
        ))}
      </fieldset>

      <div className="space-y-1.5">
        <label htmlFor={`${id}-ends`} className={LABEL}>
          {t('create.endsAt')} <span className="font-normal text-(--muted-fg)">{t('create.endsAtHint')}</span>
        </label>
        <input id={`${id}-ends`} type="datetime-local" value={endsAt} onChange={(event) => setEndsAt(event.target.value)} className={`${FIELD} max-w-xs`} />
      </div>

      {error && (
        <p id={`${id}-error`} role="alert" data-testid="create-error" className={ERROR_TEXT}>
          {error}
        </p>
      )}
      <button type="submit" className={PRIMARY} aria-disabled={busy}>
        {busy ? t('create.creating') : t('create.submit')}
      </button>
    </form>
  );
}
