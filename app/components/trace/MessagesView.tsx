'use client';

import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { TraceEvent } from '../../../runner/protocol';
import { buildDiagram, frameLabel, stateLabel, type Diagram, type Lane, type Row } from './diagram';
import MessagesTable from './MessagesTable';

/** Width of the time column, px; lanes share the rest (at least LANE_MIN each, scrolling sideways beyond). */
const TIME = 52;
const LANE_MIN = 92;
/** Replay speed: one event per this many ms. */
const STEP_MS = 140;

const TONE = {
  plain: 'border-(--border-strong) bg-(--page-bg) text-(--page-fg)',
  wait: 'border-amber-500 bg-amber-50 text-amber-950 dark:bg-amber-950/60 dark:text-amber-100',
  error: 'border-red-500 bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-100',
} as const;

const STATE_TONE: Record<string, string> = {
  waiting: TONE.wait,
  closed: 'border-(--border) text-(--muted-fg)',
};

/** Horizontal centre of lane `i` of `n`, as a CSS length within the lanes' area. */
const centre = (i: number, n: number) => `${((i + 0.5) * 100) / n}%`;

/**
 * The Messages view of a traced run: a lane per socket (grouped by process,
 * its type and what it may do next on top), and a row per thing that
 * happened — a message is an arrow from its send to each receive, its frames
 * stacked on it; a send nobody received is marked lost once the run is over;
 * waits, connections and handshakes sit on their lane. Live while the run
 * runs; afterwards the scrubber (or Replay) steps through it event by event.
 * A table of the same events stands in for the drawing.
 */
