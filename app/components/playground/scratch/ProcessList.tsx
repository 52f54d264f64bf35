'use client';

import { useEffect, useId, useState } from 'react';
import { RUN_LIMITS, type ProcessDef } from '../../../../runner/protocol';
import { SMALL } from '../buttons';
import { formatArgs, parseArgs, processNameProblem, type ScratchAction } from './state';

/** One empty list, so a process without arguments does not look changed on every render. */
const NO_ARGS: readonly string[] = [];
const FIELD = 'min-h-9 min-w-0 rounded-md border border-(--border-strong) bg-(--page-bg) px-2 text-sm';

const sameArgs = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((arg, i) => arg === b[i]);

/**
 * A process's command-line arguments, typed as a shell would take them
 * (state.ts parseArgs). The text is kept as typed; arguments changed from
 * elsewhere (a template, a link) replace it.
 */
function ArgsField({ id, label, args, onChange }: { id: string; label: string; args: readonly string[]; onChange(args: string[]): void }) {
  const [text, setText] = useState(() => formatArgs(args));
  useEffect(() => {
    setText((typed) => (sameArgs(parseArgs(typed), args) ? typed : formatArgs(args)));
  }, [args]);
  return (
    <span className="flex min-w-0 flex-1 basis-48 flex-col gap-0.5">
      <label htmlFor={id} className="text-xs text-(--muted-fg)">
        {label}
      </label>
      <input
        id={id}
        value={text}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        placeholder="none"
        title="process.argv.slice(2): separated by spaces; quote an argument that holds spaces"
        onChange={(event) => {
          setText(event.target.value);
          const next = parseArgs(event.target.value);
          if (!sameArgs(next, args)) onChange(next);
        }}
        className={`${FIELD} w-full font-mono`}
      />
    </span>
  );
}

/** The processes a run starts, one row each: name, the file it starts, a start delay, its arguments; add and remove within the run API's limit. */
export default function ProcessList({
  processes,
  files,
  dispatch,
}: {
  processes: readonly ProcessDef[];
  files: readonly string[];
  dispatch(action: ScratchAction): void;
}) {
  const id = useId();
  const full = processes.length >= RUN_LIMITS.maxProcesses;
  return (
    <fieldset className="min-w-0 space-y-2 border-t border-(--border) px-3 py-3 sm:px-4" data-testid="process-list">
      <legend className="sr-only">Processes</legend>
      <div className="flex flex-wrap items-center gap-2">
        <h3 aria-hidden="true" className="text-sm font-semibold">
          Processes
        </h3>
        <span className="text-xs text-(--muted-fg)">
          Run starts them together, each after its delay, each with its own terminal (at most {RUN_LIMITS.maxProcesses}).
        </span>
        <button
          type="button"
          className={`${SMALL} ml-auto`}
          aria-disabled={full}
          title={full ? `A run may start at most ${RUN_LIMITS.maxProcesses} processes` : 'Add a process'}
          onClick={() => !full && dispatch({ type: 'add-process' })}
        >
          + process
        </button>
      </div>
      <ol className="space-y-2">
        {processes.map((p, index) => {
          const problem = processNameProblem(p.name, index, processes);
          const row = `${id}-${index}`;
          return (
            <li key={index} className="flex flex-wrap items-end gap-2" data-process-row={index}>
              <span className="flex min-w-0 flex-col gap-0.5">
                <label htmlFor={`${row}-name`} className="text-xs text-(--muted-fg)">
                  Process {index + 1} name
                </label>
                <input
                  id={`${row}-name`}
                  value={p.name}
                  spellCheck={false}
                  aria-invalid={problem !== null}
                  aria-describedby={problem ? `${row}-problem` : undefined}
                  onChange={(event) => dispatch({ type: 'set-process', index, patch: { name: event.target.value } })}
                  className={`${FIELD} w-36 font-mono`}
                />
              </span>
              <span className="flex min-w-0 flex-col gap-0.5">
                <label htmlFor={`${row}-entry`} className="text-xs text-(--muted-fg)">
                  Process {index + 1} file
                </label>
                <select
                  id={`${row}-entry`}
                  value={p.entry}
                  onChange={(event) => dispatch({ type: 'set-process', index, patch: { entry: event.target.value } })}
                  className={`${FIELD} w-40 font-mono`}
                >
                  {files.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </span>
              <span className="flex min-w-0 flex-col gap-0.5">
                <label htmlFor={`${row}-delay`} className="text-xs text-(--muted-fg)">
                  Process {index + 1} delay (ms)
                </label>
                <input
                  id={`${row}-delay`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={RUN_LIMITS.maxDelayMs}
                  step={50}
                  value={p.delayMs ?? 0}
                  onChange={(event) => {
                    const value = Math.round(Number(event.target.value));
                    if (Number.isFinite(value)) dispatch({ type: 'set-process', index, patch: { delayMs: Math.min(Math.max(value, 0), RUN_LIMITS.maxDelayMs) || undefined } });
                  }}
                  className={`${FIELD} w-24`}
                />
              </span>
              <ArgsField
                id={`${row}-args`}
                label={`Process ${index + 1} arguments`}
                args={p.args ?? NO_ARGS}
                onChange={(args) => dispatch({ type: 'set-process', index, patch: { args } })}
              />
              <button
                type="button"
                className={SMALL}
                aria-disabled={processes.length <= 1}
                title={processes.length <= 1 ? 'A run starts one process at least' : undefined}
                onClick={() => processes.length > 1 && dispatch({ type: 'remove-process', index })}
              >
                Remove<span className="sr-only"> process {p.name}</span>
              </button>
              {problem && (
                <p id={`${row}-problem`} className="basis-full text-sm text-red-800 dark:text-red-300">
                  {problem}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
