'use client';

import { splitLocalePath } from '../../../content/lang';
import Link from '../layout/SiteLink';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useLocalePath } from '../i18n/useLang';
import HandControl from './HandControl';
import HintsList from './HintsList';
import { rememberJoined, setFollowing, useFollowing, useJoined } from './joined';
import { useLearnerSession } from './session';
import { SMALL } from './styles';
import { useActivityReports } from './useActivityReports';
import { useDismiss } from './useDismiss';
import { useLearnerConnection } from './useLearnerConnection';
import WorkshopToasts from './WorkshopToasts';
import HandIcon from '../icons/HandIcon';

/** Keeps `--workshop-bar-h` on the root at the bar's bottom (header included) while it shows, so what the page scrolls to lands below it. */
function useBarHeight(strip: RefObject<HTMLElement | null>, shown: boolean) {
  useEffect(() => {
    const element = strip.current;
    const root = document.documentElement;
    if (!shown || !element) return;
    // The page's target (a move of the room, a link to a snippet) half under the bar, as when the bar
    // appeared or grew after the browser scrolled to it: scroll it clear again.
    const clear = () => {
      const id = decodeURIComponent(window.location.hash.slice(1).split('?')[0] ?? '');
      const target = id ? document.getElementById(id) : null;
      if (!target) return;
      const top = target.getBoundingClientRect().top;
      const below = element.getBoundingClientRect().bottom;
      if (top < below && top > below - element.offsetHeight - 80) target.scrollIntoView({ block: 'start' });
    };
    const observer = new ResizeObserver(() => {
      // Where the bar ends (under the sticky header): what the browser scrolls to lands below it.
      const top = parseFloat(getComputedStyle(element).top) || 0;
      root.style.setProperty('--workshop-bar-h', `${Math.ceil(top + element.getBoundingClientRect().height)}px`);
      clear();
    });
    observer.observe(element);
    const onHash = () => requestAnimationFrame(clear);
    window.addEventListener('hashchange', onHash);
    return () => {
      observer.disconnect();
      window.removeEventListener('hashchange', onHash);
      root.style.removeProperty('--workshop-bar-h');
    };
  }, [strip, shown]);
}

/** Pages where the bar stays away: the instructor's own. */
const INSTRUCTOR_PAGE = /^\/w\/(new|[^/]+\/(instructor|present))\/?$/;

/**
 * The learner's workshop bar, on every page once this browser joined a
 * workshop (nothing otherwise): follow mode, raise hand, hints, the
 * connection state, and the reports that feed the instructor's board.
 * A strip under the site's header (its news inside it), so it never lies over
 * the learner's code or output: the page's anchors land below it
 * (`--workshop-bar-h`, the root's scroll padding in globals.css). On phones,
 * one line until opened.
 */
