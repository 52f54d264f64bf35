'use client';

import { useEffect, useState, type RefObject } from 'react';

/** How near the viewport a playground starts loading: half a screen or so. */
export const NEAR_MARGIN_PX = 600;

/**
 * Calls `wake` when the element comes within NEAR_MARGIN_PX of the viewport, or is focused
 * or hovered — what starts loading a playground's code. Returns what stops listening.
 */
export function watchNear(element: HTMLElement, wake: () => void): () => void {
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) wake();
  }, { rootMargin: `${NEAR_MARGIN_PX}px 0px` });
  observer.observe(element);
  element.addEventListener('focusin', wake);
  element.addEventListener('pointerenter', wake);
  return () => {
    observer.disconnect();
    element.removeEventListener('focusin', wake);
    element.removeEventListener('pointerenter', wake);
  };
}

/**
 * True once the element comes near the viewport (and from then on), or once it is focused
 * or hovered — what starts loading the editor and the terminal, so a lesson page loads
 * neither until a playground is near.
 */
export function useNearViewport(ref: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    return watchNear(element, () => setNear(true));
  }, [ref, near]);
  return near;
}
