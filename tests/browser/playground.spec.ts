import { expect, test, type Page } from '@playwright/test';
import { editorReady, focusEditorEnd, horizontalOverflow, playground, setEditorValue, waitForEnd, watchPage } from './helpers';

/** The scratchpad, with its editor loaded (and optionally new code in it). */
async function scratchpad(page: Page, code: string | null = null) {
  await page.goto('/playground');
  const block = playground(page, 'scratch');
  await editorReady(block);
  if (code !== null) await setEditorValue(page, 'scratch', code);
  return block;
}

const run = (page: Page) => playground(page, 'scratch').getByRole('button', { name: 'Run', exact: true }).click();

test('the playground page has the scratchpad', { tag: '@phone' }, async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/playground');
  await expect(page).toHaveTitle(/^Playground/);
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Playground', exact: true }).first()).toHaveAttribute('aria-current', 'page');
  const block = playground(page, 'scratch');
  await expect(block.getByRole('tab', { name: /main\.ts/ })).toBeVisible();
  await expect(block.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  await expect(block.getByRole('button', { name: 'Stop', exact: true })).toBeVisible();
  await expect(block.getByTestId('run-status')).toHaveAttribute('data-phase', 'idle');
  await editorReady(block);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test.describe('scratchpad', () => {
  test('Run prints World and ends ok', async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL!);
    const block = await scratchpad(page);
    await run(page);
    await expect(block.getByRole('log', { name: 'Output' })).toContainText('World', { timeout: 20_000 });
    const status = await waitForEnd(block);
    await expect(status).toHaveAttribute('data-status', 'ok');
    await expect(status).toHaveText(/Finished/);
    await expect(block.locator('[data-process-status="main"]')).toContainText('exit 0');
    expect(problems).toEqual([]);
  });

  test('output streams live while the program runs', async ({ page }) => {
    // 4 s apart, so a busy machine cannot deliver both at once and hide the streaming.
    const block = await scratchpad(page, 'console.log("first");\nawait new Promise((r) => setTimeout(r, 4000));\nconsole.log("second");\n');
    await run(page);
    const log = block.getByRole('log', { name: 'Output' });
    await expect(log).toContainText('first', { timeout: 20_000 });
    // "first" is there while the program still runs: it streamed, not at the end.
    await expect(block.getByTestId('run-status')).toHaveAttribute('data-phase', 'running');
    await expect(log).not.toContainText('second');
    await expect(log).toContainText('second', { timeout: 20_000 });
    await expect(block.getByTestId('run-status')).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
  });

  test('an infinite loop can be stopped', async ({ page }) => {
    const block = await scratchpad(page, 'console.log("looping");\nwhile (true) {}\n');
    await run(page);
    const status = block.getByTestId('run-status');
    await expect(status).toHaveAttribute('data-phase', 'running', { timeout: 20_000 });
    await block.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(status).toHaveAttribute('data-status', 'stopped', { timeout: 10_000 });
    await expect(status).toHaveText(/Stopped/);
  });

  test('a syntax error names main.ts and fails, on stderr — the editor shows it too, but never blocks Run', async ({ page }) => {
    const block = await scratchpad(page, 'const x = ;\nconsole.log(x);\n');
    await expect(block.locator('.squiggly-error').first()).toBeAttached({ timeout: 20_000 });
    await run(page);
    const status = await waitForEnd(block);
    await expect(status).toHaveAttribute('data-status', 'failed');
    const log = block.getByRole('log', { name: 'Output' });
    await expect(log).toContainText('main.ts');
    await expect(log.locator('[data-stream="stderr"]').first()).toBeAttached();
  });

  test('a runtime error is marked at its line in the editor and listed under the run', async ({ page }) => {
    // `any`: TypeScript sees nothing wrong, so every error marker in the editor is the run's.
    const block = await scratchpad(page, 'const job: any = {};\njob.run();\n');
    await expect(block.locator('.squiggly-error')).toHaveCount(0);
    await run(page);
    const status = await waitForEnd(block);
    await expect(status).toHaveAttribute('data-status', 'failed');
    const errors = block.getByTestId('run-errors');
    await expect(errors).toContainText('main.ts:2:5 — TypeError: job.run is not a function');
    await expect(block.locator('.squiggly-error').first()).toBeAttached({ timeout: 10_000 });
    // The marker sits on line 2, where the call is.
    const marked = await page.evaluate(() => {
      const ed = window.__zmqEditors!['scratch']!.editor;
      const decorations = ed.getModel()!.getAllDecorations().filter((d) => d.options.className?.includes('squiggly-error'));
      return decorations.map((d) => d.range.startLineNumber);
    });
    expect(marked).toEqual([2]);
  });

  test('each process exit is shown, and the end in plain words', async ({ page }) => {
    const block = await scratchpad(page, 'console.log("before");\nprocess.exit(3);\n');
    await run(page);
    const status = await waitForEnd(block);
    await expect(status).toHaveAttribute('data-status', 'failed');
    await expect(status).toHaveText(/Failed/);
    await expect(block.locator('[data-process-status="main"]')).toContainText('exit 3');
    await expect(block.getByRole('log').locator('[data-stream="note"]').filter({ hasText: 'main exited with code 3' })).toBeAttached();
    await expect(block.getByTestId('run-end')).toContainText('code 3');
  });

  test('an HTTP error from the runner is shown with its message', async ({ page }) => {
    const block = await scratchpad(page);
    // Nine files is more than a run may have: the runner answers 400 with a message.
    await page.evaluate(() => {
      const original = window.fetch;
      window.fetch = (input, init) => {
        if (String(input) === '/api/runs' && init?.body) {
          const body = JSON.parse(String(init.body)) as { files: Record<string, string> };
          for (let i = 0; i < 9; i++) body.files[`extra${i}.ts`] = '';
          return original(input, { ...init, body: JSON.stringify(body) });
        }
        return original(input, init);
      };
    });
    await run(page);
    await expect(block.getByTestId('run-error')).toBeVisible({ timeout: 20_000 });
    await expect(block.getByTestId('run-error')).not.toBeEmpty();
    await expect(block.getByTestId('run-status')).toHaveAttribute('data-status', 'error');
  });

  test('standard input: Enter sends a line, EOF ends the input', async ({ page }) => {
    const block = await scratchpad(
      page,
      [
        'import * as readline from "node:readline";',
        'const lines = readline.createInterface({ input: process.stdin });',
        'console.log("ready");',
        'for await (const line of lines) console.log(`got ${line}`);',
        'console.log("end of input");',
        '',
      ].join('\n'),
    );
    // The code reads stdin: the input box is open already.
    const input = block.getByRole('textbox', { name: 'Input' });
    await expect(input).toBeVisible();
    await run(page);
    const log = block.getByRole('log', { name: 'Output' });
    await expect(log).toContainText('ready', { timeout: 20_000 });
    await input.fill('hello sandbox');
    await input.press('Enter');
    await expect(log).toContainText('got hello sandbox');
    await expect(input).toHaveValue('');
    await block.getByRole('button', { name: 'EOF' }).click();
    await expect(log).toContainText('end of input');
    await expect(block.getByTestId('run-status')).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
  });

  test('Ctrl+Enter in the editor runs the code; Ctrl+S saves instead of opening the browser’s dialog', async ({ page }) => {
    const block = await scratchpad(page, '');
    await focusEditorEnd(page, block);
    await page.keyboard.type('console.log("from the keyboard");');
    await page.evaluate(() => {
      window.addEventListener('keydown', (event) => {
        if (event.key === 's' && (event.ctrlKey || event.metaKey)) setTimeout(() => ((window as unknown as { savePrevented: boolean }).savePrevented = event.defaultPrevented));
      }, true);
    });
    await page.keyboard.press('Control+s');
    await expect(block.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible();
    // The listener records it a task later (setTimeout): wait for it rather than race it.
    await expect.poll(() => page.evaluate(() => (window as unknown as { savePrevented?: boolean }).savePrevented)).toBe(true);
    await page.keyboard.press('Control+Enter');
    await expect(block.getByRole('log', { name: 'Output' })).toContainText('from the keyboard', { timeout: 20_000 });
    await expect(block.getByTestId('run-status')).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
  });
});