export default function MessagesView({ events, ended }: { events: readonly TraceEvent[]; ended: boolean }) {
  const [upto, setUpto] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const shown = upto === null ? events.length : Math.min(upto, events.length);
  const seen = useMemo(() => (shown === events.length ? events : events.slice(0, shown)), [events, shown]);
  const diagram = useMemo(() => buildDiagram(seen, ended && shown === events.length), [seen, shown, events.length, ended]);

  useEffect(() => {
    if (!playing) return;
    if (shown >= events.length) {
      setPlaying(false);
      setUpto(null);
      return;
    }
    const timer = setTimeout(() => setUpto(shown + 1), STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, shown, events.length]);

  if (events.length === 0) {
    return (
      <p data-testid="messages-empty" className="rounded-lg border border-dashed border-(--border-strong) px-3 py-3 text-sm text-(--muted-fg)">
        {ended ? 'This run opened no zeromq socket.' : 'No socket has done anything yet.'}
      </p>
    );
  }
  const at = shown > 0 ? events[shown - 1]!.at : 0;

  return (
    <div data-testid="messages" className="space-y-2">
      <Drawing diagram={diagram} />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <button
          type="button"
          disabled={!ended}
          onClick={() => {
            if (playing) return setPlaying(false);
            setUpto(shown >= events.length ? 0 : shown);
            setPlaying(true);
          }}
          className="inline-flex min-h-9 items-center rounded-md border border-(--border-strong) px-2.5 font-medium hover:bg-(--surface-strong) disabled:opacity-50"
        >
          {playing ? 'Pause' : 'Replay'}
        </button>
        <label className="flex min-w-0 flex-1 basis-40 items-center gap-2">
          <span className="sr-only">Events shown</span>
          <input
            type="range"
            min={0}
            max={events.length}
            value={shown}
            disabled={!ended}
            onChange={(event) => {
              setPlaying(false);
              const value = Number(event.target.value);
              setUpto(value >= events.length ? null : value);
            }}
            className="min-w-0 flex-1 accent-(--link)"
          />
        </label>
        <span data-testid="messages-position" className="tabular-nums text-(--muted-fg)">
          {shown} of {events.length} events · {at.toFixed(1)} ms{ended ? '' : ' · live'}
        </span>
      </div>
      <MessagesTable events={seen} />
    </div>
  );
}

function Drawing({ diagram }: { diagram: Diagram }) {
  const n = Math.max(1, diagram.lanes.length);
  const grid: CSSProperties = { gridTemplateColumns: `${TIME}px repeat(${n}, minmax(${LANE_MIN}px, 1fr))` };
  return (
    <div className="max-h-[32rem] overflow-auto rounded-lg border border-(--border) bg-(--page-bg)" aria-hidden="true" data-testid="messages-drawing">
      <div className="relative" style={{ minWidth: TIME + n * LANE_MIN }}>
        <div className="sticky top-0 z-10 grid border-b border-(--border) bg-(--surface)" style={grid}>
          <div className="px-1 py-1.5 text-[0.7rem] text-(--muted-fg)">ms</div>
          {diagram.lanes.map((lane) => (
            <LaneHeader key={lane.socket} lane={lane} />
          ))}
        </div>
        <div className="relative py-1">
          {/* The lifelines, behind the rows. */}
          <div className="pointer-events-none absolute inset-y-0 right-0" style={{ left: TIME }}>
            {diagram.lanes.map((lane, i) => (
              <div
                key={lane.socket}
                className={`absolute inset-y-0 border-l ${lane.state.kind === 'waiting' ? 'border-dashed border-amber-500' : 'border-(--border-strong)'}`}
                style={{ left: centre(i, n) }}
              />
            ))}
          </div>
          {diagram.rows.map((row) => (
            <RowView key={row.key} row={row} lanes={n} grid={grid} />
          ))}
        </div>
      </div>
    </div>
  );
}

function LaneHeader({ lane }: { lane: Lane }) {
  const state = stateLabel(lane.state);
  return (
    <div data-testid="messages-lane" data-socket={lane.socket} data-state={lane.state.kind} className="min-w-0 px-1 py-1.5 text-center leading-tight">
      <div className="truncate text-xs font-semibold">{lane.process}</div>
      <div className="truncate font-mono text-[0.7rem] text-(--muted-fg)">
        {lane.type ?? 'socket'} #{lane.socket.split('/').pop()}
      </div>
      {state && <div className={`mx-auto mt-0.5 w-fit max-w-full truncate rounded-full border px-1.5 text-[0.65rem] ${STATE_TONE[lane.state.kind] ?? TONE.plain}`}>{state}</div>}
    </div>
  );
}

function RowView({ row, lanes, grid }: { row: Row; lanes: number; grid: CSSProperties }) {
  if (row.kind === 'gap' || row.kind === 'truncated' || row.kind === 'process') {
    const text = row.kind === 'gap' ? `… ${row.hidden} rows left out of the drawing (the table lists every event) …` : row.text;
    const tone = row.kind === 'process' ? TONE.error : 'border-(--border) text-(--muted-fg)';
    return (
      <div className="relative grid py-0.5" style={grid}>
        <Time at={row.kind === 'gap' ? null : row.at} />
        <div className={`mx-1 rounded border px-2 py-0.5 text-center text-xs ${tone}`} style={{ gridColumn: `2 / span ${lanes}` }} data-testid={`messages-${row.kind}`}>
          {text}
        </div>
      </div>
    );
  }
  if (row.kind === 'note') {
    return (
      <div className="relative grid py-0.5" style={grid} data-testid="messages-note">
        <Time at={row.at} />
        <div className="flex min-w-0 justify-center px-0.5" style={{ gridColumn: row.lane + 2 }}>
          <span className={`relative line-clamp-2 max-w-full rounded border px-1.5 text-center text-[0.7rem] [overflow-wrap:anywhere] ${TONE[row.tone]}`} title={row.text}>
            {row.text}
          </span>
        </div>
      </div>
    );
  }
  return <MessageRow row={row} lanes={lanes} grid={grid} />;
}

function MessageRow({ row, lanes, grid }: { row: Extract<Row, { kind: 'message' }>; lanes: number; grid: CSSProperties }) {
  // Where the arrow starts: the sender's lifeline, or (a receive whose send is unknown) half a lane before the receiver.
  const first = row.to[0]?.lane;
  const from = row.from ?? (first !== undefined ? first - 0.5 : 0);
  const ends = row.to.length > 0 ? row.to.map((d) => d.lane) : [from + (from + 1 < lanes ? 0.5 : -0.5)];
  const label = row.frames.map(frameLabel);
  if (row.moreFrames) label.push(`+${row.moreFrames} frames`);
  // The frames as the (first) receiver got them, when they differ: envelopes added or taken off on the way.
  const arrived = row.to[0]?.frames?.map(frameLabel) ?? null;
  const towards = ends[0]!;
  const mid = (from + towards) / 2;
  const status = row.lost ? 'lost' : row.to.length === 0 ? 'in-flight' : 'delivered';
  return (
    <div className="relative grid" style={grid} data-testid="messages-message" data-status={status} data-count={row.count}>
      <Time at={row.at} />
      <div className="relative" style={{ gridColumn: `2 / span ${lanes}`, minHeight: 18 + (Math.min(label.length, 4) + (arrived ? Math.min(arrived.length, 4) + 1 : 0)) * 17 }}>
        {ends.map((end, i) => (
          <Arrow key={i} from={from} to={end} lanes={lanes} status={status} />
        ))}
        <div
          className="absolute top-0 flex -translate-x-1/2 flex-col items-center gap-px px-0.5"
          style={{ left: `${((mid + 0.5) * 100) / lanes}%`, maxWidth: `${Math.max(1, Math.abs(towards - from)) * (100 / lanes)}%` }}
        >
          <Frames labels={label} />
          {arrived && (
            <>
              <span className="text-[0.6rem] leading-4 text-(--muted-fg)">arrives as</span>
              <Frames labels={arrived} />
            </>
          )}
          {row.count > 1 && <span className="text-[0.65rem] font-semibold">×{row.count}</span>}
          {row.lost && <span className="text-[0.65rem] font-semibold text-red-700 dark:text-red-400">lost: never received</span>}
        </div>
      </div>
    </div>
  );
}

/** A message's frames as stacked boxes (at most four, then how many more). */
function Frames({ labels }: { labels: string[] }) {
  return (
    <>
      {labels.slice(0, 4).map((text, i) => (
        <span key={i} className="max-w-full truncate rounded-sm border border-(--border-strong) bg-(--surface) px-1 font-mono text-[0.65rem] leading-4">
          {text}
        </span>
      ))}
      {labels.length > 4 && <span className="text-[0.65rem] text-(--muted-fg)">+{labels.length - 4} more</span>}
    </>
  );
}

/** A horizontal arrow at the bottom of its row, from lane `from` to lane `to` (fractions allowed). */
function Arrow({ from, to, lanes, status }: { from: number; to: number; lanes: number; status: string }) {
  const left = Math.min(from, to);
  const width = Math.abs(to - from);
  const rightwards = to >= from;
  const colour = status === 'lost' ? 'text-red-600 dark:text-red-400' : status === 'in-flight' ? 'text-(--muted-fg)' : 'text-(--link)';
  return (
    <div className={`absolute bottom-1.5 h-0 ${colour}`} style={{ left: `${((left + 0.5) * 100) / lanes}%`, width: `${(width * 100) / lanes}%` }}>
      <div className={`border-t-2 border-current ${status === 'delivered' ? '' : 'border-dashed'}`} />
      {status === 'lost' ? (
        <span className={`absolute -top-2.5 text-sm leading-none font-bold ${rightwards ? '-right-1.5' : '-left-1.5'}`}>✕</span>
      ) : (
        <span
          className={`absolute -top-[5px] h-0 w-0 border-y-[5px] border-y-transparent ${rightwards ? '-right-px border-l-[7px] border-l-current' : '-left-px border-r-[7px] border-r-current'}`}
        />
      )}
    </div>
  );
}

function Time({ at }: { at: number | null }) {
  return <div className="self-end px-1 pb-0.5 text-right font-mono text-[0.65rem] text-(--muted-fg) tabular-nums">{at === null ? '' : at.toFixed(1)}</div>;
}
