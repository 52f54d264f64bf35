'use client';

import Link from '../layout/SiteLink';
import { localePath, splitLocalePath } from '../../../content/lang';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useLocalePath } from '../i18n/useLang';
import { workshopApi, type ApiError, type Summary } from './api';
import { broadcastHref } from './broadcasts';
import { useErrorText } from './errorText';
import HintsList from './HintsList';
import { rememberJoined, setFollowing, useFollowing, useJoined } from './joined';
import JoinForm from './JoinForm';
import { useLearnerSession } from './session';
import { CARD } from './styles';
import { placeHref, placeName, type LessonOutline } from './types';

/**
 * `/w/CODE`: the join form, then the learner's workshop home — the
 * workshop's lessons and snippets, where the instructor is, follow mode,
 * code the instructor sent, and hints.
 */
export default function WorkshopHome({ code, catalog }: { code: string; catalog: LessonOutline[] }) {
  const t = useTranslations('workshop');
  const locale = useLocale();
  const path = useLocalePath();
  const errorText = useErrorText();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const joined = useJoined();
  const session = useLearnerSession();
  const following = useFollowing(code);
  const mine = joined?.code === code;

  useEffect(() => {
    // Codes are typed in any case: the address bar shows the canonical one.
    const canonical = localePath(splitLocalePath(window.location.pathname).lang, `/w/${code}`);
    if (window.location.pathname !== canonical) history.replaceState(history.state, '', `${canonical}${window.location.search}`);
    let cancelled = false;
    void (async () => {
      const result = await workshopApi.summary(code);
      if (cancelled) return;
      if (!result.ok) {
        setProblem(result.error);
        return;
      }
      // A browser that forgot the code but kept the cookie joins again with the form: the server answers with the same learner.
      setSummary(result.data);
    })();
    return () => {
      cancelled = true;
    };
  }, [code]);

  if (problem) {
    return (
      <div className={CARD} role="alert">
        <h1 className="text-2xl font-bold">{problem.status === 404 ? t('access.noSuch') : t('home.notOpened')}</h1>
        <p className="mt-2">{errorText(problem)}</p>
        <p className="mt-2 text-sm text-(--muted-fg)">{t('home.checkCode')}</p>
      </div>
    );
  }
  if (!summary) return <p className="text-(--muted-fg)">{t('home.opening', { code })}</p>;

  const me = mine && session?.code === code ? session.me : null;
  const workshop = me?.workshop ?? summary;
  const ended = Boolean(workshop.endedAt);
  const focus = workshop.focus;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold tracking-wide text-red-700 uppercase dark:text-red-400">{t('home.label', { code })}</p>
        <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">{workshop.title}</h1>
        {me && <p className="text-(--muted-fg)">{t.rich('home.joinedAs', { name: me.learner.name, b: (chunks) => <strong className="text-(--page-fg)">{chunks}</strong> })}</p>}
        {workshop.endsAt && !ended && (
          <p className="text-sm text-(--muted-fg)">
            {t.rich('common.ends', {
              when: new Date(workshop.endsAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }),
              time: (chunks) => <time dateTime={workshop.endsAt!}>{chunks}</time>,
            })}
          </p>
        )}
        {ended && (
          <p role="status" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-amber-950 dark:bg-amber-950/50 dark:text-amber-100">
            {t('home.endedNote')}
          </p>
        )}
      </header>

      {!mine && !ended && (
        <div className={CARD}>
          <JoinForm code={code} title={workshop.title} onJoined={(learner) => rememberJoined({ code, name: learner.name })} />
        </div>
      )}
      {mine && !me && <p className="text-(--muted-fg)">{t('home.connecting')}</p>}

      {me && !ended && (
        <section aria-labelledby="follow-title" className={CARD}>
          <h2 id="follow-title" className="text-lg font-semibold">
            {t('home.follow')}
          </h2>
          <label className="mt-2 flex items-center gap-2">
            <input type="checkbox" checked={following} onChange={(event) => setFollowing(code, event.target.checked)} className="size-4" />
            {t('home.followLabel')}
          </label>
          <p className="mt-2 text-sm text-(--muted-fg)" data-testid="instructor-focus">
            {focus ? (
              t.rich('home.instructorAt', {
                place: placeName(catalog, focus.lesson, focus.anchor),
                link: (chunks) => (
                  <Link href={path(placeHref(focus.lesson, focus.anchor))} className="font-semibold text-(--link) underline">
                    {chunks}
                  </Link>
                ),
              })
            ) : (
              t('home.notStarted')
            )}
          </p>
        </section>
      )}

      <section aria-labelledby="items-title" className="space-y-3">
        <h2 id="items-title" className="text-xl font-semibold">
          {t('home.items')}
        </h2>
        <ol className="space-y-2" data-testid="workshop-items">
          {workshop.items.map((item, index) => (
            <li key={`${item.lesson}/${item.snippet ?? ''}`}>
              <Link
                href={path(placeHref(item.lesson, item.snippet))}
                className="flex items-baseline gap-3 rounded-lg border border-(--border) px-4 py-3 hover:bg-(--surface)"
              >
                <span className="text-sm text-(--muted-fg)">{index + 1}.</span>
                <span className="font-medium">{placeName(catalog, item.lesson, item.snippet)}</span>
              </Link>
            </li>
          ))}
        </ol>
      </section>

      {me && me.broadcasts.length > 0 && (
        <section aria-labelledby="sent-title" className="space-y-3">
          <h2 id="sent-title" className="text-xl font-semibold">
            {t('home.sent')}
          </h2>
          <ul className="space-y-2">
            {[...me.broadcasts].reverse().map((b) => (
              <li key={b.id}>
                <Link href={path(broadcastHref(b))} className="font-medium text-(--link) underline">
                  {b.title || placeName(catalog, b.lesson, b.snippet)}
                </Link>{' '}
                <span className="text-sm text-(--muted-fg)">{new Date(b.at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {me && (
        <section aria-labelledby="hints-title" className="space-y-3">
          <h2 id="hints-title" className="text-xl font-semibold">
            {t('home.hints')}
          </h2>
          <HintsList hints={me.hints} />
        </section>
      )}
    </div>
  );
}
