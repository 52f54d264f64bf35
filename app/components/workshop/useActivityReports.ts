'use client';

import { splitLocalePath } from '../../../content/lang';
import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { CODE_EVENT } from '../playground/usePlaygroundCode';
import { RUN_END_EVENT, RUN_START_EVENT } from '../run/useRun';
import { workshopApi, type WorkshopFile } from './api';

/** How long the page must stay still (scrolling, typing) before it reports. */
const LOCATION_SETTLE_MS = 800;
const CODE_SETTLE_MS = 3000;

/** The section or snippet in view: the last one whose top is above 40 % of the window. */
function anchorInView(): string | null {
  const marks = document.querySelectorAll<HTMLElement>('#lesson h2[id], [data-playground][id]');
  const line = window.innerHeight * 0.4;
  let found: string | null = null;
  for (const mark of marks) {
    if (mark.getBoundingClientRect().top > line) break;
    found = mark.dataset.playground ?? mark.id;
  }
  return found;
}

/**
 * What the instructor's board learns from a learner's page: where they are
 * (lesson + section or snippet, once scrolling settles), each run as it starts
 * and once it ended (the server reads the run itself), and their code a few seconds after
 * they stop typing. Nothing is sent while `active` is false.
 */
export function useActivityReports(code: string | null, active: boolean) {
  const pathname = usePathname();

  useEffect(() => {
    if (!code || !active) return;
    // A lesson's URL, or one of its steps (/lessons/<slug>/<step>).
    const lesson = /^\/lessons\/([^/]+)(?:\/[^/]+)?$/.exec(splitLocalePath(pathname ?? '').path)?.[1];
    if (!lesson) return;
    let sent = '';
    let timer: ReturnType<typeof setTimeout> | null = null;
    const report = () => {
      timer = null;
      const anchor = anchorInView();
      const key = `${lesson}#${anchor ?? ''}`;
      if (key === sent) return;
      sent = key;
      void workshopApi.activity(code, { type: 'location', lesson: decodeURIComponent(lesson), ...(anchor ? { anchor } : {}) });
    };
    const settle = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(report, LOCATION_SETTLE_MS);
    };
    settle();
    window.addEventListener('scroll', settle, { passive: true });
    window.addEventListener('hashchange', settle);
    return () => {
      if (timer) clearTimeout(timer);
      window.removeEventListener('scroll', settle);
      window.removeEventListener('hashchange', settle);
    };
  }, [code, active, pathname]);

  useEffect(() => {
    if (!code || !active) return;
    const onRunEnd = (event: Event) => {
      const runId = (event as CustomEvent<{ runId?: unknown }>).detail?.runId;
      if (typeof runId === 'string') void workshopApi.activity(code, { type: 'run', runId });
    };
    // So the board can watch the run while it runs.
    const onRunStart = (event: Event) => {
      const runId = (event as CustomEvent<{ runId?: unknown }>).detail?.runId;
      if (typeof runId === 'string') void workshopApi.activity(code, { type: 'run-start', runId });
    };
    const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; send: (leaving?: boolean) => void }>();
    const onCode = (event: Event) => {
      const detail = (event as CustomEvent<{ lesson: string; snippet: string; variant: string; files: Record<string, string> }>).detail;
      if (!detail?.lesson) return;
      const key = `${detail.lesson}/${detail.snippet}/${detail.variant}`;
      const files: WorkshopFile[] = Object.entries(detail.files).map(([name, content]) => ({ name, content }));
      // keepalive (for a page being left) allows small bodies only.
      const send = (leaving = false) => {
        pending.delete(key);
        void workshopApi.activity(code, { type: 'code', lesson: detail.lesson, snippet: detail.snippet, variant: detail.variant, files }, leaving);
      };
      const before = pending.get(key);
      if (before) clearTimeout(before.timer);
      pending.set(key, { timer: setTimeout(() => send(), CODE_SETTLE_MS), send });
    };
    // Leaving the page sends what is still waiting.
    const flush = () => {
      for (const { timer, send } of [...pending.values()]) {
        clearTimeout(timer);
        send(true);
      }
    };
    window.addEventListener(RUN_START_EVENT, onRunStart);
    window.addEventListener(RUN_END_EVENT, onRunEnd);
    window.addEventListener(CODE_EVENT, onCode);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener(RUN_START_EVENT, onRunStart);
      window.removeEventListener(RUN_END_EVENT, onRunEnd);
      window.removeEventListener(CODE_EVENT, onCode);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [code, active]);
}
