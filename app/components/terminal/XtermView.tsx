'use client';

import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { OutputChunk } from '../run/transcript';

/**
 * One process's output in xterm.js (loaded with the playground, never with
 * the page): ANSI colours kept, stderr in red, the exit in grey italics. Output only —
 * stdin has its own box. Grows with its output between `minRows` and
 * `maxRows`, then scrolls. Hidden from assistive technology: the pane's
 * transcript is what screen readers read.
 */

export interface XtermHandle {
  scroll(how: 'line-up' | 'line-down' | 'page-up' | 'page-down' | 'top' | 'bottom'): void;
}

const LIGHT: ITheme = {
  background: '#f4f4f5',
  foreground: '#18181b',
  cursor: '#f4f4f5',
  selectionBackground: '#bfdbfe',
  black: '#18181b',
  red: '#b91c1c',
  green: '#15803d',
  yellow: '#a16207',
  blue: '#1d4ed8',
  magenta: '#a21caf',
  cyan: '#0e7490',
  white: '#52525b',
  brightBlack: '#52525b',
  brightRed: '#b91c1c',
  brightGreen: '#15803d',
  brightYellow: '#a16207',
  brightBlue: '#1d4ed8',
  brightMagenta: '#a21caf',
  brightCyan: '#0e7490',
  brightWhite: '#3f3f46',
};

const DARK: ITheme = {
  background: '#27272a',
  foreground: '#f4f4f5',
  cursor: '#27272a',
  selectionBackground: '#1e3a8a',
  black: '#a1a1aa',
  red: '#fca5a5',
  green: '#86efac',
  yellow: '#fde047',
  blue: '#93c5fd',
  magenta: '#f0abfc',
  cyan: '#67e8f9',
  white: '#e4e4e7',
  brightBlack: '#a1a1aa',
  brightRed: '#fecaca',
  brightGreen: '#bbf7d0',
  brightYellow: '#fef08a',
  brightBlue: '#bfdbfe',
  brightMagenta: '#f5d0fe',
  brightCyan: '#a5f3fc',
  brightWhite: '#ffffff',
};

const isDark = () => document.documentElement.classList.contains('dark');
/** xterm moves to column 0 only on \r: every lone \n becomes \r\n. */
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

export default function XtermView({
  process,
  chunks,
  epoch,
  minRows,
  maxRows,
  fontSize,
  handle,
}: {
  process: string;
  chunks: readonly OutputChunk[];
  epoch: number;
  minRows: number;
  maxRows: number;
  fontSize: number;
  handle?: Ref<XtermHandle>;
}) {
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const fit = useRef<FitAddon | null>(null);
  const written = useRef({ epoch: -1, lastId: 0, atLineStart: true });
  const rows = useRef({ min: minRows, max: maxRows });
  rows.current = { min: minRows, max: maxRows };

  /** Columns from the width, then rows for what is written so far (after the reflow), within the bounds. */
  const resize = () => {
    const t = term.current;
    if (!t) return;
    // A hidden terminal (in a dialog being closed) has no width: the fit proposes NaN, which xterm refuses.
    const proposed = fit.current?.proposeDimensions()?.cols;
    const cols = Math.max(proposed !== undefined && Number.isFinite(proposed) ? proposed : t.cols, 2);
    if (cols !== t.cols) t.resize(cols, t.rows);
    const buffer = t.buffer.active;
    // Every written line, and the cursor's line (xterm keeps it in view).
    const used = buffer.baseY + buffer.cursorY + 1;
    const wanted = Math.min(rows.current.max, Math.max(rows.current.min, used));
    if (wanted !== t.rows) t.resize(cols, wanted);
  };

  useEffect(() => {
    const element = host.current!;
    const t = new Terminal({
      convertEol: false,
      disableStdin: true,
      cursorBlink: false,
      cursorStyle: 'bar',
      cursorInactiveStyle: 'none',
      fontFamily: getComputedStyle(element).fontFamily,
      fontSize,
      lineHeight: 1.35,
      rows: rows.current.min,
      cols: 80,
      scrollback: 5000,
      theme: isDark() ? DARK : LIGHT,
      allowProposedApi: false,
    });
    const addon = new FitAddon();
    t.loadAddon(addon);
    t.open(element);
    // Output only: keep xterm's input field out of the tab order.
    const textarea = element.querySelector('textarea');
    if (textarea) {
      textarea.tabIndex = -1;
      textarea.setAttribute('aria-hidden', 'true');
    }
    term.current = t;
    fit.current = addon;
    resize();

    const themeObserver = new MutationObserver(() => {
      t.options.theme = isDark() ? DARK : LIGHT;
    });
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    const sizeObserver = new ResizeObserver(() => resize());
    sizeObserver.observe(element);
    return () => {
      themeObserver.disconnect();
      sizeObserver.disconnect();
      t.dispose();
      term.current = null;
      fit.current = null;
      written.current = { epoch: -1, lastId: 0, atLineStart: true };
    };
    // Created once; the props are applied by the effects below.
  }, []);

  useEffect(() => {
    if (term.current) term.current.options.fontSize = fontSize;
    resize();
  }, [fontSize, minRows, maxRows]);

  useEffect(() => {
    const t = term.current;
    if (!t) return;
    const w = written.current;
    if (w.epoch !== epoch) {
      t.reset();
      w.epoch = epoch;
      w.lastId = 0;
      w.atLineStart = true;
    }
    let out = '';
    for (const chunk of chunks) {
      if (chunk.id <= w.lastId) continue;
      w.lastId = chunk.id;
      if (chunk.process !== process || chunk.data === '') continue;
      if (chunk.stream === 'exit') {
        out += `${w.atLineStart ? '' : '\r\n'}\x1b[3;90m— ${chunk.data}\x1b[0m\r\n`;
        w.atLineStart = true;
        continue;
      }
      const text = crlf(chunk.data);
      out += chunk.stream === 'stderr' ? `\x1b[31m${text}\x1b[39m` : text;
      w.atLineStart = text.endsWith('\n');
    }
    // Columns first, so the text wraps where it will stay; rows once it is written.
    resize();
    if (out !== '') t.write(out, resize);
  }, [chunks, epoch, process]);

  useImperativeHandle(handle, () => ({
    scroll(how) {
      const t = term.current;
      if (!t) return;
      if (how === 'line-up') t.scrollLines(-1);
      else if (how === 'line-down') t.scrollLines(1);
      else if (how === 'page-up') t.scrollPages(-1);
      else if (how === 'page-down') t.scrollPages(1);
      else if (how === 'top') t.scrollToTop();
      else t.scrollToBottom();
    },
  }));

  return <div ref={host} aria-hidden="true" className="xterm-host font-mono" />;
}
