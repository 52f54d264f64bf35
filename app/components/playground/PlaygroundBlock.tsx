'use client';

import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { meetsExpectation } from '../progress/expectation';
import { exerciseKey, markSolved } from '../progress/store';
import { useProgress } from '../progress/useProgress';
import OutputPanel, { RunStatus } from '../run/OutputPanel';
import RunButtons from '../run/RunButtons';
import { useRun } from '../run/useRun';
import type { PlaygroundData } from './types';

/**
 * A snippet of a lesson, read-only for now: title, variant switcher, file
 * tabs, highlighted code, Run / Stop (or Ctrl/⌘+Enter anywhere in the block)
 * and the live output. Its id is the snippet id, so #snippet links land here.
 */
export default function PlaygroundBlock({ data }: { data: PlaygroundData }) {
  const [variantId, setVariantId] = useState(data.initialVariant);
  const variant = data.variants.find((v) => v.id === variantId) ?? data.variants[0]!;
  const [fileName, setFileName] = useState(variant.files[0]!.name);
  const file = variant.files.find((f) => f.name === fileName) ?? variant.files[0]!;
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const progress = useProgress();
  const solved = data.exercise !== null && exerciseKey(data.lesson, data.id) in progress.solved;

  const { state, busy, run, stop } = useRun({
    onEnd(result, request) {
      if (!data.exercise || request.variant === 'solution') return;
      if (meetsExpectation(data.exercise.expect, result)) markSolved(data.lesson, data.id);
    },
  });

  const uid = useId();
  const titleId = `${uid}-title`;
  const hintId = `${uid}-hint`;
  const panelId = `${uid}-panel`;
  const several = variant.files.length > 1;
  const processes = variant.request.processes?.map((p) => p.name) ?? [];

  const start = () =>
    void run({ ...variant.request, lesson: data.lesson, snippet: data.id, variant: variant.id });

  function chooseVariant(id: string) {
    setVariantId(id);
    const next = data.variants.find((v) => v.id === id);
    // Keep the same file open when the other variant has it.
    if (next && !next.files.some((f) => f.name === fileName)) setFileName(next.files[0]!.name);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!busy) start();
    }
  }

  function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const count = variant.files.length;
    const target =
      event.key === 'ArrowRight'
        ? (index + 1) % count
        : event.key === 'ArrowLeft'
          ? (index - 1 + count) % count
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? count - 1
              : -1;
    if (target < 0) return;
    event.preventDefault();
    setFileName(variant.files[target]!.name);
    tabs.current[target]?.focus();
  }

  return (
    <div
      id={data.blockId}
      role="group"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      data-playground={data.id}
      data-variant={variant.id}
      onKeyDown={onKeyDown}
      className="not-prose my-8 overflow-hidden rounded-xl border border-(--border-strong) bg-(--page-bg) shadow-sm"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-(--border) bg-(--surface) px-4 py-2.5">
        <p id={titleId} className="min-w-[min(100%,14rem)] flex-1 font-semibold text-balance">
          {data.title}
        </p>
        {data.exercise && (
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-semibold ${
              solved
                ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100'
                : 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100'
            }`}
          >
            {solved ? '✓ Exercise solved' : 'Exercise'}
          </span>
        )}
        {processes.length > 1 && (
          <span className="text-xs text-(--muted-fg)">
            {processes.length} processes: {processes.join(', ')}
          </span>
        )}
      </div>

      {data.variants.length > 1 && (
        <fieldset className="border-b border-(--border) px-4 py-2.5">
          <legend className="sr-only">Variant</legend>
          <div className="flex flex-wrap gap-2">
            {data.variants.map((v) => (
              <label
                key={v.id}
                className="cursor-pointer rounded-full border border-(--border-strong) px-3 py-1 text-sm transition-colors select-none hover:bg-(--surface-strong) has-checked:border-zinc-900 has-checked:bg-zinc-900 has-checked:text-white has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-(--focus-ring) dark:has-checked:border-zinc-100 dark:has-checked:bg-zinc-100 dark:has-checked:text-zinc-900"
              >
                <input
                  type="radio"
                  name={`${uid}-variant`}
                  value={v.id}
                  checked={v.id === variant.id}
                  onChange={() => chooseVariant(v.id)}
                  className="sr-only"
                />
                {v.label}
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {several && (
        <div role="tablist" aria-label="Files" className="flex overflow-x-auto border-b border-(--border) px-2">
          {variant.files.map((f, index) => {
            const selected = f.name === file.name;
            return (
              <button
                key={f.name}
                ref={(element) => {
                  tabs.current[index] = element;
                }}
                type="button"
                role="tab"
                id={`${uid}-tab-${index}`}
                aria-selected={selected}
                aria-controls={panelId}
                tabIndex={selected ? 0 : -1}
                onClick={() => setFileName(f.name)}
                onKeyDown={(event) => onTabKeyDown(event, index)}
                className={`-mb-px shrink-0 border-b-2 px-3 py-2 font-mono text-[0.8125rem] transition-colors ${
                  selected
                    ? 'border-red-700 text-(--page-fg) dark:border-red-400'
                    : 'border-transparent text-(--muted-fg) hover:text-(--page-fg)'
                }`}
              >
                {f.name}
                {f.runsAs.length > 0 && f.runsAs.join() !== f.name.replace(/\.\w+$/, '') && (
                  <span className="ml-1.5 font-sans text-xs text-(--muted-fg)">({f.runsAs.join(', ')})</span>
                )}
              </button>
            );
          })}
        </div>
      )}

      <div
        id={panelId}
        {...(several
          ? { role: 'tabpanel', 'aria-labelledby': `${uid}-tab-${variant.files.indexOf(file)}` }
          : { role: 'region', 'aria-label': `Code: ${file.name}` })}
        data-file={file.name}
        className="code-lines text-[0.8125rem] leading-[1.6] sm:text-sm [&_pre]:overflow-x-auto [&_pre]:px-4 [&_pre]:py-3.5 [&_pre]:font-mono [&_pre]:[tab-size:2]"
        dangerouslySetInnerHTML={{ __html: file.html }}
      />

      <div className="space-y-3 border-t border-(--border) px-4 py-3">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <RunButtons busy={busy} stopping={state.phase === 'stopping'} onRun={start} onStop={stop} />
          <RunStatus state={state} />
          <p id={hintId} className="ml-auto hidden text-xs text-(--muted-fg) sm:block">
            <kbd className="kbd-other">Ctrl+Enter</kbd>
            <kbd className="kbd-mac">⌘+Enter</kbd> runs
          </p>
        </div>
        <OutputPanel state={state} label={`Output of ${data.title}`} placeholder="Press Run to see the output." />
      </div>
    </div>
  );
}
