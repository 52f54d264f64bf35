'use client';

import Link from '../layout/SiteLink';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { useLocalePath } from '../i18n/useLang';
import AccessNeeded from './AccessNeeded';
import { workshopApi, workshopPath, type Focus, type Summary } from './api';
import { FIELD, SMALL } from './styles';
import { workshopSnippets, type LessonOutline } from './types';
import { summaryOf } from './eventData';
import { useEventStream } from './useEventStream';
import { useInstructorAccess } from './useInstructorAccess';
import { useLocationHost } from './useLocationHost';
import JoinQr from './JoinQr';

/**
 * Everything of the playground a room must read, scaled together with its code:
 * Tailwind's text sizes are variables, set larger here for the playground only
 * (its status line, banners, variant pills, file tabs, buttons, and text of no set size).
 */
const PROJECTOR_TEXT = {
  fontSize: '1.375rem',
  '--text-xs': '1.125rem',
  '--text-sm': '1.25rem',
  '--text-base': '1.375rem',
  '--text-lg': '1.5rem',
} as CSSProperties;

/**
 * `/w/CODE/present`: for the projector. One snippet's playground in large
 * type (editor and terminal), nothing else of the site. It follows the
 * instructor's focus when that is a snippet, unless a snippet was picked here
 * (or on the board).
 */
export default function PresenterView({
  code,
  catalog,
  lesson,
  snippet,
  pinned,
  children,
}: {
  code: string;
  catalog: LessonOutline[];
  lesson: string | null;
  snippet: string | null;
  pinned: boolean;
  /** The snippet's playground, prepared on the server. */
  children: ReactNode;
}) {
  const router = useRouter();
  const t = useTranslations('workshop');
  const path = useLocalePath();
  const origin = useLocationHost();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [after, setAfter] = useState<string | number | null>(null);
  const access = useInstructorAccess(code, async () => {
    const result = await workshopApi.board(code);
    if (!result.ok) return { ok: false, error: result.error };
    setSummary(result.data.workshop);
    setAfter(result.data.lastEventId ?? null);
    if (!pinned) show(result.data.workshop.focus);
    return { ok: true };
  });

  const open = (target: { lesson: string; snippet: string } | null, pin: boolean) => {
    const query = target ? `?lesson=${encodeURIComponent(target.lesson)}&snippet=${encodeURIComponent(target.snippet)}${pin ? '&pin=1' : ''}` : pin ? '' : '';
    router.replace(path(`/w/${code}/present${query}`));
  };
  /** Follows a focus that names a snippet; a section keeps the snippet on show. */
  function show(focus: Focus | null) {
    if (!focus?.anchor) return;
    const found = catalog.find((l) => l.slug === focus.lesson)?.snippets.some((s) => s.id === focus.anchor);
    if (found && (focus.lesson !== lesson || focus.anchor !== snippet)) open({ lesson: focus.lesson, snippet: focus.anchor }, false);
  }

  const status = useEventStream(
    access.state === 'ok' ? workshopPath(code, '/board/events') : null,
    {
      workshop(data) {
        const next = summaryOf(data);
        if (!next) return;
        setSummary(next);
        if (!pinned) show(next.focus);
      },
    },
    after,
  );

  if (access.state === 'denied') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <AccessNeeded code={code} error={access.error} />
      </div>
    );
  }
  const snippets = workshopSnippets(summary?.items ?? [], catalog).map((s) => ({ value: `${s.lesson}/${s.id}`, label: s.label }));

  return (
    <div data-testid="presenter" className="fixed inset-0 z-50 overflow-auto bg-(--page-bg) text-(--page-fg)">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-(--border) px-6 py-3">
        <div className="flex items-center gap-4">
          {origin && <JoinQr url={`${window.location.protocol}//${origin}${path(`/w/${code}`)}`} size={132} />}
          <p className="text-2xl font-bold">
            {t.rich('presenter.joinAt', { url: `${origin}${path(`/w/${code}`)}`, mono: (chunks) => <span className="font-mono">{chunks}</span> })}
          </p>
        </div>
        <p className="min-w-0 flex-1 truncate text-lg text-(--muted-fg)">
          {summary?.title}
          {status === 'reconnecting' && <span className="ml-3 text-sm text-amber-800 dark:text-amber-300">{t('common.reconnecting')}</span>}
          {status === 'failed' && <span className="ml-3 text-sm text-amber-800 dark:text-amber-300">{t('common.disconnected')}</span>}
        </p>
        <label className="flex items-center gap-2 text-sm">
          <span className="sr-only">{t('presenter.onShow')}</span>
          <select
            value={lesson && snippet ? `${lesson}/${snippet}` : ''}
            onChange={(event) => {
              const [l, s] = event.target.value.split('/');
              if (l && s) open({ lesson: l, snippet: s }, true);
            }}
            className={`${FIELD} w-auto`}
          >
            <option value="">{t('presenter.pick')}</option>
            {snippets.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {pinned ? (
          <button
            type="button"
            className={SMALL}
            onClick={() => {
              const focus = summary?.focus;
              const target = focus?.anchor && catalog.find((l) => l.slug === focus.lesson)?.snippets.some((s) => s.id === focus.anchor);
              open(target ? { lesson: focus!.lesson, snippet: focus!.anchor! } : lesson && snippet ? { lesson, snippet } : null, false);
            }}
          >
            {t('presenter.follow')}
          </button>
        ) : (
          <span className="text-sm text-(--muted-fg)">{t('presenter.following')}</span>
        )}
        <Link href={path(`/w/${code}/instructor`)} className={SMALL}>
          {t('presenter.back')}
        </Link>
      </div>
      <div
        data-testid="presenter-stage"
        style={PROJECTOR_TEXT}
        className="presenter mx-auto max-w-[110rem] px-6 pb-10 [&_.playground-code]:text-[22px]! [&_.playground-code]:[--code-lh:32px]! [&_[data-file-tab]]:text-[1.25rem]! [&_[data-terminal]]:[zoom:1.5]"
      >
        {children ?? (
          <p className="py-20 text-center text-2xl text-(--muted-fg)">
            {access.state === 'checking' ? t('presenter.opening') : t('presenter.empty')}
          </p>
        )}
      </div>
    </div>
  );
}
