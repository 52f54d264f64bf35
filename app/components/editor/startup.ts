/**
 * The editor's start on a page, so work that can wait lets it go first: the first editor
 * is what a learner waits for, and every task the main thread runs meanwhile (drawing a
 * diagram, xterm.js, handing 2 MB of type definitions to the TypeScript worker) delays it.
 * Small and free of Monaco, for any component to ask.
 */

let started: Promise<void> | null = null;
let settle: () => void = () => undefined;

/** An editor is on its way (loadMonaco was called): later work waits for editorStarted(). */
export function editorStarting() {
  started ??= new Promise<void>((resolve) => {
    settle = resolve;
  });
}

/** The first editor takes keys (or could not start): what waited may go. */
export function editorStarted() {
  editorStarting();
  settle();
}

/** Resolves once the browser is idle (at most `timeout` ms from now). */
export function idle(timeout = 3000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 200);
  });
}

/**
 * Resolves when the page's first editor has started (at once when none is starting), and
 * the browser is idle after it; at most 10 s after the editor began, should it hang.
 */
export async function afterEditorStart(): Promise<void> {
  if (started) await Promise.race([started, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  await idle();
}
