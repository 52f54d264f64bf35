import { expect, test } from '@playwright/test';
import { firstLesson, horizontalOverflow, lessons, runAndCheck, watchPage } from './helpers';

test('home → first lesson → run its first snippet: the output is what the lesson says', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const lesson = firstLesson();
  await page.goto('/');
  await page.getByRole('link', { name: /^Start here/ }).click();

  await expect(page).toHaveURL(new RegExp(`/lessons/${lesson.slug}$`));
  await expect(page).toHaveTitle(new RegExp(`^${lesson.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
  await expect(page.getByText(`Part ${lesson.part}`, { exact: true })).toBeVisible();
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', lesson.summary);

  const block = page.locator('[data-playground]').first();
  await block.scrollIntoViewIfNeeded();
  await runAndCheck(page, block, lesson);

  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('a lesson page: table of contents, anchors, previous / next, teaching components', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const all = lessons();
  const lesson = firstLesson();
  await page.goto(`/lessons/${lesson.slug}`);

  // Headings in order: one h1, then h2/h3 only below h2.
  const levels = await page.locator('main').locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  expect(levels[0]).toBe(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level - levels[i - 1]!).toBeLessThanOrEqual(1);
  });

  const toc = page.getByRole('navigation', { name: 'On this page' });
  for (const heading of lesson.headings) {
    await expect(toc.locator(`a[href="#${heading.slug}"]`)).toHaveText(heading.text);
    await expect(page.locator(`[id="${heading.slug}"]`)).toHaveCount(1);
  }

  if (lesson.headings.length > 1) {
    const target = lesson.headings[1]!;
    await toc.locator(`a[href="#${target.slug}"]`).click();
    await expect(page).toHaveURL(new RegExp(`#${target.slug}$`));
    await expect(page.locator(`[id="${target.slug}"]`)).toBeInViewport();
    await expect(toc.locator(`a[href="#${target.slug}"]`)).toHaveAttribute('aria-current', 'location');
    // The heading links to itself.
    await expect(page.locator(`[id="${target.slug}"] a[href="#${target.slug}"]`)).toHaveCount(1);
  }

  // Every snippet id is on the page exactly once, so #snippet links work.
  for (const snippet of lesson.snippets) await expect(page.locator(`[id="${snippet}"]`)).toHaveCount(1);

  const next = all[1];
  if (next) await expect(page.getByRole('navigation', { name: 'Previous and next lessons' }).getByRole('link')).toHaveAttribute('href', `/lessons/${next.slug}`);

  // Diagrams are drawn once they scroll into view.
  const diagram = page.locator('[data-mermaid]').first();
  if ((await diagram.count()) > 0) {
    await diagram.scrollIntoViewIfNeeded();
    await expect(diagram).toHaveAttribute('data-mermaid', 'drawn', { timeout: 20_000 });
    await expect(diagram.locator('svg').first()).toBeVisible();
  }

  // Collapsed blocks open from the keyboard.
  const details = page.locator('details[data-collapsible]').first();
  if ((await details.count()) > 0) {
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(details).toHaveAttribute('open', '');
  }

  // Checklist ticks survive a reload.
  const checklist = page.locator('[data-checklist]').first();
  if ((await checklist.count()) > 0) {
    const box = checklist.getByRole('checkbox').first();
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
    await page.reload();
    await expect(page.locator('[data-checklist]').first().getByRole('checkbox').first()).toBeChecked();
  }

  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('a deep link to a snippet lands on its block', async ({ page }) => {
  const lesson = firstLesson();
  const snippet = lesson.snippets.at(-1)!;
  await page.goto(`/lessons/${lesson.slug}#${snippet}`);
  const block = page.locator(`[id="${snippet}"]`);
  await expect(block).toHaveAttribute('data-playground', snippet);
  await expect(block).toBeInViewport();
});

test('the Run shortcut works from inside a block', async ({ page }) => {
  const lesson = firstLesson();
  await page.goto(`/lessons/${lesson.slug}`);
  const block = page.locator('[data-playground]').first();
  await block.scrollIntoViewIfNeeded();
  await block.getByRole('button', { name: 'Stop', exact: true }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(block.getByTestId('run-status')).toHaveAttribute('data-phase', 'ended', { timeout: 30_000 });
});

test('on a phone a lesson reads and runs without sideways scrolling', { tag: '@phone' }, async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.setViewportSize({ width: 375, height: 740 });
  const lesson = firstLesson();
  await page.goto(`/lessons/${lesson.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  // The table of contents is collapsed.
  const toc = page.locator('details').filter({ has: page.getByText('On this page') }).first();
  if (lesson.headings.length > 0) {
    await expect(toc).toBeVisible();
    await expect(toc).not.toHaveAttribute('open', '');
  }

  const block = page.locator('[data-playground]').first();
  await block.scrollIntoViewIfNeeded();
  await runAndCheck(page, block, lesson);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  // Scroll to the end: nothing on the whole page is wider than the screen.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(problems).toEqual([]);
});

test('an unknown lesson is a 404 that lists the lessons and links home', async ({ page }) => {
  const response = await page.goto('/lessons/99-no-such-lesson');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found/i);
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  const lesson = firstLesson();
  await expect(page.getByRole('link', { name: lesson.title })).toHaveAttribute('href', `/lessons/${lesson.slug}`);
});
