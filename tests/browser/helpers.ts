import { expect, type Locator, type Page } from '@playwright/test';
import { getLessons } from '../../content/loader';
import type { Expectation, Lesson } from '../../content/types';

/** Collects console errors, page errors and requests to any other origin than the site's. */
export function watchPage(page: Page, baseURL: string) {
  const problems: string[] = [];
  const origin = new URL(baseURL).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin) problems.push(`request to another host: ${request.url()}`);
  });
  return problems;
}

/** The lessons as the site builds them (read from lessons/ with the site's own loader). */
export function lessons(): Lesson[] {
  return getLessons();
}

/**
 * Opens the search dialog with Ctrl+K and returns it. The shortcut listens from
 * hydration on; a press that comes before it is the browser's own, so press again.
 */
export async function openSearch(page: Page, name = 'Search the lessons'): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.keyboard.press('Control+k');
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  return dialog;
}

/** A lesson by its slug. */
export function lessonOf(slug: string): Lesson {
  const lesson = lessons().find((l) => l.slug === slug);
  if (!lesson) throw new Error(`lessons/ holds no ${slug}`);
  return lesson;
}

export function firstLesson(): Lesson {
  const lesson = lessons()[0];
  if (!lesson) throw new Error('lessons/ holds no lesson');
  return lesson;
}

/** What running a snippet's variant must show, from its snippet.json. */
export function expectationOf(lesson: Lesson, snippet: string, variant: string): Expectation {
  const found = lesson.snippetDetails.find((s) => s.id === snippet)?.variants.find((v) => v.id === variant);
  if (!found) throw new Error(`no variant ${snippet}/${variant} in ${lesson.slug}`);
  return found.expect ?? { status: 'ok' };
}

/** Presses Run in a playground block and checks the output against the snippet's expectation. */
export async function runAndCheck(page: Page, block: Locator, lesson: Lesson) {
  const snippet = (await block.getAttribute('data-playground'))!;
  const variant = (await block.getAttribute('data-variant'))!;
  const expectation = expectationOf(lesson, snippet, variant);
  const statuses = [expectation.status ?? 'ok'].flat();

  await block.getByRole('button', { name: 'Run', exact: true }).click();
  const status = block.getByTestId('run-status');
  await expect(status).toHaveAttribute('data-phase', 'ended', { timeout: 30_000 });
  expect(statuses).toContain(await status.getAttribute('data-status'));
  // The run's status reads in plain words too.
  await expect(status).not.toHaveText(/^\s*$/);

  for (const [process, patterns] of Object.entries(expectation.stdout ?? {})) {
    const text = await stdoutOf(block, process);
    for (const pattern of [patterns].flat()) expect(text).toMatch(new RegExp(pattern, 'm'));
  }
  if (expectation.blocked) await expect(block.getByTestId('run-blocked')).toBeVisible();
  return { snippet, variant, expectation };
}

/** The stdout lines a process printed, as shown in the block's output panel. */
export async function stdoutOf(block: Locator, process: string): Promise<string> {
  const lines = block.locator(`[role="log"] [data-stream="stdout"][data-process="${process}"]`);
  const texts = await lines.evaluateAll((elements) =>
    elements.map((element) => {
      const clone = element.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('[data-label], .sr-only').forEach((label) => label.remove());
      return clone.textContent ?? '';
    }),
  );
  return texts.join('\n');
}

/** How far the page scrolls sideways (0 when nothing sticks out). */
export function horizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** A playground block by its element id (the snippet id, or `<snippet>-<variant>`). */
export function playground(page: Page, blockId: string): Locator {
  return page.locator(`[data-playground][id="${blockId}"]`);
}

/** Waits until the block's Monaco editor has replaced the highlighted placeholder. */
/**
 * Scrolls a playground into view, and waits until it is live: a lesson's blocks are the
 * server's HTML until they near the viewport, when the block React renders takes the place
 * of that element (app/components/playground/PlaygroundIsland.tsx), maybe mid-scroll.
 */
export async function scrollToBlock(block: Locator) {
  await expect(async () => {
    await block.scrollIntoViewIfNeeded({ timeout: 5_000 });
    expect(await block.evaluate((element) => element.closest('[data-island="server"]') === null)).toBe(true);
  }).toPass({ timeout: 30_000 });
}

export async function editorReady(block: Locator) {
  await expect(block.locator('[data-editor="ready"]')).toBeVisible({ timeout: 30_000 });
  await expect(block.locator('.monaco-editor:visible').first()).toBeVisible();
}

/** The code of a file (default: the one on show) as the editor's model holds it (test hook). */
export function editorValue(page: Page, blockId: string, file?: string): Promise<string> {
  return page.evaluate(([id, name]) => window.__zmqEditors![id!]!.value(name), [blockId, file] as const);
}

/** Replaces the code of the file on show, as one edit (like a paste). */
export async function setEditorValue(page: Page, blockId: string, code: string) {
  await page.evaluate(([id, text]) => {
    const editor = window.__zmqEditors![id!]!.editor;
    editor.executeEdits('test', [{ range: editor.getModel()!.getFullModelRange(), text: text! }]);
  }, [blockId, code] as const);
}

/** Clicks into the editor and puts the cursor at the end of the file. */
export async function focusEditorEnd(page: Page, block: Locator) {
  await block.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
}

/** The run's status line, once the run has ended. */
export async function waitForEnd(block: Locator, timeout = 30_000) {
  const status = block.getByTestId('run-status');
  await expect(status).toHaveAttribute('data-phase', 'ended', { timeout });
  return status;
}

/** A process's terminal pane: its columns (as xterm was sized) and where it sits. */
export async function terminalPane(block: Locator, process: string) {
  const pane = block.locator(`[data-terminal="${process}"]`);
  await expect(pane.locator('.xterm-host[data-cols]')).toBeAttached();
  const cols = Number(await pane.locator('.xterm-host').getAttribute('data-cols'));
  return { cols, box: (await pane.boundingBox())! };
}
