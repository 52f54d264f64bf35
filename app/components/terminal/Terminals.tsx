'use client';

import { useTranslations } from 'next-intl';

import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { RunState } from '../run/model';
import TerminalPane from './TerminalPane';
import { PROCESS_COLOURS } from './words';

/** Columns each terminal must get before panes go side by side: a standard terminal's width. */
export const SIDE_BY_SIDE_COLS = 80;
/** Around a pane's text: its border (2), the log's padding (16) and xterm's scroll bar (14), in px. */
const PANE_CHROME = 32;
/** The grid's gap (gap-3), in px. */
const GAP = 12;

/** Narrow screens, and panes side by side, get a smaller terminal font. */
function useFontSize(several: boolean) {
  const [size, setSize] = useState(13);
  useEffect(() => {
    const query = window.matchMedia('(min-width: 640px)');
    const apply = () => setSize(query.matches && !several ? 13 : 12);
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [several]);
  return size;
}

/**
 * Side by side only when each of two panes would get SIDE_BY_SIDE_COLS
 * columns: the grid's width against the measured width of that many
 * characters in the terminal's font. Otherwise stacked, each full width —
 * a benchmark's figures never wrap for want of a neighbour's half.
 */
function useSideBySide(grid: RefObject<HTMLDivElement | null>, probe: RefObject<HTMLSpanElement | null>, several: boolean, fontSize: number) {
  const [side, setSide] = useState(false);
  useLayoutEffect(() => {
    const element = grid.current;
    if (!several || !element) {
      setSide(false);
      return;
    }
    const measure = () => {
      const line = probe.current?.getBoundingClientRect().width ?? 0;
      const half = (element.clientWidth - GAP) / 2 - PANE_CHROME;
      setSide(line > 0 && half >= line);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // The font may arrive after the first measure.
    void document.fonts?.ready.then(measure);
    return () => observer.disconnect();
  }, [grid, probe, several, fontSize]);
  return side;
}

/**
 * One terminal pane per process, labelled: side by side when each gets a
 * standard terminal's width, stacked full width otherwise. A pane grows with
 * its output, so one that has printed nothing takes one line (the width of
 * the row, when the others sit side by side). `fill`: the
 * panes share the height they are given (the maximised view), and keep
 * SIDE_BY_SIDE_COLS columns even on a phone, scrolling sideways.
 */
export default function Terminals({
  state,
  entries,
  single,
  fill = false,
}: {
  state: RunState;
  /** Process name → the file it runs. */
  entries: Record<string, string>;
  /** One process whose name says nothing (`main`): label its pane "Output". */
  single: boolean;
  fill?: boolean;
}) {
  const t = useTranslations('run');
  const names = state.processes.length > 0 ? state.processes : Object.keys(entries);
  const several = names.length > 1;
  const fontSize = useFontSize(several);
  const grid = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const wide = useSideBySide(grid, probe, several, fontSize);
  // A terminal its program has printed nothing in (its exit aside) takes no half of a row: side by side only among those that have.
  const printed = new Set(state.chunks.filter((chunk) => chunk.stream !== 'exit' && chunk.data !== '').map((chunk) => chunk.process));
  const talking = names.filter((name) => printed.has(name)).length;
  const side = wide && talking >= 2;
  const rows = side ? Math.ceil(talking / 2) + (names.length - talking) : names.length;
  return (
    <div
      ref={grid}
      data-terminals={side ? 'side-by-side' : 'stacked'}
      className={`relative grid min-w-0 gap-3 ${side ? 'grid-flow-row-dense grid-cols-2' : 'grid-cols-1'} ${fill ? 'h-full min-h-0' : ''}`}
      style={fill ? { gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))` } : undefined}
    >
      {/* A line of SIDE_BY_SIDE_COLS characters in the terminal's font, measured (clipped: it is wider than a phone). */}
      <span aria-hidden="true" className="pointer-events-none invisible absolute top-0 left-0 size-0 overflow-hidden">
        <span ref={probe} className="xterm-host absolute top-0 left-0 font-mono whitespace-pre" style={{ fontSize }}>
          {'W'.repeat(SIDE_BY_SIDE_COLS)}
        </span>
      </span>
      {names.map((name, index) => {
        return (
          <TerminalPane
            key={name}
            wide={side && !printed.has(name)}
            process={name}
            label={single && !several ? t('output') : name}
            file={entries[name] ?? null}
            colour={PROCESS_COLOURS[index % PROCESS_COLOURS.length]!}
            lines={state.lines}
            chunks={state.chunks}
            epoch={state.epoch}
            minRows={several ? 1 : 4}
            maxRows={several ? 14 : 18}
            fontSize={fontSize}
            fill={fill}
            minCols={fill ? SIDE_BY_SIDE_COLS : undefined}
          />
        );
      })}
    </div>
  );
}
