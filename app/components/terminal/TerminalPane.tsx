'use client';

import { useTranslations } from 'next-intl';

import { Component, lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { OutputChunk, OutputLine } from '../run/transcript';
import type { XtermHandle } from './XtermView';

const XtermView = lazy(() => import('./XtermView'));

/** Starts loading xterm.js before the first run needs it. */
export function preloadTerminal() {
  void import('./XtermView').catch(() => undefined);
}

/** If xterm.js cannot load, the plain transcript stays visible instead. */
class Fallback extends Component<{ children: ReactNode; onError: () => void }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch() {
    this.props.onError();
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** Lines of a process's transcript kept in the page. */
const TRANSCRIPT_LINES = 2000;

const SCROLL_KEYS: Record<string, Parameters<XtermHandle['scroll']>[0]> = {
  ArrowUp: 'line-up',
  ArrowDown: 'line-down',
  PageUp: 'page-up',
  PageDown: 'page-down',
  Home: 'top',
  End: 'bottom',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/**
 * One process's output pane: a label, Copy, and the output — drawn by
 * xterm.js, and also kept as a plain transcript (role=log) that screen
 * readers read and that shows when xterm.js is not there. The log is
 * focusable; arrow keys, Page Up/Down, Home and End scroll it.
 */
export default function TerminalPane({
  process,
  label,
  file,
  colour,
  lines,
  chunks,
  epoch,
  minRows,
  maxRows,
  fontSize,
  fill = false,
  minCols,
  wide = false,
}: {
  process: string;
  label: string;
  file: string | null;
  colour: { text: string; dot: string };
  lines: readonly OutputLine[];
  chunks: readonly OutputChunk[];
  epoch: number;
  minRows: number;
  maxRows: number;
  fontSize: number;
  /** Fill the box it is given (a maximised view) rather than grow with its output. */
  fill?: boolean;
  /** Columns the terminal keeps however narrow its box (it scrolls sideways then). */
  minCols?: number;
  /** Across both columns of a side-by-side grid. */
  wide?: boolean;
}) {
  const [drawn, setDrawn] = useState(false);
  const [failed, setFailed] = useState(false);
  const [copied, setCopied] = useState<'' | 'copied' | 'failed'>('');
  const terminal = useRef<XtermHandle>(null);
  const t = useTranslations('run');
  const logLabel = label === t('output') ? t('output') : t('processOutput', { name: label });
  const mine = lines.filter((line) => line.process === process || (line.process === '' && line.stream === 'note'));
  // The transcript keeps the page light with a flood of output; Copy takes every line.
  const shown = mine.length > TRANSCRIPT_LINES ? mine.slice(-TRANSCRIPT_LINES) : mine;
  const visual = drawn && !failed;

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(''), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    const text = mine
      .filter((line) => line.stream !== 'note')
      .map((line) => line.text)
      .join('\n');
    try {
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const how = SCROLL_KEYS[event.key];
    if (!how || !visual || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    terminal.current?.scroll(how);
  }

  return (
    <div
      data-terminal={process}
      className={`flex min-w-0 flex-col overflow-hidden rounded-lg border border-(--border-strong) bg-(--surface-strong) ${fill ? 'h-full min-h-0' : ''} ${wide ? 'col-span-2' : ''}`}
    >
      <div className="flex min-h-9 items-center gap-2 border-b border-(--border) px-3 py-1">
        <span aria-hidden="true" className={`size-2 shrink-0 rounded-full ${colour.dot}`} />
        <p className="min-w-0 truncate text-sm">
          <span className={`font-semibold ${colour.text}`}>{label}</span>
          {file && <span className="ml-1.5 font-mono text-xs text-(--muted-fg)">{file}</span>}
        </p>
        <button
          type="button"
          onClick={() => void copy()}
          aria-label={t('copyLabel', { what: logLabel.replace(/^O/, 'o') })}
          className="ml-auto inline-flex min-h-8 shrink-0 items-center gap-1 rounded px-2 text-xs font-medium text-(--muted-fg) hover:bg-(--surface) hover:text-(--page-fg)"
        >
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false" fill="currentColor">
            <path d="M5 1.5h7.5A1.5 1.5 0 0 1 14 3v8.5h-1.5V3H5V1.5ZM2 5.5A1.5 1.5 0 0 1 3.5 4h6A1.5 1.5 0 0 1 11 5.5v8A1.5 1.5 0 0 1 9.5 15h-6A1.5 1.5 0 0 1 2 13.5v-8Zm1.5 0v8h6v-8h-6Z" />
          </svg>
          <span aria-live="polite">{t(copied === 'copied' ? 'copied' : copied === 'failed' ? 'copyFailed' : 'copy')}</span>
        </button>
      </div>
      <div
        role="log"
        aria-label={logLabel}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="relative min-h-0 flex-1 px-2 py-1.5 focus-visible:outline-offset-[-3px]"
      >
        <div
          className={
            visual
              ? 'sr-only'
              : `${fill ? 'h-full' : 'max-h-80'} overflow-auto font-mono text-[0.8125rem] leading-[1.45] break-words whitespace-pre-wrap`
          }
        >
          {shown.length < mine.length && (
            <span className="block text-(--muted-fg) italic" data-stream="note">
              {mine.length - shown.length} earlier lines are in the terminal (and in Copy).
            </span>
          )}
          {shown.map((line) => (
            <span
              key={line.id}
              data-stream={line.stream}
              data-process={line.process}
              className={`block min-h-[1.45em] ${line.stream === 'stderr' ? 'text-red-800 dark:text-red-300' : line.stream === 'note' ? 'text-(--muted-fg) italic' : ''}`}
            >
              {line.stream === 'stderr' && <span className="sr-only">error output: </span>}
              {line.stream === 'note' && line.process ? `${line.process} ${line.text}` : line.text}
            </span>
          ))}
        </div>
        {!failed && (
          <Fallback onError={() => setFailed(true)}>
            <Suspense fallback={null}>
              <Drawn onDrawn={() => setDrawn(true)}>
                <XtermView
                  handle={terminal}
                  process={process}
                  chunks={chunks}
                  epoch={epoch}
                  minRows={minRows}
                  maxRows={maxRows}
                  fontSize={fontSize}
                  fill={fill}
                  minCols={minCols}
                />
              </Drawn>
            </Suspense>
          </Fallback>
        )}
      </div>
    </div>
  );
}

/** Tells the pane once its lazily loaded child has mounted. */
function Drawn({ children, onDrawn }: { children: ReactNode; onDrawn: () => void }) {
  useEffect(() => onDrawn(), [onDrawn]);
  return children;
}
