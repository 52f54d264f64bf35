import { expect, test, type Page } from '@playwright/test';
import { expectationOf, firstLesson, playground, stdoutOf, watchPage } from './helpers';

/**
 * Holds back every script chunk that holds `marker` (the playground's code) until release():
 * the page keeps a block's server HTML however fast this machine loads it, so a press is sure
 * to meet that HTML rather than the live block.
 */
async function holdChunks(page: Page, marker: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route('**/_next/static/chunks/**', async (route) => {
    try {
      const response = await route.fetch();
      const body = await response.body();
      if (body.includes(marker)) {
        held++;
        await released;
      }
      await route.fulfill({ response, body });
    } catch {
      // The test ended with a chunk in flight ("route.fetch: Test ended"): nothing waits for it,
      // and thrown here it would fail the worker, and with it the next test. A chunk that fails
      // while the test goes on fails the test by what its page then lacks.
    }
  });
  return { release, held: () => held };
}

/** The Run button's shortcut, written only by the block's own code (RunButtons), not by a lesson page's first-load scripts. */
const BLOCK_CODE = 'Control+Enter Meta+Enter';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('a tap on Run of a block that is not live yet is not lost: the block runs once it is in', { tag: '@phone' }, async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL!);
    const lesson = firstLesson();
    // A block that is not the first of its step: far below the first screen when the step opens.
    const step = lesson.steps.find((s) => s.blocks.length > 1)!;
    const blockId = step.blocks.at(-1)!.id;
    const chunks = await holdChunks(page, BLOCK_CODE);
    await page.goto(step.path);
    const block = playground(page, blockId);
    const island = page.locator('[data-island]').filter({ has: block });
    // Hydrated: from here the page holds a press on the block.
    await expect(island).toHaveAttribute('data-presses', 'held', { timeout: 30_000 });

    // Scrolled into view, and tapped at once (the block's code is still on its way).
    const run = block.getByRole('button', { name: 'Run', exact: true });
    await run.tap();
    // The tap asked for the block's code, which is held back: the block is still the server's HTML.
    await expect.poll(chunks.held).toBeGreaterThan(0);
    expect(await island.getAttribute('data-island')).toBe('server');

    chunks.release();
    await expect(island).toHaveAttribute('data-island', 'live', { timeout: 30_000 });
    const status = block.getByTestId('run-status');
    await expect(status).toHaveAttribute('data-phase', 'ended', { timeout: 30_000 });
    const variant = (await block.getAttribute('data-variant'))!;
    const expectation = expectationOf(lesson, step.blocks.at(-1)!.snippet, variant);
    expect([expectation.status ?? 'ok'].flat()).toContain(await status.getAttribute('data-status'));
    for (const [process, patterns] of Object.entries(expectation.stdout ?? {})) {
      const text = await stdoutOf(block, process);
      for (const pattern of [patterns].flat()) expect(text).toMatch(new RegExp(pattern, 'm'));
    }
    // One tap, one run.
    await expect(block.getByTestId('run-status')).toHaveCount(1);
    expect(problems).toEqual([]);
  });
});

test('keys on a block that is not live yet are not lost: Ctrl+Enter pressed on its Run before it is in runs it there, and the focus stays', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const lesson = firstLesson();
  const step = lesson.steps.find((s) => s.blocks.length > 1)!;
  const chunks = await holdChunks(page, BLOCK_CODE);
  await page.goto(step.path);
  const block = playground(page, step.blocks.at(-1)!.id);
  const island = page.locator('[data-island]').filter({ has: block });
  await expect(island).toHaveAttribute('data-presses', 'held', { timeout: 30_000 });

  // The keyboard reaches Run (focus wakes the block, whose code is held back), and presses Ctrl+Enter.
  const run = block.getByRole('button', { name: 'Run', exact: true });
  await run.focus();
  await page.keyboard.press('Control+Enter');
  await expect.poll(chunks.held).toBeGreaterThan(0);
  expect(await island.getAttribute('data-island')).toBe('server');

  chunks.release();
  await expect(island).toHaveAttribute('data-island', 'live', { timeout: 30_000 });
  await expect(run).toBeFocused();
  await expect(block.getByTestId('run-status')).toHaveAttribute('data-phase', 'ended', { timeout: 30_000 });
  expect(problems).toEqual([]);
});
