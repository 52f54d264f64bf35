'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { SMALL } from './styles';

/** A read-only value with a Copy button (links, the instructor key). */
export default function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const id = useId();
  const t = useTranslations('workshop.common');
  const [copied, setCopied] = useState<'' | 'copied' | 'failed'>('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('copied');
    } catch {
      // No clipboard (http on a LAN address, permissions): select it for Ctrl+C.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setCopied('failed');
    }
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 rounded-md border border-(--border-strong) bg-(--surface) px-3 py-2 font-mono text-sm"
        />
        <button type="button" className={SMALL} onClick={() => void copy()} aria-label={t('copyLabel', { label: label.toLowerCase() })}>
          <span aria-live="polite">{copied === 'copied' ? t('copied') : copied === 'failed' ? t('pressCtrlC') : t('copy')}</span>
        </button>
      </div>
    </div>
  );
}
