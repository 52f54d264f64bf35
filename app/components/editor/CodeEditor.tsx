'use client';

import type { editor } from 'monaco-editor';
import { useEffect, useRef, useState } from 'react';
import { focusOutside } from './leaveEditor';
import { loadMonaco, type Monaco } from './loadMonaco';
import { editorStarted } from './startup';
import { readMetrics } from './metrics';
import { modelFor, replaceText, type Model } from './models';
import { followSiteTheme } from './monacoTheme';
import { baseOptions } from './options';
import type { SourceLocation } from '../run/model';

export interface CodeEditorProps {
  /** The models' folder: `<lesson>/<block>/<variant>`. */
  folder: string;
  /** The current code of every file of the variant. */
  files: Record<string, string>;
  active: string;
  /** Read by screen readers with each file's name. */
  label: string;
  readOnly?: boolean;
  /** The element the editor fills; its CSS gives the font and line metrics. */
  host: HTMLElement;
  /** Registered as `window.__zmqEditors[testId]` (for tests and the curious). */
  testId: string;
  /** Where the last run went wrong: a marker on each line, hovered for the message. */
  runErrors?: SourceLocation[];
  onChange(file: string, code: string): void;
  onRun(): void;
  onSave(): void;
  onReady(): void;
  /** The code's height in pixels, whenever it changes. */
  onHeight(height: number): void;
  /** Escape was pressed: the next Tab leaves the editor (true), or not any more (false). */
  onTabLeaves(armed: boolean): void;
  onError(message: string): void;
}

/** The owner of the markers a run's errors put in the editor (TypeScript's are another). */
const RUN_MARKERS = 'zmq-run';

declare global {
  interface Window {
    __zmqEditors?: Record<string, { value(file?: string): string; editor: editor.IStandaloneCodeEditor }>;
  }
}

/**
 * Monaco on one playground: a model per file (tabs switch models, keeping
 * each file's undo history, cursor and scroll), TypeScript with zeromq's
 * types, Ctrl/⌘+Enter runs, Ctrl/⌘+S saves at once, Escape then Tab leaves.
 * Renders nothing itself: it fills `host`.
 */
