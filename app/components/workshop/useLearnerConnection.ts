'use client';

import { localePath, splitLocalePath } from '../../../content/lang';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { workshopApi, workshopPath, type Broadcast, type Focus, type Hint, type Me } from './api';
import { broadcastHref, keepBroadcasts } from './broadcasts';
import { lastMove, readJoined, rememberJoined, rememberMove, type Joined } from './joined';
import { addToast, setSession, updateMe, useLearnerSession } from './session';
import { isObject, summaryOf } from './eventData';
import { stepHref } from './stepHref';
import { useEventStream } from './useEventStream';

const isMe = (value: unknown): value is Me =>
  typeof value === 'object' && value !== null && 'learner' in value && 'workshop' in value;

/** Takes the learner to where the instructor is: another page, or a section of this one. */
function useGoTo() {
  const router = useRouter();
  // Only the latest move counts: an earlier one still looking up its step is dropped.
  const latest = useRef(0);
  return (focus: Pick<Focus, 'lesson' | 'anchor'>) => {
    const move = ++latest.current;
    const path = `/lessons/${encodeURIComponent(focus.lesson)}`;
    const hash = focus.anchor ? `#${focus.anchor}` : '';
    // In the page's language: the lesson's paths are the English ones under /<lang>.
    const here = splitLocalePath(window.location.pathname);
    const onThisPage = focus.anchor ? document.getElementById(focus.anchor) !== null : here.path === path;
    const inLesson = here.path === path || here.path.startsWith(`${path}/`);
    if (!inLesson || !onThisPage) {
      void stepHref(focus.lesson, focus.anchor).then((href) => {
        if (move === latest.current) router.push(localePath(here.lang, href));
      });
      return;
    }
    if (!hash) window.scrollTo({ top: 0 });
    else if (window.location.hash === hash) document.getElementById(focus.anchor!)?.scrollIntoView({ block: 'start' });
    else window.location.hash = hash;
  };
}

/**
 * The learner's connection to the workshop this browser joined: loads who
 * they are, then listens to the learner stream — instructor moves (followed
 * when follow mode is on), broadcasts, hints, a lowered hand, the end — and
 * keeps the shared session (session.ts) up to date.
 */
export function useLearnerConnection(joined: Joined | null, following: boolean) {
  const code = joined?.code ?? null;
  const goTo = useGoTo();
  const t = useTranslations('workshop.toast');
  const pathname = usePathname();
  const follow = useRef({ following, goTo });
  follow.current = { following, goTo };

  useEffect(() => {
    if (!code) {
      setSession(null);
      return;
    }
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    setSession({ code, me: null, status: 'loading', problem: null, toasts: [] });
    const load = async () => {
      const result = await workshopApi.me(code);
      if (cancelled) return;
      if (result.ok) {
        keepBroadcasts(result.data.broadcasts ?? []);
        if (result.data.workshop.focus && lastMove(code) === null) rememberMove(code, result.data.workshop.focus.at);
        setSession((s) => ({ ...s, me: result.data, problem: null }));
        return;
      }
      if (result.error.status === 401 || result.error.status === 404) {
        // The cookie is gone (another browser profile, cleared cookies) or so is the workshop: forget it.
        if (readJoined()?.code === code) rememberJoined(null);
        return;
      }
      setSession((s) => ({ ...s, problem: result.error }));
      timer = setTimeout(() => void load(), 3000);
    };
    void load();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [code]);

  const session = useLearnerSession();
  const ready = code !== null && session?.code === code && session.me !== null;

  const onFocus = (focus: Focus) => {
    if (!code) return;
    updateMe((me) => ({ ...me, workshop: { ...me.workshop, focus } }));
    const seen = lastMove(code);
    if (seen !== null && focus.at <= seen) return;
    rememberMove(code, focus.at);
    if (follow.current.following) follow.current.goTo(focus);
  };

  const status = useEventStream(ready ? workshopPath(code, '/events') : null, {
    hello(data) {
      if (!isMe(data)) return;
      keepBroadcasts(data.broadcasts ?? []);
      setSession((s) => ({ ...s, me: data }));
    },
    focus(data) {
      if (isObject(data) && typeof data.lesson === 'string' && typeof data.at === 'string') {
        onFocus({ lesson: data.lesson, anchor: typeof data.anchor === 'string' ? data.anchor : null, at: data.at });
      }
    },
    broadcast(data) {
      const broadcast = (isObject(data) && isObject(data.broadcast) ? data.broadcast : data) as Broadcast;
      if (!isObject(broadcast) || (typeof broadcast.id !== 'string' && typeof broadcast.id !== 'number')) return;
      const fresh = keepBroadcasts([broadcast]);
      updateMe((me) => (me.broadcasts.some((b) => b.id === broadcast.id) ? me : { ...me, broadcasts: [...me.broadcasts, broadcast] }));
      if (fresh.length > 0) {
        addToast({ kind: 'broadcast', text: broadcast.title ? t('broadcastTitled', { title: broadcast.title }) : t('broadcastUntitled'), href: broadcastHref(broadcast), linkText: t('openIt') });
      }
    },
    hint(data) {
      if (!isObject(data) || typeof data.text !== 'string') return;
      const hint = data as unknown as Hint;
      updateMe((me) => (me.hints.some((h) => h.id === hint.id) ? me : { ...me, hints: [...me.hints, hint] }));
      addToast({ kind: 'hint', text: hint.text });
    },
    hand(data) {
      if (isObject(data) && data.raised === false) {
        updateMe((me) => ({ ...me, hand: null }));
        addToast({ kind: 'hand', text: t('handText') });
      }
    },
    ended(data) {
      const at = isObject(data) && typeof data.at === 'string' ? data.at : new Date().toISOString();
      updateMe((me) => ({ ...me, workshop: { ...me.workshop, endedAt: at } }));
      addToast({ kind: 'ended', text: t('endedText') });
    },
    workshop(data) {
      const summary = summaryOf(data);
      if (!summary) return;
      updateMe((me) => ({ ...me, workshop: summary }));
      if (summary.focus) onFocus(summary.focus);
    },
  }, session?.me?.lastEventId ?? null);

  useEffect(() => {
    if (ready) setSession((s) => (s.status === status ? s : { ...s, status }));
  }, [ready, status]);

  return { ready, pathname, goTo };
}
