import { expect, test, type Page } from '@playwright/test';
import { horizontalOverflow, watchPage } from './helpers';

async function runCode(page: Page, code: string | null) {
  const editor = page.getByLabel('Code (main.ts)');
  if (code !== null) await editor.fill(code);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

test('the playground page has the scratchpad', { tag: '@phone' }, async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/playground');
  await expect(page).toHaveTitle(/^Playground/);
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Playground', exact: true }).first()).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('Code (main.ts)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Output' })).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'idle');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test.describe('QuickRun', () => {
  test('Run prints World and ends ok', async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL!);
    await page.goto('/playground');
    await runCode(page, null);

    await expect(page.getByRole('log', { name: 'Output' })).toContainText('World', { timeout: 20_000 });
    const status = page.getByTestId('run-status');
    await expect(status).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
    await expect(status).toHaveText(/Finished/);
    await expect(page.getByTestId('run-end')).toContainText('Finished');
    expect(problems).toEqual([]);
  });

  test('Ctrl+Enter in the editor runs the code', async ({ page }) => {
    await page.goto('/playground');
    await page.getByLabel('Code (main.ts)').fill('console.log("from the keyboard");\n');
    await page.getByLabel('Code (main.ts)').press('Control+Enter');
    await expect(page.getByRole('log', { name: 'Output' })).toContainText('from the keyboard', { timeout: 20_000 });
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
  });

  test('an infinite loop can be stopped', async ({ page }) => {
    await page.goto('/playground');
    await runCode(page, 'console.log("looping");\nwhile (true) {}\n');

    const status = page.getByTestId('run-status');
    await expect(status).toHaveAttribute('data-phase', 'running', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(status).toHaveAttribute('data-status', 'stopped', { timeout: 10_000 });
    await expect(status).toHaveText(/Stopped/);
  });

  test('a syntax error names main.ts and fails, on stderr', async ({ page }) => {
    await page.goto('/playground');
    await runCode(page, 'const x = ;\nconsole.log(x);\n');

    const status = page.getByTestId('run-status');
    await expect(status).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });
    const log = page.getByRole('log', { name: 'Output' });
    await expect(log).toContainText('main.ts');
    await expect(log.locator('[data-stream="stderr"]').first()).toBeVisible();
  });

  test('each process exit is shown, and the end in plain words', async ({ page }) => {
    await page.goto('/playground');
    await runCode(page, 'console.log("before");\nprocess.exit(3);\n');
    const status = page.getByTestId('run-status');
    await expect(status).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });
    await expect(status).toHaveText(/Failed/);
    const log = page.getByRole('log', { name: 'Output' });
    await expect(log.locator('[data-stream="note"]').filter({ hasText: 'main exited with code 3' })).toBeVisible();
    await expect(page.getByTestId('run-end')).toContainText('code 3');
  });

  test('an HTTP error from the runner is shown with its message', async ({ page }) => {
    await page.goto('/playground');
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
    await runCode(page, null);
    await expect(page.getByTestId('run-error')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('run-error')).not.toBeEmpty();
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'error');
  });
});
