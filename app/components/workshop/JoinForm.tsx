'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { workshopApi, type Learner } from './api';
import { useErrorText } from './errorText';
import { ERROR_TEXT, FIELD, LABEL, PRIMARY } from './styles';

/** Picks a display name and joins; the server's answer (name taken, too long, ended…) shows under the field. */
export default function JoinForm({ code, title, onJoined }: { code: string; title: string; onJoined(learner: Learner): void }) {
  const id = useId();
  const t = useTranslations('workshop.join');
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setError(t('needName'));
      return;
    }
    setBusy(true);
    setError(null);
    const result = await workshopApi.join(code, trimmed);
    setBusy(false);
    if (result.ok) onJoined(result.data.learner);
    else setError(errorText(result.error));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {t('heading', { title })}
      </h2>
      <div className="space-y-1.5">
        <label htmlFor={`${id}-name`} className={LABEL}>
          {t('name')}
        </label>
        <p id={`${id}-help`} className="text-sm text-(--muted-fg)">
          {t('help')}
        </p>
        <input
          id={`${id}-name`}
          name="name"
          value={name}
          maxLength={40}
          autoComplete="nickname"
          aria-invalid={error !== null}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
          onChange={(event) => setName(event.target.value)}
          className={`${FIELD} max-w-sm`}
          autoFocus
        />
        {error && (
          <p id={`${id}-error`} role="alert" data-testid="join-error" className={ERROR_TEXT}>
            {error}
          </p>
        )}
      </div>
      <button type="submit" className={PRIMARY} aria-disabled={busy}>
        {busy ? t('joining') : t('submit')}
      </button>
    </form>
  );
}
