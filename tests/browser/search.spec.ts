import { expect, test } from '@playwright/test';
import { anchorHref } from '../../content/steps';
import { firstLesson, lessons, openSearch, watchPage } from './helpers';

test('Ctrl+K, a word from the lesson, Enter: lands on the lesson', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const lesson = firstLesson();
  const heading = lesson.headings[0];
  // A distinctive word of the first heading (or of the title): in no other lesson's title or headings,
  // so the lesson's own heading is the best match whatever the other lessons say.
  const elsewhere = lessons()
    .filter((other) => other.slug !== lesson.slug)
    .flatMap((other) => [other.title, ...other.headings.map((h) => h.text)])
    .join(' ')
    .toLowerCase();
  const words = (heading?.text ?? lesson.title).split(/\W+/).filter(Boolean).sort((a, b) => b.length - a.length);
  // No single word is its own: then the whole heading, which only this lesson has.
  const word = words.find((w) => !elsewhere.includes(w.toLowerCase())) ?? heading?.text ?? lesson.title;

  await page.goto('/playground');
  await page.locator('body').click();
  const dialog = await openSearch(page);
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('combobox');
  await expect(box).toBeFocused();
  await box.fill(word.toUpperCase());

  const options = dialog.getByRole('option');
  await expect(options.first()).toBeVisible();
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!);
  await expect(options.first()).toContainText(lesson.title);

  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/lessons/${lesson.slug}(/[a-z0-9-]+)?(#.*)?$`));
  await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
  expect(problems).toEqual([]);
});

test('the search dialog: arrow keys, Escape, focus trapped and given back', async ({ page }) => {
  await page.goto('/');
  const button = page.getByRole('button', { name: 'Search' });
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Search the lessons' });
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('combobox');
  await expect(box).toBeFocused();

  // Without a query the dialog lists the lessons.
  await expect(dialog.getByRole('option').first()).toBeVisible();
  const count = await dialog.getByRole('option').count();
  if (count > 1) {
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
  }
  await expect(dialog.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');

  // Tab cycles inside the dialog.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }

  await box.focus();
  await box.fill('zzzzqqq');
  await expect(dialog.getByRole('status')).toHaveText(/No results for/);
  await expect(dialog.getByRole('option')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('results are ranked title, then heading, then text, with context', async ({ page }) => {
  const lesson = firstLesson();
  const heading = lesson.headings.find((h) => !lesson.title.toLowerCase().includes(h.text.toLowerCase().split(' ')[0]!));
  test.skip(!heading, 'the lesson needs a heading whose first word is not in its title');
  await page.goto('/');
  const dialog = await openSearch(page);
  await dialog.getByRole('combobox').fill(heading!.text);
  const first = dialog.getByRole('option').first();
  await expect(first).toHaveAttribute('href', anchorHref(lesson, heading!.slug));
  await expect(first.locator('mark').first()).toBeVisible();
});

test('a typo still finds the word: “subscibe” lands on the PUB/SUB section', async ({ page }) => {
  const lesson = lessons().find((l) => l.slug === '02-messaging-patterns');
  test.skip(!lesson, 'the messaging patterns lesson is needed');
  // The headings from "Publish and subscribe" to the next h2.
  const start = lesson!.headings.findIndex((h) => /publish and subscribe/i.test(h.text));
  expect(start).toBeGreaterThanOrEqual(0);
  const after = lesson!.headings.findIndex((h, i) => i > start && h.depth === 2);
  const pubSub = lesson!.headings.slice(start, after === -1 ? undefined : after).map((h) => anchorHref(lesson!, h.slug));

  await page.goto('/');
  const dialog = await openSearch(page);
  await dialog.getByRole('combobox').fill('subscibe');
  const first = dialog.getByRole('option').first();
  await expect(first).toBeVisible();
  expect(pubSub).toContain(await first.getAttribute('href'));
  // Marked as the word it was taken for.
  await expect(first.locator('mark').first()).toHaveText(/^subscribe/i);
  await expect(dialog.getByRole('status')).not.toHaveText(/No results/);
});
