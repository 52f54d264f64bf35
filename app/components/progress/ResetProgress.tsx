'use client';

import { useEffect, useRef, useState } from 'react';
import { resetProgress } from './store';
import { useProgress } from './useProgress';

/** "Reset progress", which asks first. */
export default function ResetProgress() {
  const progress = useProgress();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  const empty =
    Object.keys(progress.visited).length === 0 &&
    Object.keys(progress.solved).length === 0 &&
    Object.keys(progress.checklists).length === 0;

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const button =
    'inline-flex min-h-10 items-center rounded-md border px-3 py-1.5 text-sm font-medium transition-colors';

  if (asking) {
    return (
      <div
        role="group"
        aria-labelledby="reset-question"
        className="flex flex-wrap items-center gap-3 rounded-md border border-(--border-strong) bg-(--surface) p-3 text-sm"
        onKeyDown={(event) => {
          if (event.key === 'Escape') setAsking(false);
        }}
      >
        <p id="reset-question" className="font-medium">
          Forget which lessons you visited, the exercises you solved and your checklist ticks?
        </p>
        <div className="flex gap-2">
          <button
            ref={confirmRef}
            type="button"
            onClick={() => {
              resetProgress();
              setAsking(false);
              setDone(true);
            }}
            className={`${button} border-red-700 bg-red-700 text-white hover:bg-red-800 dark:border-red-400 dark:bg-red-400 dark:text-zinc-950 dark:hover:bg-red-300`}
          >
            Yes, reset
          </button>
          <button
            type="button"
            onClick={() => setAsking(false)}
            className={`${button} border-(--border-strong) hover:bg-(--surface-strong)`}
          >
            Cancel
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        ref={openRef}
        type="button"
        onClick={() => {
          setDone(false);
          setAsking(true);
        }}
        className={`${button} border-(--border-strong) hover:bg-(--surface-strong)`}
      >
        Reset progress
      </button>
      <p role="status" className="text-sm text-(--muted-fg)">
        {done ? 'Progress reset.' : empty ? 'Your progress is saved in this browser only.' : 'Saved in this browser only.'}
      </p>
    </div>
  );
}
