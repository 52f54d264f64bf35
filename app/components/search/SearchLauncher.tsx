'use client';

import { useTranslations } from 'next-intl';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useRef, useState } from 'react';
import SearchIcon from '../icons/SearchIcon';

// The dialog's code loads the first time it is wanted (hover, focus, ⌘K), not with the page.
const loadDialog = () => import('./SearchDialog');
const SearchDialog = dynamic(loadDialog, { ssr: false });

/** The header's search button, and ⌘K / Ctrl+K anywhere on the site. */
export default function SearchLauncher() {
  const t = useTranslations('search');
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);

  const show = useCallback(() => {
    const active = document.activeElement;
    returnFocus.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setWanted(true);
    setOpen(true);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        show();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [show]);

  const warm = () => void loadDialog();

  return (
    <>
      <button
        type="button"
        onClick={show}
        onPointerEnter={warm}
        onFocus={warm}
        aria-haspopup="dialog"
        aria-keyshortcuts="Meta+K Control+K"
        className="inline-flex h-9 min-w-9 items-center justify-center gap-2 rounded-full border border-(--border) bg-(--surface) px-2 sm:justify-start sm:px-2.5 text-sm text-(--muted-fg) transition-colors hover:border-(--border-strong) hover:text-(--page-fg) sm:w-44 lg:w-56"
      >
        <SearchIcon size={16} />
        <span className="sr-only sm:not-sr-only">{t('button')}</span>
        <span className="ml-auto hidden items-center gap-0.5 sm:inline-flex" aria-hidden="true">
          <kbd className="kbd-mac rounded border border-(--border-strong) px-1.5 text-xs">⌘K</kbd>
          <kbd className="kbd-other rounded border border-(--border-strong) px-1.5 text-xs">Ctrl K</kbd>
        </span>
      </button>
      {wanted && (
        <SearchDialog
          open={open}
          onClose={(navigated) => {
            setOpen(false);
            const target = returnFocus.current;
            returnFocus.current = null;
            // After opening a result, focus goes to the page, not back to the button.
            if (navigated) document.getElementById('main')?.focus({ preventScroll: true });
            else if (target?.isConnected) target.focus();
          }}
        />
      )}
    </>
  );
}
