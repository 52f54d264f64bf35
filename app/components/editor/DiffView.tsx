'use client';

import type { editor } from 'monaco-editor';
import { useEffect, useRef } from 'react';
import { loadMonaco, type Monaco } from './loadMonaco';
import { readMetrics } from './metrics';
import { modelFor, syncModels } from './models';
import { followSiteTheme } from './monacoTheme';
import { baseOptions } from './options';

export interface DiffSide {
  /** The models' folder. */
  folder: string;
  files: Record<string, string>;
  /** "Fixed: both sockets in one process", "Your code", "Lesson’s original"… */
  label: string;
  /**
   * The playground's own editable models (the modified side of "My changes"):
   * edits made here are the learner's edits. Otherwise a read-only copy.
   */
  live?: boolean;
}

export interface DiffViewProps {
  host: HTMLElement;
  original: DiffSide;
  modified: DiffSide;
  file: string;
  /** Whether the modified side may be edited (it must be `live`). */
  editable: boolean;
  onChange?(file: string, code: string): void;
  onHeight(height: number): void;
  onReady(): void;
  onError(message: string): void;
}

/** Narrowest diff that may go side by side, whatever its lines (Monaco's own default breakpoint is 900). */
const MIN_SIDE_BY_SIDE = 560;
/** Columns of a line a side must show at least: longer lines are let scroll. */
const MAX_LINE_COLS = 100;

/**
 * The width below which the diff shows inline: twice what one side needs to
 * show the longest line of either file whole — its characters in the
 * editor's measured font, the line numbers and margin — so a side by side
 * diff never cuts lines a single editor would show.
 */
function inlineBreakpoint(monaco: Monaco, diff: editor.IStandaloneDiffEditor, models: editor.ITextModel[]): number {
  const modified = diff.getModifiedEditor();
  const charWidth = modified.getOption(monaco.editor.EditorOption.fontInfo).typicalHalfwidthCharacterWidth;
  let longest = 0;
  for (const model of models) for (const line of model.getLinesContent()) longest = Math.max(longest, line.length);
  // Line numbers (lineNumbersMinChars + 1), their decoration margin and the scroll bar.
  const gutter = 4 * charWidth + 10 + 24;
  return Math.max(MIN_SIDE_BY_SIDE, Math.ceil(2 * (Math.min(longest, MAX_LINE_COLS) * charWidth + gutter)));
}

/**
 * Monaco's diff editor for one file: side by side when each side has room
 * for the longest line, inline otherwise (a lesson's column, a phone),
 * unchanged stretches folded away. A file missing on one side is compared
 * with an empty one.
 */
export default function DiffView(props: DiffViewProps) {
  const latest = useRef(props);
  latest.current = props;
  const state = useRef<{ monaco: Monaco; diff: editor.IStandaloneDiffEditor } | null>(null);

  function setModels(s: { monaco: Monaco; diff: editor.IStandaloneDiffEditor }) {
    const { original, modified, file } = latest.current;
    // Every file of a side gets a model (imports between them resolve); a missing one compares as empty.
    const model = (side: DiffSide) => {
      if (side.live && file in side.files) return modelFor(s.monaco, side.folder, file, side.files[file]!);
      const folder = side.live ? `${side.folder}/.missing` : side.folder;
      if (!side.live) syncModels(s.monaco, folder, side.files);
      return syncModels(s.monaco, folder, { [file]: side.files[file] ?? '' })[0]!;
    };
    const originalModel = model(original);
    const modifiedModel = model(modified);
    const current = s.diff.getModel();
    if (current?.original !== originalModel || current?.modified !== modifiedModel) {
      s.diff.setModel({ original: originalModel, modified: modifiedModel });
    }
    s.diff.updateOptions({ renderSideBySideInlineBreakpoint: inlineBreakpoint(s.monaco, s.diff, [originalModel, modifiedModel]) });
    s.diff.getOriginalEditor().updateOptions({ ariaLabel: `${file}, ${original.label} (read only)` });
    s.diff.getModifiedEditor().updateOptions({
      ariaLabel: `${file}, ${modified.label}${latest.current.editable ? '' : ' (read only)'}`,
    });
  }

  useEffect(() => {
    let disposed = false;
    const cleanup: { dispose(): void }[] = [];
    const host = props.host;
    loadMonaco()
      .then((monaco) => {
        if (disposed) return;
        followSiteTheme(monaco);
        const metrics = readMetrics(host);
        const diff = monaco.editor.createDiffEditor(host, {
          ...baseOptions(metrics),
          renderSideBySide: true,
          useInlineViewWhenSpaceIsLimited: true,
          renderSideBySideInlineBreakpoint: MIN_SIDE_BY_SIDE,
          enableSplitViewResizing: false,
          originalEditable: false,
          readOnly: !latest.current.editable,
          renderOverviewRuler: false,
          ignoreTrimWhitespace: false,
          renderMarginRevertIcon: false,
          hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 5, revealLineCount: 10 },
        });
        const s = { monaco, diff };
        state.current = s;
        setModels(s);
        const height = () =>
          latest.current.onHeight(Math.max(diff.getOriginalEditor().getContentHeight(), diff.getModifiedEditor().getContentHeight()));
        cleanup.push(
          diff.getOriginalEditor().onDidContentSizeChange(height),
          diff.getModifiedEditor().onDidContentSizeChange(height),
          diff.getModifiedEditor().onDidChangeModelContent(() => {
            const model = diff.getModifiedEditor().getModel();
            if (model && latest.current.modified.live) latest.current.onChange?.(latest.current.file, model.getValue());
          }),
        );
        height();
        latest.current.onReady();
      })
      .catch((error: unknown) => {
        if (!disposed) latest.current.onError(error instanceof Error ? error.message : String(error));
      });
    return () => {
      disposed = true;
      for (const listener of cleanup) listener.dispose();
      const s = state.current;
      state.current = null;
      if (!s) return;
      s.diff.setModel(null);
      s.diff.dispose();
      // The read-only copies go; the playground's own models stay with its editor.
      for (const side of [latest.current.original, latest.current.modified]) {
        const folder = side.live ? `${side.folder}/.missing` : side.folder;
        for (const m of s.monaco.editor.getModels()) if (m.uri.path.startsWith(`/${folder}/`)) m.dispose();
      }
    };
  }, [props.host]);

  useEffect(() => {
    const s = state.current;
    if (s) setModels(s);
  }, [props.file, props.original, props.modified]);

  useEffect(() => {
    state.current?.diff.updateOptions({ readOnly: !props.editable });
  }, [props.editable]);

  return null;
}
