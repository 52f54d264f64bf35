import { expect, test, type Locator, type Page } from '@playwright/test';
import { editorReady, firstLesson, focusEditorEnd, horizontalOverflow, lessons, playground, setEditorValue, stdoutOf, terminalPane, waitForEnd, watchPage, scrollToBlock } from './helpers';
import { anchorHref } from '../../content/steps';

/** The learner's workbench: terminals wide enough for a benchmark's figures, a maximised view, the output in sight on a phone, the diff's width, a process's arguments. */

const lesson = firstLesson();
/** A snippet of the first lesson that starts two processes. */
const twoProcesses = lesson.snippetDetails.find((s) => s.variants.length === 1 && (s.variants[0]!.processes?.length ?? 0) === 2)!;
const [first, second] = twoProcesses.variants[0]!.processes!;
/** A benchmark's figures, as a line a program prints: 78 characters, words and numbers the old 40-column panes cut. */
const FIGURES = 'publisher 1,000,000 msg/s, 977 MB/s; latency p50 155 µs, p99 1,204 µs: undefined';

async function openBlock(page: Page, blockId: string) {
  await page.goto(`/lessons/${lesson.slug}#${blockId}`);
  const block = playground(page, blockId);
  await scrollToBlock(block);
  await editorReady(block);
  return block;
}

/** Runs the two-process snippet with FIGURES printed at the end of its first file. */
async function runFigures(page: Page) {
  const block = await openBlock(page, twoProcesses.id);
  await focusEditorEnd(page, block);
  await page.keyboard.type(`\nconsole.log("${FIGURES}");`);
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(block.getByRole('log', { name: `${first!.name} output` })).toContainText(FIGURES, { timeout: 30_000 });
  await waitForEnd(block);
  return block;
}

