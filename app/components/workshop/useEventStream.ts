'use client';

import { useEffect, useRef, useState } from 'react';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting';

export type StreamHandlers = Record<string, (data: unknown) => void>;

/** Reopening a stream the browser gave up on (a 502 from a proxy, a server that restarted): waits between tries, in ms. */
const REOPEN_DELAYS = [1000, 2000, 3000, 5000];

/**
 * A workshop event stream (SSE). The browser reconnects by itself and sends
 * Last-Event-ID, so the server replays what was missed; when it gives up
 * (the stream answered something else than 200) we reopen it ourselves with
 * `?lastEventId=`, forever, slower and slower. Events at or below the last id
 * seen are dropped, so a replay never applies anything twice. Handlers may
 * change on every render; `url` null means no stream. `after`: the
 * `lastEventId` of a snapshot loaded just before, so the stream starts there.
 */
export function useEventStream(url: string | null, handlers: StreamHandlers, after: string | number | null = null): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const latest = useRef(handlers);
  latest.current = handlers;
  const types = Object.keys(handlers).sort().join(' ');

  useEffect(() => {
    if (!url) return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastId: bigint | null = after !== null && /^\d+$/.test(String(after)) ? BigInt(after) : null;
    let failures = 0;
    let closed = false;

    const open = () => {
      let target = url;
      if (lastId !== null) target += `${url.includes('?') ? '&' : '?'}lastEventId=${lastId.toString()}`;
      const es = new EventSource(target, { withCredentials: true });
      source = es;
      es.onopen = () => {
        failures = 0;
        setStatus('open');
      };
      es.onerror = () => {
        if (closed || source !== es) return;
        setStatus('reconnecting');
        if (es.readyState !== EventSource.CLOSED) return;
        es.close();
        const delay = REOPEN_DELAYS[Math.min(failures, REOPEN_DELAYS.length - 1)]!;
        failures += 1;
        timer = setTimeout(open, delay);
      };
      for (const type of types.split(' ').filter(Boolean)) {
        es.addEventListener(type, (event) => {
          const message = event as MessageEvent<string>;
          if (/^\d+$/.test(message.lastEventId)) {
            const id = BigInt(message.lastEventId);
            if (lastId !== null && id <= lastId) return;
            lastId = id;
          }
          let data: unknown;
          try {
            data = JSON.parse(message.data);
          } catch {
            return;
          }
          latest.current[type]?.(data);
        });
      }
    };

    setStatus('connecting');
    open();
    return () => {
      closed = true;
      source?.close();
      if (timer) clearTimeout(timer);
    };
    // `after` counts only for the first open of this url.
  }, [url, types]);

  return status;
}
