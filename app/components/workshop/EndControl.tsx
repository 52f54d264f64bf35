'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { workshopApi } from './api';
import { useErrorText } from './errorText';
import { ERROR_TEXT, SMALL } from './styles';

/** Ends the workshop, after a second click: learners see it ended and keep their code. */
export default function EndControl({ code, ended, onEnded }: { code: string; ended: boolean; onEnded(): void }) {
  const t = useTranslations('workshop');
  const errorText = useErrorText();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (ended) return <p className="text-sm font-semibold" data-testid="board-ended">{t('common.ended')}</p>;
  if (!asking) {
    return (
      <button type="button" className={SMALL} onClick={() => setAsking(true)}>
        {t('end.ask')}
      </button>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t('end.group')}>
      <span className="text-sm">{t('end.confirm')}</span>
      <button
        type="button"
        className={`${SMALL} border-red-700 text-red-800 dark:border-red-400 dark:text-red-300`}
        onClick={async () => {
          const result = await workshopApi.end(code);
          if (result.ok) onEnded();
          else setError(errorText(result.error));
        }}
      >
        {t('end.now')}
      </button>
      <button type="button" className={SMALL} onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
      {error && (
        <p role="alert" className={ERROR_TEXT}>
          {error}
        </p>
      )}
    </div>
  );
}
