'use client';

import { useId } from 'react';
import { RUN_LIMITS, type ProcessDef } from '../../../../runner/protocol';
import { SMALL } from '../buttons';
import { processNameProblem, type ScratchAction } from './state';

const FIELD = 'min-h-9 min-w-0 rounded-md border border-(--border-strong) bg-(--page-bg) px-2 text-sm';

/** The processes a run starts, one row each: name, the file it starts, a start delay; add and remove within the run API's limit. */
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
