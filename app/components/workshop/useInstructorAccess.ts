'use client';

import { useEffect, useState } from 'react';
import { workshopApi, type ApiError } from './api';

export type Access = { state: 'checking' } | { state: 'ok' } | { state: 'denied'; error: ApiError };

/**
 * The instructor link carries its key in the hash (`#key=…`, never sent to
 * the server by the browser, never in logs or Referer), a one-time link from
 * another device's board its token (`#handoff=…`): swap it for the
 * signed instructor cookie, then take it out of the address bar. Without a
 * key, the cookie from an earlier visit is enough; `probe` tells.
 */
export function useInstructorAccess(code: string, probe: () => Promise<{ ok: boolean; error?: ApiError }>): Access {
  const [access, setAccess] = useState<Access>({ state: 'checking' });
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const hash = new URLSearchParams(window.location.hash.slice(1));
      const key = hash.get('key');
      const handoff = hash.get('handoff');
      if (key || handoff) {
        const result = key ? await workshopApi.instructorLogin(code, key) : await workshopApi.handoffLogin(code, handoff!);
        history.replaceState(null, '', window.location.pathname + window.location.search);
        if (cancelled) return;
        if (!result.ok) {
          setAccess({ state: 'denied', error: result.error });
          return;
        }
      }
      const check = await probe();
      if (cancelled) return;
      setAccess(check.ok ? { state: 'ok' } : { state: 'denied', error: check.error ?? { status: 401, code: 'not-instructor', message: '' } });
    })();
    return () => {
      cancelled = true;
    };
    // The probe is the caller's first load: once per code.
  }, [code]);
  return access;
}
