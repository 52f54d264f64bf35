'use client';

import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { playgroundKeyDown, saveNotice } from '../saveKeys';
import { decodeShare, parseHash, ShareError } from '../../editor/share';
import { folderOf } from '../../editor/models';
import RunButtons from '../../run/RunButtons';
import { useRun } from '../../run/useRun';
import type { SourceLocation } from '../../run/model';
import { preloadTerminal } from '../../terminal/TerminalPane';
import CodeSourceBanners from '../CodeSourceBanners';
import EditorHint from '../EditorHint';
import { SMALL } from '../buttons';
import CodeArea, { preloadEditor } from '../CodeArea';
import FileTabs from '../FileTabs';
import PlaygroundHeader from '../PlaygroundHeader';
import RunOutput from '../RunOutput';
import FileControls from './FileControls';
import ProcessList from './ProcessList';
import ScratchShare from './ScratchShare';
import { checkProgram, runProblem, type ScratchProgram } from './state';
import { useScratch } from './useScratch';

/** The block id of the /playground: `#scratch?code=…` links land here (and `?open=1`: code brought from a lesson). */
export const SCRATCH_ID = 'scratch';

export interface ScratchTemplate {
  id: string;
  title: string;
  label: string;
  program: ScratchProgram;
}

const NO_ERRORS: SourceLocation[] = [];
const AREA = { kind: 'code' } as const;

/**
 * The /playground: the learner's own program in as many files and processes
 * as a run may have, started from the page's program or a template, saved in
 * this browser, shared by link. Rules and edits are state.ts's; this renders.
 */
