'use client';

import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { playgroundKeyDown, saveNotice } from './saveKeys';
import { folderOf } from '../editor/models';
import { afterEditorStart } from '../editor/startup';
import { exerciseKey, markSolved } from '../progress/store';
import { useProgress } from '../progress/useProgress';
import RunButtons from '../run/RunButtons';
import { useRun } from '../run/useRun';
import type { SourceLocation } from '../run/model';
import { useLang } from '../i18n/useLang';
import { preloadTerminal } from '../terminal/TerminalPane';
import { useInstructorVariants } from '../workshop/useInstructorVariants';
import CheckResult from './CheckResult';
import { checkDetails, noteText } from './checkPhrases';
import CodeArea, { preloadEditor, type AreaView } from './CodeArea';
import CodeSourceBanners from './CodeSourceBanners';
import EditorHint from './EditorHint';
import EmbedCodeControl from './EmbedCodeControl';
import FileTabs from './FileTabs';
import OpenInPlayground from './OpenInPlayground';
import { initialFileOf, usePlaygroundOptions } from './options';
import PlaygroundHeader from './PlaygroundHeader';
import ResetControl from './ResetControl';
import RunOutput from './RunOutput';
import ShareControl from './ShareControl';
import SolutionActions, { useLearnerCode } from './SolutionActions';
import type { PlaygroundData } from './types';
import { useHostedPlayground } from './useHostedPlayground';
import { useLinkTarget } from './useLinkTarget';
import { useNearViewport } from './useNearViewport';
import { usePlaygroundCode } from './usePlaygroundCode';
import VariantSwitcher from './VariantSwitcher';
import { activeTab, chosenView, codeArea, compareTargets, fileAfterSwitch, fileTabs, processPanes, runRequest, viewAfterSwitch, viewOptions } from './view';
import ViewSwitcher from './ViewSwitcher';

/**
 * A snippet of a lesson as a playground: variant switcher, file tabs, Monaco
 * (loaded when the block nears the viewport; until then, and without
 * JavaScript, the server-highlighted code at the same size), diffs, Run /
 * Stop / Reset / Share, and one terminal per process. Edits are saved in the
 * browser per snippet variant. Its element id is the block id, so
 * `#snippet` links land here; `#snippet?variant=…&code=…` too (useLinkTarget).
 * What it shows follows from its state by the pure functions of view.ts.
 */

