'use client';

import { useEffect, useState, type RefObject } from 'react';

/**
 * True once the element comes within `margin` of the viewport (and from then
 * on), or once it is focused or hovered — what starts loading the editor and
 * the terminal, so a lesson page loads neither until a playground is near.
 */
export function useNearViewport(ref: RefObject<HTMLElement | null>, margin = '600px 0px'): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const wake = () => setNear(true);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) wake();
    }, { rootMargin: margin });
    observer.observe(element);
    element.addEventListener('focusin', wake);
    element.addEventListener('pointerenter', wake);
    return () => {
      observer.disconnect();
      element.removeEventListener('focusin', wake);
      element.removeEventListener('pointerenter', wake);
    };
  }, [ref, margin, near]);
  return near;
}
