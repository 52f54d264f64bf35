'use client';

import { useEffect, useState } from 'react';

/** `Date.now()`, refreshed every `everyMs` (relative times on the board; 0 until mounted, so the server render agrees). */
export function useClock(everyMs = 30_000): number {
  const [now, setNow] = useState(0);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
