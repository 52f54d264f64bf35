'use client';

import { useEffect, useState } from 'react';
import type { RunState } from '../run/model';
import TerminalPane from './TerminalPane';
import { PROCESS_COLOURS } from './words';

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
 * One terminal pane per process, labelled: side by side when the playground
 * is wide enough, stacked when it is narrow (a container query, so it follows
 * the playground's width, not the window's).
 */
export default function Terminals({
  state,
  entries,
  single,
}: {
  state: RunState;
  /** Process name → the file it runs. */
  entries: Record<string, string>;
  /** One process whose name says nothing (`main`): label its pane "Output". */
  single: boolean;
}) {
  const names = state.processes.length > 0 ? state.processes : Object.keys(entries);
  const several = names.length > 1;
  const fontSize = useFontSize(several);
  return (
    <div className={`grid gap-3 ${several ? '@[38rem]:grid-cols-2' : ''}`}>
      {names.map((name, index) => {
        return (
          <TerminalPane
            key={name}
            process={name}
            label={single && !several ? 'Output' : name}
            file={entries[name] ?? null}
            colour={PROCESS_COLOURS[index % PROCESS_COLOURS.length]!}
            lines={state.lines}
            chunks={state.chunks}
            epoch={state.epoch}
            minRows={4}
            maxRows={several ? 14 : 18}
            fontSize={fontSize}
          />
        );
      })}
    </div>
  );
}
