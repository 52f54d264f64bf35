'use client';

import { useEffect, useRef, useState } from 'react';
import { SECONDARY, SMALL } from './buttons';

/**
 * Reset, which asks first: the file on show, or every file, back to the
 * lesson's code. The reset is one edit in the editor, so Ctrl+Z undoes it.
 */
export default function ResetControl({
  active,
  edited,
  fileCount,
  onResetFile,
  onResetAll,
  onDone,
}: {
  active: string;
  edited: readonly string[];
  fileCount: number;
  onResetFile(name: string): void;
  onResetAll(): void;
  onDone(message: string): void;
}) {
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  const nothing = edited.length === 0;

  useEffect(() => {
    if (asking) first.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const offerFile = edited.includes(active) && fileCount > 1;
  const offerAll = edited.length > 1 || (edited.length === 1 && (!offerFile || fileCount === 1));

  function finish(message: string) {
    setAsking(false);
    onDone(`${message} Ctrl+Z in the editor undoes it.`);
  }

  return (
    <>
      <button
        ref={opener}
        type="button"
        aria-disabled={nothing}
        aria-expanded={asking}
        title={nothing ? 'Nothing to reset: the code is the lesson’s' : 'Back to the lesson’s code'}
        onClick={() => {
          if (!nothing) setAsking((open) => !open);
        }}
        className={SECONDARY}
      >
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false" fill="currentColor">
          <path d="M8 3a5 5 0 1 1-4.9 6h1.55A3.5 3.5 0 1 0 8 4.5V7L4.5 3.75 8 .5V3Z" />
        </svg>
        Reset
      </button>
      {asking && (
        <div
          role="group"
          aria-label="Reset to the lesson’s code"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setAsking(false);
            }
          }}
          className="order-last flex basis-full flex-wrap items-center gap-2 rounded-md border border-(--border-strong) bg-(--surface) px-3 py-2 text-sm"
        >
          <p className="mr-1 font-medium">
            {fileCount > 1 ? 'Reset to the lesson’s code?' : `Reset ${active} to the lesson’s code?`}
          </p>
          {offerFile && (
            <button
              ref={first}
              type="button"
              className={SMALL}
              onClick={() => {
                onResetFile(active);
                finish(`${active} is back to the lesson’s code.`);
              }}
            >
              Reset {active}
            </button>
          )}
          {offerAll && (
            <button
              ref={offerFile ? undefined : first}
              type="button"
              className={SMALL}
              onClick={() => {
                onResetAll();
                finish(fileCount > 1 ? 'Every file is back to the lesson’s code.' : `${active} is back to the lesson’s code.`);
              }}
            >
              {fileCount > 1 ? 'Reset all files' : 'Reset'}
            </button>
          )}
          <button type="button" className={SMALL} onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      )}
    </>
  );
}
