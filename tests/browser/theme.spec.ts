import { expect, test } from '@playwright/test';
import { firstLesson, watchPage } from './helpers';

test('dark theme persists across reloads, applied before the page scripts run', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const path = `/lessons/${firstLesson().slug}`;
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(path);
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/\bdark\b/);

  const themes = page.getByRole('radiogroup', { name: 'Colour theme' });
  await themes.getByRole('radio', { name: 'Dark' }).click();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(themes.getByRole('radio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
  expect(await page.evaluate(() => localStorage.getItem('zmq-playground.theme'))).toBe('dark');

  // Without any of the site's JavaScript bundles, only the inline script in <head> can set the class.
  await page.route('**/_next/static/**/*.js', (route) => route.abort());
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  // The page is painted dark: its background is darker than mid-grey.
  const lightness = await page.evaluate(() => {
    const probe = document.createElement('canvas').getContext('2d')!;
    probe.fillStyle = getComputedStyle(document.documentElement).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    return (r! + g! + b!) / 3;
  });
  expect(lightness).toBeLessThan(40);
  await page.unroute('**/_next/static/**/*.js');

  // With them, hydration keeps it (no mismatch errors) and the control agrees.
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(themes.getByRole('radio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
  await page.waitForLoadState('networkidle');
  expect(problems.filter((p) => !p.includes('net::ERR_FAILED'))).toEqual([]);
});

test('system follows the operating system live; arrow keys pick a theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  const themes = page.getByRole('radiogroup', { name: 'Colour theme' });
  await expect(themes.getByRole('radio', { name: 'System' })).toHaveAttribute('aria-checked', 'true');
  await expect(html).not.toHaveClass(/\bdark\b/);

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).not.toHaveClass(/\bdark\b/);

  await themes.getByRole('radio', { name: 'System' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(themes.getByRole('radio', { name: 'Dark' })).toBeFocused();
  await expect(html).toHaveClass(/\bdark\b/);
  await page.keyboard.press('ArrowLeft');
  await expect(themes.getByRole('radio', { name: 'Light' })).toHaveAttribute('aria-checked', 'true');
  await expect(html).not.toHaveClass(/\bdark\b/);
  // A fixed choice ignores the system.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).not.toHaveClass(/\bdark\b/);
});
