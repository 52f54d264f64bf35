import { expect, test, type Page } from '@playwright/test';

/** Collects console errors, page errors and requests to any other origin. */
function watchPage(page: Page, baseURL: string) {
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

async function runCode(page: Page, code: string | null) {
  const editor = page.getByLabel('Code (main.ts)');
  if (code !== null) await editor.fill(code);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

test('home page loads with its heading, locally only', { tag: '@phone' }, async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/');

  await expect(page).toHaveTitle(/ZeroMQ Playground/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Try the runner' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Output' })).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveText(/ready$/);

  // Nothing sticks out sideways, down to 375 px.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('unknown pages show the not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test.describe('QuickRun', () => {
  test('Run prints World and ends ok', async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL!);
    await page.goto('/');
    await runCode(page, null);

    await expect(page.getByRole('log', { name: 'Output' })).toContainText('World', { timeout: 20_000 });
    await expect(page.getByTestId('run-status')).toHaveText(/ok$/, { timeout: 20_000 });
    expect(problems).toEqual([]);
  });

  test('an infinite loop can be stopped', async ({ page }) => {
    await page.goto('/');
    await runCode(page, 'console.log("looping");\nwhile (true) {}\n');

    const status = page.getByTestId('run-status');
    await expect(status).toHaveText(/running$/, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(status).toHaveText(/stopped$/, { timeout: 10_000 });
  });

  test('a syntax error names main.ts and fails', async ({ page }) => {
    await page.goto('/');
    await runCode(page, 'const x = ;\nconsole.log(x);\n');

    const status = page.getByTestId('run-status');
    await expect(status).toHaveText(/failed$/, { timeout: 20_000 });
    await expect(page.getByRole('log', { name: 'Output' })).toContainText('main.ts');
  });
});
