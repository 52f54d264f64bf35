'use client';

import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

/**
 * The run's output maximised: a modal <dialog> over the whole window (the
 * page behind is inert; Escape or Close closes it), the terminals sharing
 * its height. Focus goes back to `opener` when it closes.
 */
export default function OutputDialog({
  title,
  status,
  onClose,
  opener,
  children,
}: {
  title: string;
  /** The run's status line, kept in sight. */
  status: ReactNode;
  onClose(): void;
  opener: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const latest = useRef({ onClose, opener });
  latest.current = { onClose, opener };

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    close.current?.focus();
    return () => {
      if (element.open) element.close();
      latest.current.opener.current?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      data-testid="output-dialog"
      onClose={() => latest.current.onClose()}
      className="m-0 h-dvh max-h-none w-dvw max-w-none overflow-hidden bg-(--page-bg) p-0 text-(--page-fg) backdrop:bg-black/60"
    >
      <div className="flex h-full flex-col gap-3 p-3 sm:p-4">
        <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
          <h2 id={titleId} className="font-semibold">
            {title}
          </h2>
          <div className="min-w-0 flex-1 basis-56">{status}</div>
          <button
            ref={close}
            type="button"
            onClick={() => dialog.current?.close()}
            className="inline-flex min-h-9 items-center gap-1.5 rounded-md border border-(--border-strong) px-3 text-sm font-medium hover:bg-(--surface-strong)"
          >
            Close<span className="sr-only"> the maximised output</span>
            <kbd aria-hidden="true" className="hidden font-sans text-xs text-(--muted-fg) sm:inline">Esc</kbd>
          </button>
        </div>
        <div className="min-h-0 flex-1">{children}</div>
      </div>
    </dialog>
  );
}
