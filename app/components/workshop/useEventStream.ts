'use client';

import { useEffect, useRef, useState } from 'react';
import { ReplayingEventSource, type StreamStatus } from '../net/eventSource';

export type { StreamStatus };

export type StreamHandlers = Record<string, (data: unknown) => void>;

/**
 * A workshop event stream (SSE) through the replaying event source
 * (net/eventSource.ts): what a dropped connection missed is replayed, nothing
 * twice; it reopens for as long as it takes, and stops (`failed`) on an
 * answer that will not change, such as a 404. Handlers may change on every
 * render; `url` null means no stream. `after`: the `lastEventId` of a
 * snapshot loaded just before, so the stream starts there.
 */
export function useEventStream(url: string | null, handlers: StreamHandlers, after: string | number | null = null): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const latest = useRef(handlers);
  latest.current = handlers;
  const types = Object.keys(handlers).sort().join(' ');

  useEffect(() => {
    if (!url) return;
    const source = new ReplayingEventSource({
      url,
      types: types.split(' ').filter(Boolean),
      after,
      withCredentials: true,
      onEvent(type, raw) {
        let data: unknown;
        try {
          data = JSON.parse(raw);
        } catch {
          return;
        }
        latest.current[type]?.(data);
      },
      onStatus: (next) => setStatus(next),
    });
    return () => source.close();
    // `after` counts only for the first open of this url.
  }, [url, types]);

  return status;
}
