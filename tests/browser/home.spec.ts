import { expect, test } from '@playwright/test';
import { firstLesson, horizontalOverflow, lessons, watchPage } from './helpers';

test('home page: what this is, where to start, the table of contents — locally only', { tag: '@phone' }, async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/');

  await expect(page).toHaveTitle(/ZeroMQ Playground/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Start here/ })).toHaveAttribute('href', `/lessons/${firstLesson().slug}`);

  const list = page.getByTestId('lesson-list');
  for (const lesson of lessons()) {
    const item = list.getByRole('listitem').filter({ hasText: lesson.title });
    await expect(item.getByRole('link', { name: lesson.title })).toHaveAttribute('href', `/lessons/${lesson.slug}`);
    await expect(item).toContainText(lesson.summary);
  }

  // Nothing sticks out sideways, down to 375 px.
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('skip link and landmarks', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('progress: a visited lesson shows on the home page, and reset asks first', async ({ page }) => {
  const lesson = firstLesson();
  await page.goto('/');
  const progress = page.getByTestId(`progress-${lesson.slug}`);
  await expect(progress).toContainText('Not visited yet');

  await page.getByRole('link', { name: /^Start here/ }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${lesson.slug}$`));
  await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();

  await page.getByRole('link', { name: /ZeroMQ Playground, home/ }).click();
  await expect(progress).toContainText('Visited');

  // Garbage in storage counts as no progress, and breaks nothing.
  await page.evaluate(() => localStorage.setItem('zmq-playground.progress.v1', '{not json'));
  await page.reload();
  await expect(progress).toContainText('Not visited yet');
  await page.goto(`/lessons/${lesson.slug}`);
  await page.waitForFunction((slug) => localStorage.getItem('zmq-playground.progress.v1')?.includes(slug), lesson.slug);
  await page.goto('/');
  await expect(progress).toContainText('Visited');

  await page.getByRole('button', { name: 'Reset progress' }).click();
  const confirm = page.getByRole('button', { name: 'Yes, reset' });
  await expect(confirm).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toContainText('Visited');

  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(progress).toContainText('Not visited yet');
  await expect(page.getByRole('status').filter({ hasText: 'Progress reset.' })).toBeVisible();
});

test('unknown pages show the not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
});
