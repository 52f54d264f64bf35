'use client';

import Link from '../layout/SiteLink';
import { useTranslations } from 'next-intl';
import { useEffect, type MouseEvent, type ReactNode } from 'react';
import { useLocalePath } from '../i18n/useLang';
import { dismissToast, type Toast } from './session';
import HandIcon from '../icons/HandIcon';
import LineIcon from '../icons/LineIcon';

/**
 * Each kind in a word (shown: `workshop.toast.<kind>`) and an SVG icon (decoration): never an emoji alone,
 * which needs an emoji font and says nothing to a screen reader.
 */
const KIND: Record<Toast['kind'], { icon: ReactNode }> = {
  hint: {
    icon: (
      <LineIcon size={16}>
        <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.6 10.8c.6.5 1 1.2 1 2V16h5.2v-.2c0-.8.4-1.5 1-2A6 6 0 0 0 12 3Z" />
      </LineIcon>
    ),
  },
  broadcast: {
    icon: (
      <LineIcon size={16}>
        <path d="m8 8-4 4 4 4M16 8l4 4-4 4M13.5 5l-3 14" />
      </LineIcon>
    ),
  },
  moved: {
    icon: (
      <LineIcon size={16}>
        <path d="M4 12h15m-5-5 5 5-5 5" />
      </LineIcon>
    ),
  },
  hand: { icon: <HandIcon size={16} /> },
  ended: {
    icon: (
      <LineIcon size={16}>
        <path d="M5 21V4m0 0h11l-2 4 2 4H5" />
      </LineIcon>
    ),
  },
};
/** Hints stay until closed (they matter); the rest fade. */
const FADE_MS = 15_000;

/**
 * A link to this very page changes only the hash: set it the browser's way, so
 * `hashchange` fires and the playground opens the variant it names.
 */
function openHere(event: MouseEvent, toast: Toast, href: string) {
  dismissToast(toast.id);
  const url = new URL(href, window.location.href);
  if (url.pathname !== window.location.pathname || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  window.location.hash = url.hash;
}

function ToastItem({ toast }: { toast: Toast }) {
  const t = useTranslations('workshop.toast');
  // The toast's link is an English path of the site: in the page's language here.
  const href = useLocalePath()(toast.href ?? '');
  useEffect(() => {
    if (toast.kind === 'hint') return;
    const timer = setTimeout(() => dismissToast(toast.id), FADE_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <li
      data-testid={`toast-${toast.kind}`}
      className="flex items-start gap-2 rounded-lg border border-(--border-strong) bg-(--page-bg) px-3 py-1.5 text-sm"
    >
      <span className="mt-0.5 shrink-0 text-(--muted-fg)">{KIND[toast.kind].icon}</span>
      <div className="min-w-0 flex-1">
        <p className="line-clamp-3 whitespace-pre-wrap">
          <strong className="font-semibold">{t(toast.kind)}: </strong>
          {toast.text}
        </p>
        {toast.href && (
          <Link href={href} className="font-semibold text-(--link) underline" onClick={(event) => openHere(event, toast, href)}>
            {toast.linkText ?? t('open')}
          </Link>
        )}
      </div>
      <button
        type="button"
        aria-label={t('dismiss')}
        onClick={() => dismissToast(toast.id)}
        className="-my-1 inline-flex size-8 shrink-0 items-center justify-center rounded text-(--muted-fg) hover:bg-(--surface-strong)"
      >
        ×
      </button>
    </li>
  );
}

/** At most this many at once: the newest (hints stay in the Hints list too). */
const SHOWN = 2;

/**
 * Workshop news (a hint, code from the instructor, a move, the end), inside the
 * workshop bar, under its controls: the bar makes room for them rather than
 * laying them over the page.
 */
export default function WorkshopToasts({ toasts }: { toasts: readonly Toast[] }) {
  return (
    <div role="status" aria-live="polite" className="mx-auto w-full max-w-7xl px-3 empty:hidden sm:px-6 lg:px-8">
      {toasts.length > 0 && (
        <ul className="space-y-1 pb-1.5">
          {toasts.slice(-SHOWN).map((toast) => (
            <ToastItem key={toast.id} toast={toast} />
          ))}
        </ul>
      )}
    </div>
  );
}
