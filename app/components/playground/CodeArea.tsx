'use client';

import { lazy, Suspense, useCallback, useState } from 'react';
import type { DiffSide } from '../editor/DiffView';
import { loadMonaco } from '../editor/loadMonaco';
import { codeHeight, linesOf, MAX_LINES } from '../editor/metrics';
import { onDemand, useOnDemand } from '../editor/onDemand';
import type { SourceLocation } from '../run/model';

// The editor is loaded on demand, not by React.lazy: no Suspense, so nothing holds it back once it is in.
const codeEditor = onDemand(() => import('../editor/CodeEditor'));
const DiffView = lazy(() => import('../editor/DiffView'));

/** Starts loading the editor — its chunk and Monaco itself, side by side — before it is needed. */
export function preloadEditor() {
  codeEditor.preload();
  void loadMonaco().catch(() => undefined);
}

export type AreaView = { kind: 'code' } | { kind: 'diff'; original: DiffSide; modified: DiffSide; editable: boolean; key: string };

/**
 * The code: the server-highlighted placeholder (also what shows without
 * JavaScript) until the editor is ready, at exactly the editor's size; then
 * Monaco, or Monaco's diff view. The editor stays mounted behind a diff, so
 * it keeps its undo history, cursor and scroll.
 */
export default function CodeArea({
  near,
  blockId,
  folder,
  files,
  active,
  html,
  label,
  readOnly,
  view,
  runErrors,
  onChange,
  onRun,
  onSave,
  onTabLeaves,
}: {
  /** Load the editor (the playground is near the viewport). */
  near: boolean;
  blockId: string;
  folder: string;
  files: Record<string, string>;
  active: string;
  /** The active file's highlighted original, when its code is unchanged. */
  html: string | null;
  label: string;
  readOnly: boolean;
  view: AreaView;
  /** Where the last run went wrong: marked in the editor. */
  runErrors?: SourceLocation[];
  onChange(file: string, code: string): void;
  onRun(): void;
  onSave(): void;
  onTabLeaves(armed: boolean): void;
}) {
  const [editorHost, setEditorHost] = useState<HTMLDivElement | null>(null);
  const [diffHost, setDiffHost] = useState<HTMLDivElement | null>(null);
  const [ready, setReady] = useState(false);
  const [editorHeight, setEditorHeight] = useState<number | null>(null);
  const [diffReady, setDiffReady] = useState<string | null>(null);
  const [diffHeight, setDiffHeight] = useState<number | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const code = files[active] ?? '';
  const diff = view.kind === 'diff' ? view : null;
  const showPlaceholder = failed !== null || !ready || (diff !== null && diffReady !== diff.key);

  const onReady = useCallback(() => setReady(true), []);
  const onDiffReady = useCallback(() => setDiffReady(diff?.key ?? null), [diff?.key]);
  const onError = useCallback((message: string) => setFailed(message), []);
  const CodeEditor = useOnDemand(codeEditor, near && editorHost !== null, onError);

  // A diff shows at least a dozen lines; the editor exactly its code; both at most MAX_LINES.
  const lines = linesOf(code);
  const placeholderHeight = codeHeight(diff ? Math.max(lines, 12) : lines);
  const cap = `calc(${MAX_LINES} * var(--code-lh) + 2 * var(--code-pad))`;
  const pixels = diff ? (diffReady === diff.key ? diffHeight : null) : ready ? editorHeight : null;
  const height = pixels !== null ? `min(${Math.max(pixels, 1)}px, ${cap})` : placeholderHeight;

  return (
    <div className="playground-code relative" style={{ height }} data-editor={ready && !failed ? 'ready' : 'loading'}>
      {showPlaceholder && (
        <div className="absolute inset-0 overflow-auto" data-placeholder>
          {html !== null && !diff ? (
            <div dangerouslySetInnerHTML={{ __html: html }} />
          ) : (
            <pre className="shiki" tabIndex={0}>
              <code>
                {code.split('\n').map((line, index) => (
                  <span key={index} className="line">
                    {line}
                    {'\n'}
                  </span>
                ))}
              </code>
            </pre>
          )}
        </div>
      )}
      {failed && (
        <p role="alert" className="absolute right-2 bottom-2 left-2 rounded-md bg-(--surface-strong) px-3 py-2 text-sm">
          The editor could not load ({failed}). The code is shown read-only; Run still runs it.
        </p>
      )}
      <div ref={setEditorHost} className="absolute inset-0" style={{ visibility: ready && !diff ? 'visible' : 'hidden' }} />
      {diff && <div key={diff.key} ref={setDiffHost} className="absolute inset-0" />}
      {CodeEditor && editorHost && (
        <CodeEditor
          host={editorHost}
          folder={folder}
          files={files}
          active={active}
          label={label}
          readOnly={readOnly}
          testId={blockId}
          runErrors={runErrors}
          onChange={onChange}
          onRun={onRun}
          onSave={onSave}
          onReady={onReady}
          onHeight={setEditorHeight}
          onTabLeaves={onTabLeaves}
          onError={onError}
        />
      )}
      {near && diff && diffHost && (
        <Suspense fallback={null}>
          <DiffView
            key={diff.key}
            host={diffHost}
            original={diff.original}
            modified={diff.modified}
            file={active}
            editable={diff.editable}
            onChange={onChange}
            onHeight={setDiffHeight}
            onReady={onDiffReady}
            onError={onError}
          />
        </Suspense>
      )}
    </div>
  );
}
