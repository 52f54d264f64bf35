'use client';

import { useLayoutEffect, useRef, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import { applyTheme, readPreference, setPreference, subscribePreference, type ThemePreference } from './theme';
import LineIcon from '../icons/LineIcon';

const OPTIONS: { value: ThemePreference; label: string; icon: ReactNode }[] = [
  {
    value: 'light',
    label: 'Light',
    icon: (
      <>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.93 4.93l1.41 1.41M17.66 17.66l1.41 1.41M2 12h2M20 12h2M4.93 19.07l1.41-1.41M17.66 6.34l1.41-1.41" />
      </>
    ),
  },
  {
    value: 'dark',
    label: 'Dark',
    icon: <path d="M20.5 14.5A8.5 8.5 0 0 1 9.5 3.5a8.5 8.5 0 1 0 11 11Z" />,
  },
  {
    value: 'system',
    label: 'System',
    icon: (
      <>
        <rect x="3" y="4" width="18" height="12" rx="2" />
        <path d="M8 20h8M12 16v4" />
      </>
    ),
  },
];

const getServerSnapshot = (): ThemePreference => 'system';

/**
 * Light / dark / system, as a radio group (arrow keys move and select). The
 * highlighted option is drawn from <html data-theme> by CSS, so it is right
 * from the first paint; aria-checked follows once the page is interactive.
 */
export default function ThemeControl() {
  const preference = useSyncExternalStore(subscribePreference, readPreference, getServerSnapshot);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  // React may reset <html>'s attributes when it remounts in development.
  useLayoutEffect(() => {
    applyTheme(readPreference());
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const index = OPTIONS.findIndex((option) => option.value === preference);
    const next = (index + step + OPTIONS.length) % OPTIONS.length;
    setPreference(OPTIONS[next]!.value);
    buttons.current[next]?.focus();
  }

  return (
    <div
      role="radiogroup"
      aria-label="Colour theme"
      onKeyDown={onKeyDown}
      className="flex items-center gap-0.5 rounded-full border border-(--border) p-0.5"
    >
      {OPTIONS.map((option, index) => {
        const checked = option.value === preference;
        return (
          <button
            key={option.value}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={option.label}
            title={`${option.label} theme`}
            tabIndex={checked ? 0 : -1}
            data-option={option.value}
            onClick={() => setPreference(option.value)}
            className="theme-option inline-flex size-7 sm:size-8 items-center justify-center rounded-full text-(--muted-fg) transition-colors hover:text-(--page-fg)"
          >
            <LineIcon size={16}>{option.icon}</LineIcon>
          </button>
        );
      })}
    </div>
  );
}
