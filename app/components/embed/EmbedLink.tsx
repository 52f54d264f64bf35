'use client';

import { useEffect, useState } from 'react';
import { lessonUrl } from '../../_lib/embed/links';
import { encodeShare, shareHash } from '../editor/share';
import type { ShownCode } from '../playground/options';

/**
 * "Open in ZeroMQ Playground": the lesson section this snippet belongs to,
 * in a new tab, with the variant on show — and the reader's edits, in the
 * share hash, once there are any.
 */
export default function EmbedLink({ lesson, snippet, lessonTitle, shown }: { lesson: string; snippet: string; lessonTitle: string; shown: ShownCode | null }) {
  const plain = lessonUrl('', lesson, shown ? shareHash(snippet, shown.variant) : `#${snippet}`);
  const [href, setHref] = useState(plain);

  useEffect(() => {
    let current = true;
    setHref(plain);
    if (shown?.edited) {
      encodeShare(shown.files).then(
        (payload) => current && setHref(lessonUrl('', lesson, shareHash(snippet, shown.variant, payload))),
        () => undefined, // too large for a link: the lesson's code then
      );
    }
    return () => {
      current = false;
    };
  }, [plain, shown, lesson, snippet]);

  return (
    <p className="flex flex-wrap items-center justify-between gap-x-3 px-1 pt-1.5 text-xs text-(--muted-fg)">
      <span className="truncate">From “{lessonTitle}”</span>
      <a href={href} target="_blank" rel="noopener" data-testid="embed-open" className="font-medium text-(--link) underline underline-offset-2 hover:text-(--link-hover)">
        Open in ZeroMQ Playground
        <span className="sr-only"> (opens in a new tab)</span> ↗
      </a>
    </p>
  );
}