export default function ScratchPlayground({ initial, templates }: { initial: ScratchProgram; templates: ScratchTemplate[] }) {
  const uid = useId();
  const scratch = useScratch(initial);
  const { program } = scratch;
  const names = Object.keys(program.files);
  const [fileName, setFileName] = useState(names[0]!);
  const active = names.includes(fileName) ? fileName : names[0]!;
  const [notice, setNotice] = useState('');
  const [linkError, setLinkError] = useState<string | null>(null);
  const [tabLeaves, setTabLeaves] = useState(false);
  const [traced, setTraced] = useState(false);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 8000);
    return () => clearTimeout(timer);
  }, [notice]);

  const { state, busy, run, stop, sendInput, act, clear } = useRun();

  useEffect(() => {
    preloadEditor();
    const timer = setTimeout(preloadTerminal, 2000);
    return () => clearTimeout(timer);
  }, []);

  // Links: `#scratch?code=…` shows a shared program; `&open=1` (from a lesson) makes it the learner's at once.
  const latest = useRef(scratch);
  latest.current = scratch;
  useEffect(() => {
    let generation = 0;
    async function follow() {
      const current = ++generation;
      const link = parseHash(window.location.hash);
      if (!link || link.target !== SCRATCH_ID || link.code === null) return;
      const opening = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('open') === '1';
      try {
        const shared = await decodeShare(link.code);
        if (current !== generation) return;
        // Checked already; a link without processes starts what a run of its files would.
        const next = checkProgram({ files: shared.files, processes: shared.processes });
        if (opening) {
          latest.current.open(next);
          history.replaceState(null, '', `#${SCRATCH_ID}`);
          setNotice('The lesson’s code is in the playground now, saved in this browser.');
        } else latest.current.showShared(next);
        setFileName(Object.keys(next.files)[0]!);
        setLinkError(null);
      } catch (error) {
        if (current !== generation) return;
        setLinkError(error instanceof ShareError ? error.message : 'The link’s code could not be read.');
      }
    }
    void follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const problem = runProblem(program);
  const start = useCallback(() => {
    if (busy) return;
    if (problem) {
      setNotice(`Not run: ${problem}`);
      return;
    }
    void run({ files: program.files, processes: program.processes, playground: SCRATCH_ID, ...(traced ? { trace: true } : {}) });
  }, [busy, problem, run, program, traced]);

  const save = () => setNotice(saveNotice(scratch.shared, scratch.storageFull));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => playgroundKeyDown(event, { run: start, save });

  const onChange = useCallback((name: string, code: string) => scratch.dispatch({ type: 'edit', name, code }), [scratch]);
  const entries = useMemo(() => Object.fromEntries(program.processes.map((p) => [p.name, p.entry])), [program.processes]);
  const titleId = `${uid}-title`;
  const hintId = `${uid}-hint`;
  const panelId = `${uid}-panel`;
  const folder = `${folderOf('', SCRATCH_ID)}/main`;

  return (
    <div className="space-y-4">
      {templates.length > 0 && (
        <div role="group" aria-labelledby={`${uid}-templates`} className="flex flex-wrap items-center gap-2" data-testid="templates">
          <span id={`${uid}-templates`} className="text-sm font-semibold">
            Start from a template:
          </span>
          {templates.map((t) => (
            <button
              key={t.id}
              type="button"
              className={SMALL}
              title={t.title}
              data-template={t.id}
              onClick={() => {
                scratch.open(t.program);
                setFileName(Object.keys(t.program.files)[0]!);
                setNotice(`${t.label}: ${t.title}. Press Run.`);
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
      )}
      <div
        id={SCRATCH_ID}
        role="group"
        aria-labelledby={titleId}
        aria-describedby={hintId}
        data-playground={SCRATCH_ID}
        data-variant="main"
        data-variants="main"
        onKeyDown={onKeyDown}
        className="@container not-prose rounded-xl border border-(--border-strong) bg-(--page-bg) shadow-sm"
      >
        <PlaygroundHeader titleId={titleId} title="Scratchpad" exercise={false} solution={false} solved={false} processes={program.processes.map((p) => p.name)} />

        <div className="flex flex-wrap items-end justify-between gap-x-3 border-b border-(--border) px-2 sm:px-3">
          <FileTabs
            idPrefix={uid}
            panelId={panelId}
            active={active}
            onSelect={setFileName}
            files={names.map((name) => ({
              name,
              runsAs: program.processes.filter((p) => p.entry === name).map((p) => p.name),
              edited: false,
            }))}
          />
          <FileControls files={program.files} active={active} dispatch={scratch.dispatch} onSelect={setFileName} />
        </div>

        <div id={panelId} role="tabpanel" aria-labelledby={`${uid}-tab-${names.indexOf(active)}`} data-file={active}>
          <CodeArea
            near
            blockId={SCRATCH_ID}
            folder={folder}
            files={program.files}
            active={active}
            html={null}
            label="Scratchpad"
            readOnly={false}
            view={AREA}
            runErrors={state.end?.errors ?? NO_ERRORS}
            onChange={onChange}
            onRun={start}
            onSave={save}
            onTabLeaves={setTabLeaves}
          />
        </div>

        <ProcessList processes={program.processes} files={names} dispatch={scratch.dispatch} />

        <CodeSourceBanners
          blockId={SCRATCH_ID}
          linkError={linkError}
          shared={scratch.shared}
          what={{
            shared: 'a program',
            backup: 'Your own program was set aside when you replaced it (with a template, a lesson’s code or a shared link’s).',
          }}
          backLabel="Back to my code"
          onKeep={scratch.keepShared}
          onDrop={scratch.dropShared}
          backup={!!scratch.backup}
          onRestore={scratch.restoreBackup}
        />

        <div className="flex flex-wrap items-center gap-2 border-t border-(--border) px-3 py-3 sm:px-4">
          <RunButtons busy={busy} stopping={state.phase === 'stopping'} onRun={start} onStop={stop} />
          <ScratchShare program={program} />
          <EditorHint id={hintId} tabLeaves={tabLeaves} />
          {problem && (
            <p className="basis-full text-sm text-red-800 dark:text-red-300" data-testid="run-problem">
              {problem}
            </p>
          )}
          <p role="status" className="basis-full text-sm text-(--muted-fg) empty:hidden">
            {notice}
          </p>
        </div>

        <RunOutput
          state={state}
          entries={entries}
          single={program.processes.length === 1}
          onBlocked={null}
          sendInput={sendInput}
        act={act}
          clear={clear}
          trace={{ on: traced, set: setTraced, open: false }}
          readsInput={Object.values(program.files).some((text) => /process\.stdin|node:readline|from ["']readline["']/.test(text))}
          check={null}
        />
      </div>
    </div>
  );
}
