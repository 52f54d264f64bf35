'use client';

import NextLink from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

type Props = ComponentProps<typeof NextLink>;

/**
 * The site's link: next/link that prefetches its page when the reader reaches for it
 * (pointer over it, focus, a touch), not as soon as it scrolls into view. A lesson page
 * shows twenty-odd links (the lesson list, steps, header, footer): prefetching each on
 * sight took ~250 ms of a cold load's main thread and server, before the editor took keys
 * (bench/editor-load.mjs), and a room of learners opening one lesson made the server render
 * every other lesson for each of them. Reaching for a link still leaves ~100–300 ms to fetch it.
 */
export default function SiteLink({ href, onPointerEnter, onFocus, onTouchStart, ...props }: Props) {
  const router = useRouter();
  const url = typeof href === 'string' ? href : href.pathname ?? undefined;
  /** The caller's own handler, after the prefetch. */
  const reaching =
    <E,>(handler?: (event: E) => void) =>
    (event: E) => {
      if (url?.startsWith('/') && !url.startsWith('//')) router.prefetch(url);
      handler?.(event);
    };
  return (
    <NextLink
      href={href}
      prefetch={false}
      onPointerEnter={reaching(onPointerEnter)}
      onFocus={reaching(onFocus)}
      onTouchStart={reaching(onTouchStart)}
      {...props}
    />
  );
}
