/**
 * The code area's size, shared by the server-highlighted placeholder and the
 * editor that replaces it, so nothing moves when the editor arrives: a line
 * height and padding from CSS (`.playground-code` in globals.css), at most
 * MAX_LINES lines tall, then it scrolls.
 */
export const MAX_LINES = 30;

export function linesOf(code: string): number {
  return code.split('\n').length;
}

/** Height of `lines` lines of code, in CSS (the variables follow the screen size). */
export function codeHeight(lines: number): string {
  return `calc(${Math.min(Math.max(lines, 1), MAX_LINES)} * var(--code-lh) + 2 * var(--code-pad))`;
}

export interface EditorMetrics {
  fontSize: number;
  lineHeight: number;
  padding: number;
  fontFamily: string;
}

/** What the placeholder uses, read from the element, for the editor to match. */
export function readMetrics(element: HTMLElement): EditorMetrics {
  const style = getComputedStyle(element);
  const number = (value: string, fallback: number) => {
    const parsed = parseFloat(value);
    return Number.isFinite(parsed) ? parsed : fallback;
  };
  return {
    fontSize: number(style.fontSize, 14),
    lineHeight: number(style.getPropertyValue('--code-lh'), 22),
    padding: number(style.getPropertyValue('--code-pad'), 12),
    fontFamily: style.fontFamily,
  };
}

export function maxHeight(metrics: EditorMetrics): number {
  return MAX_LINES * metrics.lineHeight + 2 * metrics.padding;
}
