'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { RESIZE_MESSAGE, type ResizeMessage } from '../../_lib/embed/links';
import { parseEmbedOptions } from '../../_lib/embed/options';
import { applyTheme } from '../theme/theme';

/**
 * An embed's whole page. Tells the page around it how tall its content is
 * whenever that changes, so the host can size the iframe (the message holds
 * only a height and the host's own id: any origin may hear it).
 */
export default function EmbedFrame({ children }: { children: ReactNode }) {
  const root = useRef<HTMLElement>(null);

  useEffect(() => {
    const element = root.current;
    if (!element || window.parent === window) return;
    const { id } = parseEmbedOptions(new URLSearchParams(window.location.search), window.name);
    let last = -1;
    const post = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      const message: ResizeMessage = { type: RESIZE_MESSAGE, height, ...(id ? { id } : {}) };
      window.parent.postMessage(message, '*');
    };
    const observer = new ResizeObserver(post);
    observer.observe(element);
    post();
    return () => observer.disconnect();
  }, []);

  // theme=auto follows the reader's system setting live, as the site does.
  useEffect(() => {
    if (document.documentElement.dataset.theme !== 'system') return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);

  return (
    <main ref={root} id="embed-root" className="flow-root">
      {children}
    </main>
  );
}
