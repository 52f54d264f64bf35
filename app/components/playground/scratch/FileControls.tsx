'use client';

import { useId, useState, type FormEvent } from 'react';
import { RUN_LIMITS } from '../../../../runner/protocol';
import { SMALL } from '../buttons';
import { fileNameProblem, type ScratchAction } from './state';

type Mode = { kind: 'none' } | { kind: 'add' } | { kind: 'rename' } | { kind: 'delete' };

/** "+ file", "Rename" and "Delete" for the file on show; names are checked by the run API's rule as they are typed. */
export default function FileControls({
  files,
  active,
  dispatch,
  onSelect,
}: {
  files: Record<string, string>;
  active: string;
  dispatch(action: ScratchAction): void;
  onSelect(name: string): void;
}) {
  const id = useId();
  const [mode, setMode] = useState<Mode>({ kind: 'none' });
  const [name, setName] = useState('');
  const count = Object.keys(files).length;
  const full = count >= RUN_LIMITS.maxFiles;
  const problem = mode.kind === 'add' ? fileNameProblem(name, files) : mode.kind === 'rename' ? fileNameProblem(name, files, active) : null;
  const close = () => setMode({ kind: 'none' });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (problem) return;
    if (mode.kind === 'add') dispatch({ type: 'add-file', name });
    else if (mode.kind === 'rename') dispatch({ type: 'rename-file', from: active, to: name });
    onSelect(name);
    close();
  }

  return (
    <div className="flex flex-wrap items-center gap-1.5 py-1.5" data-testid="file-controls">
      <button
        type="button"
        className={SMALL}
        aria-disabled={full}
        title={full ? `A run may have at most ${RUN_LIMITS.maxFiles} files` : 'Add a file'}
        onClick={() => {
          if (full) return;
          setName(`file${count + 1}.ts`);
          setMode({ kind: 'add' });
        }}
      >
        + file
      </button>
      <button
        type="button"
        className={SMALL}
        onClick={() => {
          setName(active);
          setMode({ kind: 'rename' });
        }}
      >
        Rename<span className="sr-only"> {active}</span>
      </button>
      <button type="button" className={SMALL} aria-disabled={count <= 1} title={count <= 1 ? 'A run needs one file at least' : undefined} onClick={() => count > 1 && setMode({ kind: 'delete' })}>
        Delete<span className="sr-only"> {active}</span>
      </button>
      {(mode.kind === 'add' || mode.kind === 'rename') && (
        <form onSubmit={submit} className="flex basis-full flex-wrap items-center gap-2 pt-1">
          <label htmlFor={`${id}-name`} className="text-sm">
            {mode.kind === 'add' ? 'New file name' : `New name for ${active}`}
          </label>
          <input
            id={`${id}-name`}
            autoFocus
            value={name}
            spellCheck={false}
            aria-invalid={problem !== null}
            aria-describedby={`${id}-problem`}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && close()}
            className="min-h-9 w-44 min-w-0 rounded-md border border-(--border-strong) bg-(--page-bg) px-2 font-mono text-sm"
          />
          <button type="submit" className={SMALL} aria-disabled={problem !== null}>
            {mode.kind === 'add' ? 'Add' : 'Rename'}
          </button>
          <button type="button" className={SMALL} onClick={close}>
            Cancel
          </button>
          <p id={`${id}-problem`} className="basis-full text-sm text-(--muted-fg) empty:hidden" data-testid="file-name-problem">
            {problem ?? ''}
          </p>
        </form>
      )}
      {mode.kind === 'delete' && (
        <div role="group" aria-label={`Delete ${active}`} className="flex basis-full flex-wrap items-center gap-2 pt-1 text-sm">
          <span>Delete {active}? Its code is gone for good; processes that start it start another file.</span>
          <button
            type="button"
            className={SMALL}
            autoFocus
            onClick={() => {
              dispatch({ type: 'delete-file', name: active });
              onSelect(Object.keys(files).find((n) => n !== active)!);
              close();
            }}
          >
            Delete {active}
          </button>
          <button type="button" className={SMALL} onClick={close}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
