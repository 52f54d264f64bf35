'use client';

import { useState } from 'react';
import { workshopApi } from './api';
import { ERROR_TEXT, SMALL } from './styles';

/** Ends the workshop, after a second click: learners see it ended and keep their code. */
export default function EndControl({ code, ended, onEnded }: { code: string; ended: boolean; onEnded(): void }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (ended) return <p className="text-sm font-semibold" data-testid="board-ended">This workshop has ended.</p>;
  if (!asking) {
    return (
      <button type="button" className={SMALL} onClick={() => setAsking(true)}>
        End the workshop…
      </button>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="End the workshop">
      <span className="text-sm">Learners can no longer join or report. End it now?</span>
      <button
        type="button"
        className={`${SMALL} border-red-700 text-red-800 dark:border-red-400 dark:text-red-300`}
        onClick={async () => {
          const result = await workshopApi.end(code);
          if (result.ok) onEnded();
          else setError(result.error.message);
        }}
      >
        End now
      </button>
      <button type="button" className={SMALL} onClick={() => setAsking(false)}>
        Cancel
      </button>
      {error && (
        <p role="alert" className={ERROR_TEXT}>
          {error}
        </p>
      )}
    </div>
  );
}
