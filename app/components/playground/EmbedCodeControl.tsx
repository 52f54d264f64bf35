'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { estimateEmbedHeight, embedUrl, iframeHtml, resizeScript } from '../../_lib/embed/links';
import { encodeShare, shareHash, ShareError } from '../editor/share';
import { SECONDARY, SMALL } from './buttons';
import { usePlaygroundOptions } from './options';
import type { PlaygroundData } from './types';

/**
 * "Embed": the <iframe> that puts this playground, with this variant (and,
 * when asked, the learner's edits in its hash), into another page — copied
 * at once and shown to copy by hand, with the optional resize script.
 */
export default function EmbedCodeControl({
  data,
  variant,
  files,
  edited,
}: {
  data: PlaygroundData;
  variant: string;
  files: Record<string, string>;
  edited: boolean;
}) {
  const { embed } = usePlaygroundOptions();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [withEdits, setWithEdits] = useState(true);
  const [withScript, setWithScript] = useState(true);
  const [withMessages, setWithMessages] = useState(false);
  const [code, setCode] = useState('');
  const [message, setMessage] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const copyNext = useRef(false);

  const useEdits = edited && withEdits;
  useEffect(() => {
    if (!open) return;
    let current = true;
    async function make() {
      const origin = window.location.origin;
      let hash = '';
      if (useEdits) {
        try {
          hash = shareHash(data.id, variant, await encodeShare(files));
        } catch (error) {
          if (current) setMessage(error instanceof ShareError ? `${error.message} The embed shows the lesson’s code.` : 'This browser cannot pack the code into the link.');
        }
      }
      const first = Object.values(files)[0] ?? '';
      const height = estimateEmbedHeight({ lines: first.split('\n').length, variants: data.variants.length, outputOnly: false });
      const src = embedUrl(origin, data.lesson, data.id, { ...(variant === data.variants[0]?.id ? {} : { variant }), ...(withMessages ? { trace: true } : {}) }, hash);
      const html = iframeHtml({ src, title: `${data.title} — ZeroMQ Playground`, height });
      const text = withScript ? `${html}\n${resizeScript(origin)}` : html;
      if (!current) return;
      setCode(text);
      if (copyNext.current) {
        copyNext.current = false;
        await copy(text);
      }
    }
    void make();
    return () => {
      current = false;
    };
  }, [open, useEdits, withScript, withMessages, files, variant, data]);

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setMessage('Copied. Paste it into your page’s HTML.');
    } catch {
      setMessage('Copying was refused: select the code and copy it.');
      requestAnimationFrame(() => field.current?.select());
    }
  }

  // The scratchpad has no embed; an embed does not offer to embed itself.
  if (embed || !data.lesson) return null;

  return (
    <>
      <button
        ref={button}
        type="button"
        onClick={() => {
          copyNext.current = true;
          setMessage('');
          setOpen(true);
        }}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        title="HTML that puts this playground into another page"
        className={SECONDARY}
      >
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
          <path d="M5.5 4 1.75 8l3.75 4M10.5 4l3.75 4-3.75 4" />
        </svg>
        Embed
      </button>
      {open && (
        <div id={`${id}-panel`} data-embed-panel className="order-last flex basis-full flex-col gap-2 rounded-md border border-(--border-strong) bg-(--surface) px-3 py-2 text-sm">
          <p role="status" className="min-h-5">
            {message}
          </p>
          <label htmlFor={`${id}-code`} className="font-medium">
            Embed code (an iframe{withScript ? ', and a script that sizes it to its content' : ''})
          </label>
          <textarea
            ref={field}
            id={`${id}-code`}
            readOnly
            rows={4}
            value={code}
            data-embed-code
            onFocus={(event) => event.currentTarget.select()}
            className="min-w-0 rounded-md border border-(--border-strong) bg-(--page-bg) px-2 py-1 font-mono text-xs"
          />
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            {edited && (
              <label className="inline-flex items-center gap-2">
                <input type="checkbox" checked={withEdits} onChange={(event) => setWithEdits(event.currentTarget.checked)} />
                With my edits
              </label>
            )}
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" checked={withScript} onChange={(event) => setWithScript(event.currentTarget.checked)} />
              Resize script
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" checked={withMessages} onChange={(event) => setWithMessages(event.currentTarget.checked)} />
              Messages view
            </label>
            <span className="ml-auto flex gap-2">
              <button type="button" className={SMALL} onClick={() => void copy(code)}>
                Copy
              </button>
              <button
                type="button"
                className={SMALL}
                onClick={() => {
                  setOpen(false);
                  button.current?.focus();
                }}
              >
                Close
              </button>
            </span>
          </div>
        </div>
      )}
    </>
  );
}