export default function CodeEditor(props: CodeEditorProps) {
  const latest = useRef(props);
  latest.current = props;
  const state = useRef<{ monaco: Monaco; editor: editor.IStandaloneCodeEditor; views: Map<string, editor.ICodeEditorViewState | null> } | null>(null);
  const [ready, setReady] = useState(false);

  const model = (monaco: Monaco, file: string): Model =>
    modelFor(monaco, latest.current.folder, file, latest.current.files[file] ?? '');

  useEffect(() => {
    let disposed = false;
    const cleanup: { dispose(): void }[] = [];
    const host = props.host;

    loadMonaco()
      .then((monaco) => {
        if (disposed) return;
        followSiteTheme(monaco);
        const metrics = readMetrics(host);
        const p = latest.current;
        // Every file's model exists from the start, so imports between them resolve.
        for (const file of Object.keys(p.files)) model(monaco, file);
        const ed = monaco.editor.create(host, {
          ...baseOptions(metrics),
          model: model(monaco, p.active),
          readOnly: p.readOnly ?? false,
          ariaLabel: `${p.active}, ${p.label}. Ctrl+Enter runs; Escape then Tab leaves the editor.`,
        });
        state.current = { monaco, editor: ed, views: new Map() };
        // The code's own height, as the placeholder has it: the horizontal scrollbar
        // overlays the bottom padding instead of adding to the height.
        const height = () => (ed.getModel()?.getLineCount() ?? 1) * metrics.lineHeight + 2 * metrics.padding;

        // Actions belong to this editor only (addCommand would bind every editor on the page).
        ed.addAction({
          id: 'zmq.run',
          label: 'Run the program',
          keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
          run: () => latest.current.onRun(),
        });
        ed.addAction({
          id: 'zmq.save',
          label: 'Save my edits in this browser',
          keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
          run: () => latest.current.onSave(),
        });

        let armed = false;
        const arm = (value: boolean) => {
          if (armed === value) return;
          armed = value;
          latest.current.onTabLeaves(value);
        };
        cleanup.push(
          ed.onKeyDown((event) => {
            if (event.keyCode === monaco.KeyCode.Escape) {
              arm(true);
              return;
            }
            if (event.keyCode === monaco.KeyCode.Tab && armed && !event.ctrlKey && !event.altKey && !event.metaKey) {
              event.preventDefault();
              event.stopPropagation();
              arm(false);
              focusOutside(host, event.shiftKey);
              return;
            }
            const modifier = [monaco.KeyCode.Shift, monaco.KeyCode.Ctrl, monaco.KeyCode.Alt, monaco.KeyCode.Meta].includes(event.keyCode);
            if (!modifier) arm(false);
          }),
          ed.onDidBlurEditorText(() => arm(false)),
          ed.onDidChangeModelContent(() => {
            const current = ed.getModel();
            if (!current) return;
            const file = current.uri.path.split('/').pop()!;
            latest.current.onChange(file, current.getValue());
          }),
          ed.onDidContentSizeChange(() => latest.current.onHeight(height())),
        );
        latest.current.onHeight(height());

        window.__zmqEditors ??= {};
        window.__zmqEditors[p.testId] = {
          value: (file) => (file ? model(monaco, file).getValue() : (ed.getModel()?.getValue() ?? '')),
          editor: ed,
        };
        setReady(true);
        latest.current.onReady();
        editorStarted();
      })
      .catch((error: unknown) => {
        if (!disposed) latest.current.onError(error instanceof Error ? error.message : String(error));
      });

    return () => {
      disposed = true;
      for (const listener of cleanup) listener.dispose();
      const s = state.current;
      if (!s) return;
      if (window.__zmqEditors?.[latest.current.testId]?.editor === s.editor) delete window.__zmqEditors[latest.current.testId];
      s.editor.dispose();
      // This playground's models go with it (every variant it showed).
      const prefix = `/${latest.current.folder.split('/').slice(0, 2).join('/')}/`;
      for (const m of s.monaco.editor.getModels()) if (m.uri.path.startsWith(prefix)) m.dispose();
      state.current = null;
    };
    // Created once per host; the props are applied by the effects below.
  }, [props.host]);

  // The shown file (or variant) changed: switch models, keeping each one's cursor and scroll.
  useEffect(() => {
    const s = state.current;
    if (!s) return;
    const next = model(s.monaco, props.active);
    const current = s.editor.getModel();
    if (current === next) return;
    if (current) s.views.set(current.uri.toString(), s.editor.saveViewState());
    s.editor.setModel(next);
    const view = s.views.get(next.uri.toString());
    if (view) s.editor.restoreViewState(view);
    s.editor.updateOptions({ ariaLabel: `${props.active}, ${props.label}. Ctrl+Enter runs; Escape then Tab leaves the editor.` });
  });

  // Code changed outside the editor (Reset, a solution, a shared link, another tab): one undoable edit.
  useEffect(() => {
    const s = state.current;
    if (!s) return;
    for (const [file, code] of Object.entries(props.files)) replaceText(model(s.monaco, file), code);
  }, [props.files, props.folder]);

  useEffect(() => {
    state.current?.editor.updateOptions({ readOnly: props.readOnly ?? false });
  }, [props.readOnly]);

  // The run's errors, beside TypeScript's own (another owner, so neither clears the other).
  // Markers stay where they are as the learner edits, and go with the next run.
  const runErrors = props.runErrors ?? [];
  useEffect(() => {
    const s = state.current;
    if (!s) return;
    for (const file of Object.keys(latest.current.files)) {
      const m = model(s.monaco, file);
      const markers = runErrors
        .filter((error) => error.file === file && error.line >= 1 && error.line <= m.getLineCount())
        .map((error) => {
          const line = error.line;
          const start = Math.min(Math.max(error.column, 1), m.getLineMaxColumn(line));
          return {
            severity: s.monaco.MarkerSeverity.Error,
            message: error.message,
            source: 'run',
            startLineNumber: line,
            startColumn: start,
            endLineNumber: line,
            endColumn: Math.max(m.getLineMaxColumn(line), start + 1),
          };
        });
      s.monaco.editor.setModelMarkers(m, RUN_MARKERS, markers);
    }
  }, [runErrors, props.folder, ready]);

  return null;
}