/** What an xterm shows, row by row (its DOM renderer's rows). */
function terminalRows(block: Locator, process: string): Promise<string[]> {
  return block.locator(`[data-terminal="${process}"] .xterm-rows > div`).evaluateAll((rows) => rows.map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
}

test.describe('at 1366 × 900, both sidebars open', () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test('two terminals get 80 columns each or stack, and a line of figures is not wrapped', async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL!);
    const block = await runFigures(page);

    const a = await terminalPane(block, first!.name);
    const b = await terminalPane(block, second!.name);
    const layout = await block.locator('[data-terminals]').getAttribute('data-terminals');
    expect(Math.min(a.cols, b.cols)).toBeGreaterThanOrEqual(80);
    if (layout === 'stacked') expect(b.box.y).toBeGreaterThanOrEqual(a.box.y + a.box.height);
    else expect(Math.abs(a.box.y - b.box.y)).toBeLessThan(2);
    // The measured columns are xterm's own: the screen is that many characters wide.
    const screen = await block.locator(`[data-terminal="${first!.name}"] .xterm-screen`).boundingBox();
    const char = await block.locator(`[data-terminal="${first!.name}"] .xterm`).evaluate((xterm) => {
      const style = getComputedStyle(xterm.querySelector('.xterm-rows')!);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      return context.measureText('W'.repeat(50)).width / 50;
    });
    expect(Math.round(screen!.width / char)).toBe(a.cols);

    // The figures sit on one row, whole; so does every line no longer than the terminal is wide.
    const rows = await terminalRows(block, first!.name);
    expect(rows).toContain(FIGURES);
    for (const line of (await stdoutOf(block, first!.name)).split('\n').filter((l) => l.length <= a.cols)) expect(rows).toContain(line.trimEnd());
    expect(problems).toEqual([]);
  });

  test('a terminal that has printed nothing takes a line, and no half of a row', async ({ page }) => {
    const block = await openBlock(page, twoProcesses.id);
    // The second process's file emptied: it prints nothing; the first waits for it until the run's time limit.
    await block.getByRole('tab', { name: new RegExp(second!.entry.replace('.', '\\.')) }).click();
    await setEditorValue(page, twoProcesses.id, '\n');
    await block.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForEnd(block);
    await expect(block.getByRole('log', { name: `${first!.name} output` })).not.toBeEmpty();
    // Its exit, and the cursor's line after it.
    await expect(block.locator(`[data-terminal="${second!.name}"] .xterm-rows > div`)).toHaveCount(2);
    // Maximised, the window has room for two 80-column terminals, but the quiet one takes no half of it.
    await block.getByRole('button', { name: 'Maximise the output' }).click();
    const dialog = page.getByRole('dialog', { name: 'Output' });
    await expect(dialog.locator('[data-terminals]')).toHaveAttribute('data-terminals', 'stacked');
    const talker = await terminalPane(dialog, first!.name);
    expect(talker.box.width).toBeGreaterThan(1366 * 0.9);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('Maximise shows the terminals over the whole window; Escape closes it and focus comes back', async ({ page }) => {
    const block = await openBlock(page, twoProcesses.id);
    await block.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForEnd(block);
    const maximise = block.getByRole('button', { name: 'Maximise the output' });
    await maximise.click();
    const dialog = page.getByRole('dialog', { name: 'Output' });
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(1366 - 1);
    expect(box.height).toBeGreaterThanOrEqual(900 - 1);
    // Both terminals, wider than in the lesson, sharing the window's height.
    for (const process of [first!.name, second!.name]) {
      await expect(dialog.getByRole('log', { name: `${process} output` })).toBeAttached();
      const pane = await terminalPane(dialog, process);
      expect(pane.cols).toBeGreaterThanOrEqual(80);
      expect(pane.box.height).toBeGreaterThan(200);
    }
    await expect(dialog.getByRole('button', { name: /^Close/ })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(maximise).toBeFocused();
    // Close does the same.
    await maximise.click();
    await dialog.getByRole('button', { name: /^Close/ }).click();
    await expect(dialog).toBeHidden();
    await expect(maximise).toBeFocused();
  });

  test('the solution’s diff against the learner’s code uses the width: inline when two sides would cut its lines', async ({ page }) => {
    const withSolution = lessons().find((l) => l.snippetDetails.some((s) => s.variants.some((v) => v.id === 'solution')))!;
    // The step that shows a solution (the exercises).
    await page.goto(withSolution.steps.find((step) => step.body.includes('<Solution'))!.path);
    const solution = page.locator('details[data-collapsible="solution"]').filter({ has: page.locator('[data-playground]') }).first();
    await solution.locator('summary').click();
    const block = solution.locator('[data-playground]');
    await scrollToBlock(block);
    await expect(block.getByRole('button', { name: 'Your code → solution' })).toHaveAttribute('aria-pressed', 'true');
    const diff = block.locator('.monaco-diff-editor');
    await expect(diff).toBeVisible({ timeout: 30_000 });
    const area = (await block.locator('.playground-code').boundingBox())!;
    await expect
      .poll(async () => (await diff.locator('.editor.modified').boundingBox())?.width ?? 0)
      .toBeGreaterThanOrEqual(area.width * 0.9);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('Run brings the output into view, nothing sticks out sideways, tabs and labels stay whole', { tag: '@phone' }, async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL!);
    await page.goto(anchorHref(lesson, twoProcesses.id).split('#')[0]!);
    const block = playground(page, twoProcesses.id);
    const run = block.getByRole('button', { name: 'Run', exact: true });
    // Live first: the server's copy is replaced when the block goes live, and a box read
    // during that swap is of an element no longer there.
    await scrollToBlock(block);
    // Run at the bottom of the screen: the output starts below the fold.
    await run.scrollIntoViewIfNeeded();
    await run.evaluate((button) => window.scrollBy({ top: button.getBoundingClientRect().bottom - window.innerHeight + 8, behavior: 'instant' }));
    const output = block.locator('[data-run-output]');
    expect((await output.boundingBox())!.y).toBeGreaterThan(740 - 48);
    await run.click();
    await expect(block.locator(`[data-terminal="${first!.name}"]`)).toBeInViewport();
    await waitForEnd(block);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);

    // Every file tab of every playground is whole, inside its row.
    const cut = await page.locator('[role="tablist"][aria-label="Files"]').evaluateAll((lists) =>
      lists.flatMap((list) => {
        const row = list.getBoundingClientRect();
        return [...list.querySelectorAll('[role="tab"]')]
          .filter((tab) => {
            const r = tab.getBoundingClientRect();
            return r.left < row.left - 0.5 || r.right > row.right + 0.5 || r.right > window.innerWidth || tab.scrollWidth > tab.clientWidth + 1;
          })
          .map((tab) => tab.textContent);
      }),
    );
    expect(cut).toEqual([]);

    // Reset, Share and Embed keep their words on screen, not only for screen readers.
    for (const name of ['Reset', 'Share', 'Embed']) {
      const button = block.getByRole('button', { name, exact: true });
      await expect(button).toBeVisible();
      const width = await button.evaluate((element, word) => {
        const text = [...element.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.includes(word));
        if (!text) return 0;
        const range = document.createRange();
        range.selectNodeContents(text);
        return range.getBoundingClientRect().width;
      }, name);
      expect(width, name).toBeGreaterThan(20);
    }
    expect(problems).toEqual([]);
  });

  test('Maximise keeps 80 columns, scrolling sideways: a line of figures stays whole', { tag: '@phone' }, async ({ page }) => {
    const block = await runFigures(page);
    await block.getByRole('button', { name: 'Maximise the output' }).click();
    const dialog = page.getByRole('dialog', { name: 'Output' });
    const pane = await terminalPane(dialog, first!.name);
    expect(pane.cols).toBeGreaterThanOrEqual(80);
    expect(pane.box.width).toBeLessThanOrEqual(375);
    expect(await terminalRows(dialog, first!.name)).toContain(FIGURES);
    // The terminal scrolls sideways inside its pane; the page does not.
    const host = dialog.locator(`[data-terminal="${first!.name}"] .xterm-host`);
    expect(await host.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await dialog.getByRole('log', { name: `${first!.name} output` }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => host.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});

test('a process’s arguments reach process.argv, and a shared link carries them', async ({ page, context }) => {
  await page.goto('/playground');
  const block = playground(page, 'scratch');
  await editorReady(block);
  await setEditorValue(page, 'scratch', 'console.log(JSON.stringify(process.argv.slice(2)));\n');
  const args = block.getByLabel('Process 1 arguments');
  await args.fill(`--count 3 'two words'`);
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForEnd(block);
  expect(await stdoutOf(block, 'main')).toBe('["--count","3","two words"]');

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await block.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await block.locator('[data-share-link]').inputValue();
  const other = await context.newPage();
  await other.goto(link);
  const shared = playground(other, 'scratch');
  await expect(shared.getByLabel('Process 1 arguments')).toHaveValue(`--count 3 'two words'`);
  await other.close();
});
