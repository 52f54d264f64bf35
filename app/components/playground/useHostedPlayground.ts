'use client';

import { useEffect, useRef, type RefObject } from 'react';
import { usePlaygroundOptions, type ShownCode } from './options';

/**
 * What a host (an embed) asked of a playground beyond its props: run once
 * when first visible (autorun), and hear about the code on show. A no-op on
 * the site's own pages.
 */
export function useHostedPlayground(block: RefObject<HTMLElement | null>, shown: ShownCode, start: () => void) {
  const { autorun, onShownCode } = usePlaygroundOptions();
  const latestStart = useRef(start);
  latestStart.current = start;

  useEffect(() => {
    const element = block.current;
    if (!autorun || !element) return;
    // Only once visible: an embed far down an article must not run before anyone reads it.
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      latestStart.current();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [autorun, block]);

  const { variant, files, edited } = shown;
  useEffect(() => {
    onShownCode?.({ variant, files, edited });
  }, [onShownCode, variant, files, edited]);
}
