import type { Monaco } from './loadMonaco';

/**
 * Light and dark editor themes close to the server-highlighted code (GitHub's
 * palettes), so nothing changes colour when the editor replaces it, with every
 * token at 4.5:1 or better on the page background. Follows the site's theme
 * (the `dark` class on <html>), live.
 */

const LIGHT = {
  bg: '#ffffff',
  fg: '#24292e',
  keyword: '#cf222e',
  string: '#0a3069',
  number: '#0550ae',
  comment: '#6a737d',
  type: '#6639ba',
  regexp: '#116329',
  muted: '#6e7781',
  inserted: '#dafbe1',
  insertedText: '#aceebb',
  removed: '#ffebe9',
  removedText: '#ffcecb',
};

const DARK = {
  bg: '#09090b',
  fg: '#e1e4e8',
  keyword: '#ff7b72',
  string: '#a5d6ff',
  number: '#79c0ff',
  comment: '#959da5',
  type: '#d2a8ff',
  regexp: '#7ee787',
  muted: '#8b949e',
  inserted: '#12261e',
  insertedText: '#1f4a2f',
  removed: '#2d1517',
  removedText: '#5c2327',
};

function define(monaco: Monaco, name: string, base: 'vs' | 'vs-dark', c: typeof LIGHT) {
  const strip = (hex: string) => hex.slice(1);
  monaco.editor.defineTheme(name, {
    base,
    inherit: true,
    rules: [
      { token: '', foreground: strip(c.fg) },
      { token: 'keyword', foreground: strip(c.keyword) },
      { token: 'string', foreground: strip(c.string) },
      { token: 'string.escape', foreground: strip(c.string) },
      { token: 'number', foreground: strip(c.number) },
      { token: 'comment', foreground: strip(c.comment), fontStyle: 'italic' },
      { token: 'type', foreground: strip(c.type) },
      { token: 'type.identifier', foreground: strip(c.type) },
      { token: 'regexp', foreground: strip(c.regexp) },
      { token: 'delimiter', foreground: strip(c.fg) },
      { token: 'identifier', foreground: strip(c.fg) },
    ],
    colors: {
      'editor.background': c.bg,
      'editor.foreground': c.fg,
      'editorLineNumber.foreground': c.muted,
      'editorLineNumber.activeForeground': c.fg,
      'editorGutter.background': c.bg,
      'diffEditor.insertedLineBackground': c.inserted,
      'diffEditor.insertedTextBackground': c.insertedText,
      'diffEditor.removedLineBackground': c.removed,
      'diffEditor.removedTextBackground': c.removedText,
      'diffEditorGutter.insertedLineBackground': c.inserted,
      'diffEditorGutter.removedLineBackground': c.removed,
    },
  });
}

let watching = false;

const isDark = () => document.documentElement.classList.contains('dark');

/** Defines the themes once, applies the current one, and follows theme changes. */
export function followSiteTheme(monaco: Monaco) {
  if (watching) return;
  watching = true;
  define(monaco, 'zmq-light', 'vs', LIGHT);
  define(monaco, 'zmq-dark', 'vs-dark', DARK);
  const apply = () => monaco.editor.setTheme(isDark() ? 'zmq-dark' : 'zmq-light');
  apply();
  new MutationObserver(apply).observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
}
