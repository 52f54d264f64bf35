import { expect, test } from '@playwright/test';
import { firstLesson, horizontalOverflow, lessons, runAndCheck, watchPage, scrollToBlock } from './helpers';

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
  await scrollToBlock(block);
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

  // The first step's headings in its table of contents (shown when it has more than one).
  const step = lesson.steps[0]!;
  const toc = page.getByRole('navigation', { name: 'On this page' });
  if (step.headings.length > 1) {
    for (const heading of step.headings) {
      await expect(toc.locator(`a[href="#${heading.slug}"]`)).toHaveText(heading.text);
      await expect(page.locator(`[id="${heading.slug}"]`)).toHaveCount(1);
    }
    const target = step.headings[1]!;
    await toc.locator(`a[href="#${target.slug}"]`).click();
    await expect(page).toHaveURL(new RegExp(`#${target.slug}$`));
    await expect(page.locator(`[id="${target.slug}"]`)).toBeInViewport();
    await expect(toc.locator(`a[href="#${target.slug}"]`)).toHaveAttribute('aria-current', 'location');
    // The heading links to itself.
    await expect(page.locator(`[id="${target.slug}"] a[href="#${target.slug}"]`)).toHaveCount(1);
  }

  // Every block id of the step is on the page exactly once, so #snippet links work.
  for (const block of step.blocks) await expect(page.locator(`[id="${block.id}"]`)).toHaveCount(1);

  const nextStep = lesson.steps[1];
  const nav = page.getByRole('navigation', { name: 'Previous and next steps' });
  if (nextStep) await expect(nav.getByRole('link', { name: new RegExp(nextStep.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toHaveAttribute('href', nextStep.path);
  else if (all[1]) await expect(nav.getByRole('link')).toHaveAttribute('href', `/lessons/${all[1].slug}`);

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

test('a deep link to a snippet lands on its block, on the step that holds it', async ({ page }) => {
  const lesson = firstLesson();
  const step = lesson.steps.at(-1)!.blocks.length > 0 ? lesson.steps.at(-1)! : lesson.steps.findLast((s) => s.blocks.length > 0)!;
  const snippet = step.blocks.at(-1)!.id;
  // The link of the single-page lesson: the page sends it on to the step.
  await page.goto(`/lessons/${lesson.slug}#${snippet}`);
  await expect(page).toHaveURL(new RegExp(`${step.path}#${snippet}$`));
  const block = page.locator(`[id="${snippet}"]`);
  await expect(block).toHaveAttribute('data-playground', step.blocks.at(-1)!.snippet);
  await expect(block).toBeInViewport();
});

test('a lesson in steps: step N of M, the way on and back, steps read, the first snippet on the first screen', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const lesson = firstLesson();
  const [first, second] = lesson.steps;
  test.skip(!second, 'the first lesson needs two steps');
  await page.goto(first!.path);
  await expect(page.getByTestId('step-of')).toHaveText(` · Step 1 of ${lesson.steps.length}`);
  // The first runnable snippet is on the first screen, without scrolling.
  await expect(page.locator('[data-playground]').first()).toBeInViewport();

  const steps = page.getByRole('navigation', { name: 'Steps', exact: true });
  await expect(steps.getByRole('link')).toHaveCount(lesson.steps.length);
  await expect(steps.getByRole('link', { name: first!.title })).toHaveAttribute('aria-current', 'step');

  await page.getByRole('navigation', { name: 'Previous and next steps' }).getByRole('link', { name: new RegExp(`^Next`) }).click();
  await expect(page).toHaveURL(new RegExp(`${second!.path}$`));
  await expect(page.getByTestId('step-of')).toHaveText(` · Step 2 of ${lesson.steps.length}`);
  await expect(page).toHaveTitle(new RegExp(`^${second!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  // The first step, read, is ticked; the way back leads to it.
  await expect(steps.getByRole('link', { name: new RegExp(`${first!.title}.*\\(read\\)`) })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Previous and next steps' }).getByRole('link', { name: /^Previous/ })).toHaveAttribute('href', first!.path);

  // The first step's own slug is the lesson's URL; an unknown step is a 404.
  await page.goto(`/lessons/${lesson.slug}/${first!.slug}`);
  await expect(page).toHaveURL(new RegExp(`/lessons/${lesson.slug}$`));
  expect(problems).toEqual([]);
  expect((await page.goto(`/lessons/${lesson.slug}/no-such-step`))?.status()).toBe(404);
});

test('the Run shortcut works from inside a block', async ({ page }) => {
  const lesson = firstLesson();
  await page.goto(`/lessons/${lesson.slug}`);
  const block = page.locator('[data-playground]').first();
  await scrollToBlock(block);
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

  // The list of steps is collapsed.
  const steps = page.locator('details').filter({ has: page.getByText(/^Step 1 of \d+$/) }).first();
  if (lesson.steps.length > 1) {
    await expect(steps).toBeVisible();
    await expect(steps).not.toHaveAttribute('open', '');
  }

  const block = page.locator('[data-playground]').first();
  await scrollToBlock(block);
  await runAndCheck(page, block, lesson);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  // Scroll to the end: nothing on the whole page is wider than the screen.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(problems).toEqual([]);
});

test('a lesson page fetches another page only when the reader reaches for its link', async ({ page }) => {
  const all = lessons();
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('_rsc=')) fetched.push(new URL(request.url()).pathname);
  });
  await page.goto(`/lessons/${all[0]!.slug}`);
  await expect(page.locator('[data-playground] [data-editor="ready"]').first()).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  // Twenty-odd links on the screen, none fetched on sight.
  expect(fetched).toEqual([]);
  const next = page.locator(`a[href="/lessons/${all[1]!.slug}"]`).first();
  await next.hover();
  await expect.poll(() => fetched).toContain(`/lessons/${all[1]!.slug}`);
  await next.click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${all[1]!.slug}$`));
  await expect(page.getByRole('heading', { level: 1, name: all[1]!.title })).toBeVisible();
});

test('an unknown lesson is a 404 that lists the lessons and links home', async ({ page }) => {
  const response = await page.goto('/lessons/99-no-such-lesson');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found/i);
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  const lesson = firstLesson();
  await expect(page.getByRole('link', { name: lesson.title })).toHaveAttribute('href', `/lessons/${lesson.slug}`);
});