/** One empty list, so the editor's markers are not redrawn on every render. */
const NO_ERRORS: SourceLocation[] = [];
export default function PlaygroundBlock({ data: given }: { data: PlaygroundData }) {
  // In a workshop, code the instructor broadcast to this snippet comes as extra variants.
  const data = useInstructorVariants(given);
  const lang = useLang();
  const block = useRef<HTMLDivElement>(null);
  const uid = useId();
  const hosted = usePlaygroundOptions();
  const near = useNearViewport(block);
  const [variantId, setVariantId] = useState(data.initialVariant);
  const variant = data.variants.find((v) => v.id === variantId) ?? data.variants[0]!;
  const code = usePlaygroundCode(data, variant);
  const learner = useLearnerCode(data);
  const [fileName, setFileName] = useState(() => initialFileOf(variant, hosted.initialFile));
  const [viewId, setViewId] = useState(data.solves ? 'yours' : 'code');
  const [tabLeaves, setTabLeaves] = useState(false);
  const [notice, setNotice] = useState('');
  // A notice ("Saved…", "server.ts is back…") fades after a while.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 8000);
    return () => clearTimeout(timer);
  }, [notice]);
  const [linkError, setLinkError] = useState<string | null>(null);
  // The socket trace: on for the snippets whose lesson asks for it, and in an embed with ?trace=1.
  const [traced, setTraced] = useState(data.trace || hosted.trace);
  useEffect(() => {
    if (hosted.trace) setTraced(true);
  }, [hosted.trace]);
  const progress = useProgress();
  const solved = data.exercise !== null && exerciseKey(data.lesson, data.id) in progress.solved;
  const readOnly = data.solves !== null || hosted.readOnly;

  const { state, busy, run, stop, sendInput, act, clear } = useRun({
    onCheck(check, request) {
      // Only the runner's verdict counts, and never for running the given solution.
      if (check.passed && data.exercise && data.lesson && request.variant !== 'solution') markSolved(data.lesson, data.id);
    },
  });

  // Near the viewport: the editor now; the terminal once the editor has started and the page
  // is idle (it is needed only after Run).
  useEffect(() => {
    if (!near) return;
    if (!hosted.outputOnly) preloadEditor();
    let cancelled = false;
    void afterEditorStart().then(() => {
      if (!cancelled) preloadTerminal();
    });
    return () => {
      cancelled = true;
    };
  }, [near, hosted.outputOnly]);

  const chooseVariant = useCallback(
    (id: string) => {
      setVariantId(id);
      const next = data.variants.find((v) => v.id === id);
      setFileName((name) => fileAfterSwitch(next, name));
      setViewId((view) => viewAfterSwitch(view, id));
    },
    [data.variants],
  );

  useLinkTarget(block, data.variants, {
    selectVariant: chooseVariant,
    openShared(id, files) {
      const target = data.variants.find((v) => v.id === id) ?? variant;
      if (id) chooseVariant(id);
      // A link may carry some of the files: the others are the lesson's.
      code.openShared({ variant: target.id, files: { ...target.request.files, ...files } });
      setLinkError(null);
    },
    sharedFailed: setLinkError,
  });

  const { variants, others } = data;
  const targets = useMemo(() => compareTargets({ variants, others }, variant.id), [variants, others, variant.id]);
  const options = viewOptions({ solves: data.solves !== null, targets, edited: code.edited.length, viewId });
  const view = chosenView(options, viewId);

  const base = folderOf(data.lesson, data.blockId);
  const folder = `${base}/${encodeURIComponent(variant.id)}`;
  const area = useMemo(
    () => codeArea({ view, base, folder, variant, files: code.files, original: code.original, edited: code.edited.length, learner, targets, readOnly }),
    [view, folder, base, code.files, code.original, code.edited.length, variant, learner, targets, readOnly],
  );

  // In a diff, the tabs list the files of both sides.
  const tabNames = useMemo(() => fileTabs(variant.files, area), [variant.files, area]);
  const active = activeTab(tabNames, fileName);
  const file = variant.files.find((f) => f.name === active);

  const start = () => {
    if (!busy) void run(runRequest(data, variant, code.files, traced));
  };
  useHostedPlayground(block, { variant: variant.id, files: code.files, edited: code.edited.length > 0 }, start);
  const save = () => setNotice(saveNotice(code.shared !== null, code.storageFull));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => playgroundKeyDown(event, { run: start, save });

  const titleId = `${uid}-title`;
  const hintId = `${uid}-hint`;
  const panelId = `${uid}-panel`;
  const panes = processPanes(variant, code.files);

  return (
    <div
      ref={block}
      id={data.blockId}
      role="group"
      aria-labelledby={titleId}
      aria-describedby={hosted.outputOnly ? undefined : hintId}
      data-playground={data.id}
      data-variant={variant.id}
      data-variants={data.variants.map((v) => v.id).join(' ')}
      onKeyDown={onKeyDown}
      className="@container not-prose my-8 rounded-xl border border-(--border-strong) bg-(--page-bg) shadow-sm"
    >
      <PlaygroundHeader
        titleId={titleId}
        title={data.title}
        exercise={data.exercise !== null && !data.solves}
        solution={data.solves !== null}
        solved={solved}
        processes={panes.names}
      />

      {data.variants.length > 1 && !hosted.outputOnly && (
        <VariantSwitcher name={`${uid}-variant`} variants={data.variants} value={variant.id} onChange={chooseVariant} />
      )}

      <div hidden={hosted.outputOnly} className="flex flex-wrap items-end justify-between gap-x-3 border-b border-(--border) px-2 sm:px-3">
        <FileTabs
          idPrefix={uid}
          panelId={panelId}
          active={active}
          onSelect={setFileName}
          files={tabNames.map((name) => {
            const f = variant.files.find((x) => x.name === name);
            return {
              name,
              runsAs: f?.runsAs ?? [],
              edited: code.edited.includes(name),
              missing: f ? undefined : `not in ${variant.label}`,
            };
          })}
        />
        <ViewSwitcher options={options} value={view} onChange={setViewId} />
      </div>

      <div hidden={hosted.outputOnly} id={panelId} role="tabpanel" aria-labelledby={`${uid}-tab-${tabNames.indexOf(active)}`} data-file={active}>
        <CodeArea
          near={near && !hosted.outputOnly}
          blockId={data.blockId}
          folder={folder}
          files={code.files}
          active={active}
          html={file && code.files[active] === code.original[active] ? file.html : null}
          label={`${data.title}${readOnly ? ' (read only)' : ''}`}
          readOnly={readOnly}
          view={area}
          runErrors={state.end?.errors ?? NO_ERRORS}
          onChange={code.setFile}
          onRun={start}
          onSave={save}
          onTabLeaves={setTabLeaves}
        />
      </div>

      <CodeSourceBanners
        blockId={data.blockId}
        linkError={linkError}
        shared={code.shared !== null}
        what={{ shared: 'code', backup: 'Your own code was set aside when you replaced it (with the solution or a shared link’s code).' }}
        backLabel={code.ownEdits ? 'Back to my code' : 'Back to the lesson’s code'}
        onKeep={code.keepShared}
        onDrop={code.dropShared}
        backup={!!code.backup && !data.solves}
        onRestore={code.restoreBackup}
      />

      <div className="flex flex-wrap items-center gap-2 border-t border-(--border) px-3 py-3 sm:px-4">
        <RunButtons busy={busy} stopping={state.phase === 'stopping'} onRun={start} onStop={stop} />
        {/* Output only: Run and Stop, nothing about code the reader does not see. */}
        {hosted.outputOnly ? null : data.solves ? (
          <SolutionActions data={data} solution={code.files} onDone={setNotice} />
        ) : (
          <>
            <ResetControl
              active={active}
              edited={code.edited}
              fileCount={variant.files.length}
              onResetFile={code.resetFile}
              onResetAll={code.resetAll}
              onDone={setNotice}
            />
            <ShareControl blockId={data.blockId} variant={variant.id} files={code.files} />
            <EmbedCodeControl data={data} variant={variant.id} files={code.files} edited={code.edited.length > 0} />
            {data.lesson && !hosted.embed && <OpenInPlayground files={code.files} processes={variant.request.processes} />}
          </>
        )}
        {!hosted.outputOnly && <EditorHint id={hintId} tabLeaves={tabLeaves} />}
        <p role="status" className="basis-full text-sm text-(--muted-fg) empty:hidden">
          {notice}
        </p>
      </div>

      <RunOutput
        state={state}
        entries={panes.entries}
        single={panes.single}
        onBlocked={data.onBlocked}
        sendInput={sendInput}
        act={act}
        clear={clear}
        trace={{ on: traced, set: setTraced, open: hosted.trace }}
        readsInput={Object.values(code.files).some((text) => /process\.stdin|node:readline|from ["']readline["']/.test(text))}
        check={
          state.check ? (
            <CheckResult
              check={state.check}
              counted={variant.id !== 'solution'}
              title={data.exercise?.checkTitle}
              details={checkDetails(state.check, data.wording?.check, state.end, state.blocked !== null, lang)}
            />
          ) : null
        }
        note={noteText(state.end, state.variant ? data.wording?.notes[state.variant] : undefined, lang)}
      />
    </div>
  );
}
