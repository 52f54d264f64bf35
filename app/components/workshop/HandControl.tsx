'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState, type FormEvent } from 'react';
import { workshopApi } from './api';
import { useErrorText } from './errorText';
import { updateMe } from './session';
import { ERROR_TEXT, FIELD, SMALL } from './styles';
import { useDismiss } from './useDismiss';
import HandIcon from '../icons/HandIcon';

/** Raise hand (with an optional message for the instructor), or lower it again. */
export default function HandControl({ code, raised, disabled }: { code: string; raised: boolean; disabled: boolean }) {
  const id = useId();
  const t = useTranslations('workshop');
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useDismiss(box, open, () => setOpen(false));

  async function send(raise: boolean, text?: string) {
    setBusy(true);
    setError(null);
    const result = await workshopApi.hand(code, raise, text?.trim() || undefined);
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    updateMe((me) => ({ ...me, hand: raise ? { raised: true, message: text?.trim() ?? '' } : null }));
    setOpen(false);
    setMessage('');
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void send(true, message);
  }

  if (raised) {
    return (
      <div className="flex items-center gap-2">
        <span className="inline-flex items-center gap-1.5 text-sm font-semibold" data-testid="hand-state">
          <HandIcon size={16} />
          {t('common.handRaised')}
        </span>
        <button type="button" className={SMALL} disabled={busy} onClick={() => void send(false)}>
          {t('common.lowerHand')}
        </button>
        {error && <p className={ERROR_TEXT}>{error}</p>}
      </div>
    );
  }
  return (
    <div ref={box} className="relative">
      <button type="button" className={SMALL} aria-expanded={open} aria-controls={`${id}-form`} disabled={disabled} onClick={() => setOpen(!open)}>
        <HandIcon size={16} className="inline align-[-3px]" /> {t('hand.raise')}
      </button>
      {open && (
        <form
          id={`${id}-form`}
          onSubmit={onSubmit}
          className="absolute top-full left-0 z-10 mt-2 w-72 max-w-[calc(100vw-2rem)] space-y-2 rounded-lg border border-(--border-strong) bg-(--page-bg) p-3 shadow-lg"
        >
          <label htmlFor={`${id}-message`} className="block text-sm font-semibold">
            {t('hand.need')} <span className="font-normal text-(--muted-fg)">{t('common.optional')}</span>
          </label>
          <textarea
            id={`${id}-message`}
            value={message}
            maxLength={280}
            rows={3}
            onChange={(event) => setMessage(event.target.value)}
            className={FIELD}
            autoFocus
          />
          {error && (
            <p role="alert" className={ERROR_TEXT}>
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" className={SMALL} onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className={SMALL} disabled={busy}>
              {t('hand.raiseMine')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
