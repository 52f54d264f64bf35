'use client';

import { useRef, type KeyboardEvent } from 'react';
import { tabAfterKey } from './tabKeys';

export interface TabFile {
  name: string;
  /** The processes that start from it, when their names differ from the file's. */
  runsAs: string[];
  edited: boolean;
  /** Shown greyed: in a comparison, the file exists on one side only. */
  missing?: string;
}

/**
 * The files of a snippet as tabs (arrow keys, Home and End move between
 * them); a dot marks edited files. On a narrow screen they wrap onto a
 * second line rather than being cut.
 */
export default function FileTabs({
  idPrefix,
  panelId,
  files,
  active,
  onSelect,
}: {
  idPrefix: string;
  panelId: string;
  files: readonly TabFile[];
  active: string;
  onSelect(name: string): void;
}) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const target = tabAfterKey(event.key, index, files.length);
    if (target < 0) return;
    event.preventDefault();
    onSelect(files[target]!.name);
    tabs.current[target]?.focus();
  }

  return (
    <div role="tablist" aria-label="Files" className="flex min-w-0 flex-wrap">
      {files.map((f, index) => {
        const selected = f.name === active;
        return (
          <button
            key={f.name}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${index}`}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => onSelect(f.name)}
            onKeyDown={(event) => onKeyDown(event, index)}
            data-file-tab={f.name}
            className={`-mb-px inline-flex min-w-0 items-center gap-1.5 border-b-2 px-3 py-2 font-mono break-all text-[0.8125rem] transition-colors ${
              selected
                ? 'border-red-700 text-(--page-fg) dark:border-red-400'
                : 'border-transparent text-(--muted-fg) hover:text-(--page-fg)'
            } ${f.missing ? 'italic' : ''}`}
          >
            {f.name}
            {f.runsAs.length > 0 && f.runsAs.join() !== f.name.replace(/\.\w+$/, '') && (
              <span className="font-sans text-xs text-(--muted-fg)">({f.runsAs.join(', ')})</span>
            )}
            {f.edited && (
              <span className="inline-flex items-center" title="Edited">
                <span aria-hidden="true" className="size-1.5 rounded-full bg-amber-600 dark:bg-amber-400" />
                <span className="sr-only">(edited)</span>
              </span>
            )}
            {f.missing && <span className="sr-only">({f.missing})</span>}
          </button>
        );
      })}
    </div>
  );
}
