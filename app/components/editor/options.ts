import type { editor } from 'monaco-editor';
import type { EditorMetrics } from './metrics';

/** Editor options shared by the code editor and the diff views: a quiet editor that fits a lesson. */
export function baseOptions(metrics: EditorMetrics): editor.IEditorOptions {
  return {
    fontFamily: metrics.fontFamily,
    fontSize: metrics.fontSize,
    lineHeight: metrics.lineHeight,
    padding: { top: metrics.padding, bottom: metrics.padding },
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    lineNumbersMinChars: 3,
    lineDecorationsWidth: 10,
    glyphMargin: false,
    folding: false,
    // The last line's number at full contrast (dimmed, it fails WCAG AA).
    renderFinalNewline: 'on',
    renderLineHighlight: 'line',
    renderLineHighlightOnlyWhenFocus: true,
    overviewRulerLanes: 0,
    overviewRulerBorder: false,
    hideCursorInOverviewRuler: true,
    stickyScroll: { enabled: false },
    scrollbar: {
      // The page scrolls on when the editor cannot.
      alwaysConsumeMouseWheel: false,
      useShadows: false,
      verticalScrollbarSize: 10,
      horizontalScrollbarSize: 10,
    },
    fixedOverflowWidgets: false,
    contextmenu: true,
  };
}
