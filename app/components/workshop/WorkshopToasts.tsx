'use client';

import Link from 'next/link';
import { useEffect, type MouseEvent } from 'react';
import { dismissToast, type Toast } from './session';

const ICON: Record<Toast['kind'], string> = { hint: '💡', broadcast: '📣', moved: '➡️', hand: '✋', ended: '🏁' };
/** Hints stay until closed (they matter); the rest fade. */
const FADE_MS = 15_000;

/**
 * A link to this very page changes only the hash: set it the browser's way, so
 * `hashchange` fires and the playground opens the variant it names.
 */
function openHere(event: MouseEvent, toast: Toast) {
  dismissToast(toast.id);
  const url = new URL(toast.href!, window.location.href);
  if (url.pathname !== window.location.pathname || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  window.location.hash = url.hash;
}

function ToastItem({ toast }: { toast: Toast }) {
  useEffect(() => {
    if (toast.kind === 'hint') return;
    const timer = setTimeout(() => dismissToast(toast.id), FADE_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <li
      data-testid={`toast-${toast.kind}`}
      className="pointer-events-auto flex items-start gap-2 rounded-lg border border-(--border-strong) bg-(--page-bg) px-3 py-2 text-sm shadow-lg"
    >
      <span aria-hidden="true">{ICON[toast.kind]}</span>
      <div className="min-w-0 flex-1">
        <p className="whitespace-pre-wrap">
          {toast.kind === 'hint' && <strong className="font-semibold">Hint from the instructor: </strong>}
          {toast.text}
        </p>
        {toast.href && (
          <Link href={toast.href} className="font-semibold text-(--link) underline" onClick={(event) => openHere(event, toast)}>
            {toast.linkText ?? 'Open'}
          </Link>
        )}
      </div>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => dismissToast(toast.id)}
        className="-my-1 inline-flex size-8 shrink-0 items-center justify-center rounded text-(--muted-fg) hover:bg-(--surface-strong)"
      >
        ×
      </button>
    </li>
  );
}

/** Workshop news (a hint, code from the instructor, a move, the end), in the top corner. */
export default function WorkshopToasts({ toasts }: { toasts: readonly Toast[] }) {
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed top-16 right-3 z-50 w-[min(24rem,calc(100vw-1.5rem))]">
      <ul className="space-y-2">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} />
        ))}
      </ul>
    </div>
  );
}
