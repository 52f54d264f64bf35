'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { encodeShare, shareHash, ShareError } from '../editor/share';
import { SECONDARY, SMALL } from './buttons';

/** Share for a lesson playground or an embed: a link that opens this block with exactly this code. */
export default function ShareControl({ blockId, variant, files }: { blockId: string; variant: string; files: Record<string, string> }) {
  return (
    <ShareButton
      title="A link that opens this playground with this code"
      opens="this playground with exactly this code"
      stale={[files, variant]}
      makeLink={async () => {
        const payload = await encodeShare(files);
        // The query stays: an embed's options (theme, read-only, …) are part of what is shared.
        return `${window.location.origin}${window.location.pathname}${window.location.search}${shareHash(blockId, variant, payload)}`;
      }}
    />
  );
}

/**
 * Share: a link that holds a playground's code (compressed, in the hash), copied
 * to the clipboard and shown to copy by hand. `stale`: what the link was made
 * from; when any of it changes, the link is dropped.
 */
export function ShareButton({ title, opens, stale, makeLink }: { title: string; opens: string; stale: unknown[]; makeLink: () => Promise<string> }) {
  const id = useId();
  const [link, setLink] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const field = useRef<HTMLInputElement>(null);

  // A link is for the code it was made from: edits make it stale.
  useEffect(() => {
    setLink(null);
    setMessage('');
  }, stale);

  async function share() {
    try {
      const url = await makeLink();
      setLink(url);
      try {
        await navigator.clipboard.writeText(url);
        setMessage(`Link copied. It opens ${opens}.`);
      } catch {
        setMessage(`Copy the link below. It opens ${opens}.`);
      }
      requestAnimationFrame(() => field.current?.select());
    } catch (error) {
      setLink(null);
      setMessage(error instanceof ShareError ? error.message : 'This browser cannot make share links.');
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={() => void share()}
        aria-expanded={link !== null}
        title={title}
        className={SECONDARY}
      >
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false" fill="currentColor">
          <path d="M6.9 9.1a.75.75 0 0 1 0-1.06l3.2-3.2H8.25a.75.75 0 0 1 0-1.5h3.6c.41 0 .75.34.75.75v3.6a.75.75 0 0 1-1.5 0V5.9L7.96 9.1a.75.75 0 0 1-1.06 0ZM3 5.75A1.75 1.75 0 0 1 4.75 4H6a.75.75 0 0 1 0 1.5H4.75a.25.25 0 0 0-.25.25v5.5c0 .14.11.25.25.25h5.5c.14 0 .25-.11.25-.25V10a.75.75 0 0 1 1.5 0v1.25c0 .97-.78 1.75-1.75 1.75h-5.5A1.75 1.75 0 0 1 3 11.25v-5.5Z" />
        </svg>
        Share
      </button>
      {(link !== null || message) && (
        <div className="order-last flex basis-full flex-wrap items-center gap-2 rounded-md border border-(--border-strong) bg-(--surface) px-3 py-2 text-sm">
          <p role="status" id={`${id}-note`} className="basis-full">
            {message}
          </p>
          {link !== null && (
            <>
              <label htmlFor={`${id}-link`} className="sr-only">
                Share link
              </label>
              <input
                ref={field}
                id={`${id}-link`}
                readOnly
                value={link}
                data-share-link
                onFocus={(event) => event.currentTarget.select()}
                className="min-h-9 min-w-0 flex-1 rounded-md border border-(--border-strong) bg-(--page-bg) px-2 font-mono text-xs"
              />
              <button
                type="button"
                className={SMALL}
                onClick={() => {
                  void navigator.clipboard.writeText(link).then(
                    () => setMessage('Link copied.'),
                    () => setMessage('Copying was refused: select the link and copy it.'),
                  );
                }}
              >
                Copy
              </button>
              <button
                type="button"
                className={SMALL}
                onClick={() => {
                  setLink(null);
                  setMessage('');
                }}
              >
                Close
              </button>
            </>
          )}
        </div>
      )}
    </>
  );
}