export default function WorkshopBar() {
  const pathname = usePathname() ?? '';
  const t = useTranslations('workshop');
  const path = useLocalePath();
  const joined = useJoined();
  const away = INSTRUCTOR_PAGE.test(splitLocalePath(pathname).path);
  const active = away ? null : joined;
  const following = useFollowing(active?.code ?? null);
  const { ready, goTo } = useLearnerConnection(active, following);
  const session = useLearnerSession();
  const ended = Boolean(session?.me?.workshop.endedAt);
  useActivityReports(active?.code ?? null, ready && !ended);
  const [open, setOpen] = useState(false);
  const [hintsOpen, setHintsOpen] = useState(false);
  const id = useId();
  const hintsBox = useRef<HTMLDivElement>(null);
  useDismiss(hintsBox, hintsOpen, () => setHintsOpen(false));
  const strip = useRef<HTMLElement>(null);
  const shown = Boolean(active && session && session.code === active.code);
  useBarHeight(strip, shown);

  if (!active || !session || session.code !== active.code) return null;
  const me = session.me;
  const focus = me?.workshop.focus ?? null;
  const hints = me?.hints ?? [];
  const raised = Boolean(me?.hand?.raised);
  const offline = session.status === 'reconnecting' || session.status === 'failed' || session.problem !== null;

  return (
    <section
      ref={strip}
      aria-label={t('bar.label')}
      data-testid="workshop-bar"
      className="sticky top-14 z-30 border-b border-(--border) bg-(--page-bg)/95 backdrop-blur supports-[backdrop-filter]:bg-(--page-bg)/85"
    >
      <div className="mx-auto flex w-full max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-1.5 sm:px-6 lg:px-8">
        <Link href={path(`/w/${active.code}`)} className="min-w-0 max-w-[50%] truncate text-sm font-semibold hover:underline sm:max-w-56">
          {me?.workshop.title ?? t('bar.label')} <span className="font-mono font-normal text-(--muted-fg)">{active.code}</span>
        </Link>
        {offline && (
          <span data-testid="workshop-reconnecting" className="text-xs font-medium text-amber-800 dark:text-amber-300">
            {session.status === 'failed' ? t('common.disconnected') : t('common.reconnecting')}
          </span>
        )}
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => setOpen(!open)}
          className="ml-auto inline-flex min-h-9 items-center gap-2 rounded-full border border-(--border-strong) px-3 text-sm font-semibold sm:hidden"
        >
          <span aria-hidden="true" className={`size-2 rounded-full ${offline ? 'bg-amber-500' : 'bg-emerald-500'}`} />
          {t('bar.label')}
          {raised && (
            <>
              <HandIcon size={16} />
              <span className="sr-only">{t('bar.handRaisedSr')}</span>
            </>
          )}
          {hints.length > 0 && <span className="text-(--muted-fg)">{t('bar.hintCount', { count: hints.length })}</span>}
        </button>
        <div id={`${id}-panel`} className={`${open ? 'flex' : 'hidden'} w-full flex-wrap items-center gap-x-4 gap-y-2 sm:flex sm:w-auto sm:flex-1`}>
          {ended ? (
            <>
              <span className="text-sm" data-testid="workshop-ended">
                {t('bar.ended')}
              </span>
              <button type="button" className={SMALL} onClick={() => rememberJoined(null)}>
                {t('bar.leave')}
              </button>
            </>
          ) : (
            <>
              <div className="flex items-center gap-2" data-testid="follow-state" data-following={following}>
                <span className="text-sm">{following ? t('bar.following') : t('bar.notFollowing')}</span>
                {following ? (
                  <button type="button" className={SMALL} onClick={() => setFollowing(active.code, false)}>
                    {t('bar.stop')}
                  </button>
                ) : (
                  <button
                    type="button"
                    className={SMALL}
                    onClick={() => {
                      setFollowing(active.code, true);
                      if (focus) goTo(focus);
                    }}
                  >
                    {t('bar.follow')}
                  </button>
                )}
              </div>
              <HandControl code={active.code} raised={raised} disabled={!me} />
            </>
          )}
          <div ref={hintsBox} className="relative sm:ml-auto">
            <button type="button" className={SMALL} aria-expanded={hintsOpen} onClick={() => setHintsOpen(!hintsOpen)}>
              {t('hints.button')}
              {hints.length > 0 ? ` (${hints.length})` : ''}
            </button>
            {hintsOpen && (
              <div className="absolute top-full left-0 z-10 mt-2 max-h-[60vh] w-80 max-w-[calc(100vw-2rem)] overflow-auto rounded-lg border border-(--border-strong) bg-(--page-bg) p-3 shadow-lg sm:right-0 sm:left-auto">
                <h2 className="mb-2 text-sm font-semibold">{t('hints.title')}</h2>
                <HintsList hints={hints} />
              </div>
            )}
          </div>
        </div>
      </div>
      <WorkshopToasts toasts={session.toasts} />
    </section>
  );
}
