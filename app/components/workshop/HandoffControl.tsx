'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useLocalePath } from '../i18n/useLang';
import { workshopApi } from './api';
import CopyField from './CopyField';
import { useErrorText } from './errorText';
import JoinQr from './JoinQr';
import { ERROR_TEXT, SMALL } from './styles';

/**
 * "Open the board on another device": a one-time link (a QR code for a phone)
 * that signs that device in as the instructor, once, within ten minutes.
 */
export default function HandoffControl({ code }: { code: string }) {
  const t = useTranslations('workshop.handoff');
  const locale = useLocale();
  const errorText = useErrorText();
  const path = useLocalePath();
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function make() {
    setBusy(true);
    const result = await workshopApi.handoff(code);
    setBusy(false);
    if (result.ok) {
      setLink({ url: `${window.location.origin}${path(result.data.path)}`, expiresAt: result.data.expiresAt });
      setError(null);
    } else setError(errorText(result.error));
  }

  return (
    <div className="space-y-2" data-testid="handoff">
      <button type="button" className={SMALL} onClick={() => void make()} disabled={busy}>
        {link ? t('another') : t('make')}
      </button>
      {link && (
        <div className="flex flex-wrap items-start gap-3">
          <JoinQr url={link.url} size={120} />
          <div className="min-w-0 flex-1 space-y-1">
            <CopyField label={t('link')} value={link.url} testId="handoff-link" />
            <p className="text-sm text-(--muted-fg)">
              {t.rich('help', {
                when: new Date(link.expiresAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }),
                time: (chunks) => <time dateTime={link.expiresAt}>{chunks}</time>,
              })}
            </p>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className={ERROR_TEXT}>
          {error}
        </p>
      )}
    </div>
  );
}
