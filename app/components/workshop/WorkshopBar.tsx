'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useId, useRef, useState } from 'react';
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

/** Pages where the bar stays away: the instructor's own. */
const INSTRUCTOR_PAGE = /^\/w\/(new|[^/]+\/(instructor|present))\/?$/;

/**
 * The learner's workshop bar, on every page once this browser joined a
 * workshop (nothing otherwise): follow mode, raise hand, hints, the
 * connection state, and the reports that feed the instructor's board.
 * At the bottom of the window; a small pill on phones until opened.
 */
export default function WorkshopBar() {
  const pathname = usePathname() ?? '';
  const joined = useJoined();
  const away = INSTRUCTOR_PAGE.test(pathname);
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

  if (!active || !session || session.code !== active.code) return null;
  const me = session.me;
  const focus = me?.workshop.focus ?? null;
  const hints = me?.hints ?? [];
  const raised = Boolean(me?.hand?.raised);
  const offline = session.status === 'reconnecting' || session.status === 'failed' || session.problem !== null;

  return (
    <>
      {/* Keeps the end of the page clear of the bar. */}
      <div aria-hidden="true" className="h-20" />
      <WorkshopToasts toasts={session.toasts} />
      <section
        aria-label="Workshop"
        data-testid="workshop-bar"
        className="pointer-events-none fixed right-3 bottom-3 z-40 flex flex-col items-end gap-2 sm:left-3 sm:items-center"
      >
        <div
          id={`${id}-panel`}
          className={`${open ? 'flex' : 'hidden'} pointer-events-auto w-[min(22rem,calc(100vw-1.5rem))] flex-col gap-3 rounded-xl border border-(--border-strong) bg-(--page-bg)/95 p-3 shadow-lg backdrop-blur sm:flex sm:w-fit sm:max-w-full sm:flex-row sm:flex-wrap sm:items-center sm:justify-center sm:gap-x-4 sm:rounded-2xl sm:px-4 sm:py-2`}
        >
          <Link href={`/w/${active.code}`} className="min-w-0 truncate text-sm font-semibold hover:underline sm:max-w-56">
            {me?.workshop.title ?? 'Workshop'} <span className="font-mono font-normal text-(--muted-fg)">{active.code}</span>
          </Link>
          {offline && (
            <span data-testid="workshop-reconnecting" className="text-xs font-medium text-amber-800 dark:text-amber-300">
              {session.status === 'failed' ? 'Disconnected: reload the page' : 'Reconnecting…'}
            </span>
          )}
          {ended ? (
            <>
              <span className="text-sm" data-testid="workshop-ended">
                This workshop has ended. Your code stays in this browser.
              </span>
              <button type="button" className={SMALL} onClick={() => rememberJoined(null)}>
                Leave the workshop
              </button>
            </>
          ) : (
            <>
              <div className="flex items-center gap-2" data-testid="follow-state" data-following={following}>
                <span className="text-sm">{following ? 'Following the instructor' : 'Not following'}</span>
                {following ? (
                  <button type="button" className={SMALL} onClick={() => setFollowing(active.code, false)}>
                    Stop following
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
                    Follow the instructor
                  </button>
                )}
              </div>
              <HandControl code={active.code} raised={raised} disabled={!me} />
            </>
          )}
          <div ref={hintsBox} className="relative">
            <button type="button" className={SMALL} aria-expanded={hintsOpen} onClick={() => setHintsOpen(!hintsOpen)}>
              Hints{hints.length > 0 ? ` (${hints.length})` : ''}
            </button>
            {hintsOpen && (
              <div className="absolute right-0 bottom-full z-10 mb-2 max-h-[60vh] w-80 max-w-[calc(100vw-2rem)] overflow-auto rounded-lg border border-(--border-strong) bg-(--page-bg) p-3 shadow-lg sm:right-auto sm:left-0">
                <h2 className="mb-2 text-sm font-semibold">Hints from the instructor</h2>
                <HintsList hints={hints} />
              </div>
            )}
          </div>
        </div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => setOpen(!open)}
          className="pointer-events-auto inline-flex min-h-11 items-center gap-2 rounded-full border border-(--border-strong) bg-(--page-bg) px-4 text-sm font-semibold shadow-lg sm:hidden"
        >
          <span aria-hidden="true" className={`size-2 rounded-full ${offline ? 'bg-amber-500' : 'bg-emerald-500'}`} />
          Workshop
          {raised && (
            <>
              <HandIcon size={16} />
              <span className="sr-only">, hand raised</span>
            </>
          )}
          {hints.length > 0 && <span className="text-(--muted-fg)">· {hints.length} hints</span>}
        </button>
      </section>
    </>
  );
}
