import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { horizontalOverflow, watchPage } from './helpers';
import { siteTest as test } from './workshopServer';

/** The workshop pages under axe (light and dark), and the learner's bar on a phone: on a server of their own (own workshop data). */


async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => ({ rule: v.id, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

async function createWorkshop(request: APIRequestContext, title: string) {
  const response = await request.post('/api/workshops', {
    data: { title, items: [{ lesson: '01-what-is-zeromq' }, { lesson: '01-what-is-zeromq', snippet: 'hello-one-process' }] },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { code: string; instructorPath: string };
}

for (const scheme of ['light', 'dark'] as const) {
  test(`workshop pages pass axe, ${scheme} theme`, async ({ page, browser, request, baseURL }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const problems = watchPage(page, baseURL!);
    await page.goto('/w/new');
    await expect(page.getByRole('button', { name: 'Create the workshop' })).toBeVisible();
    expect(await violations(page)).toEqual([]);

    const { code, instructorPath } = await createWorkshop(request, `Axe ${scheme}`);
    await page.goto(`/w/${code}`);
    await expect(page.getByLabel('Your name')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('Your name').fill('Axel');
    await page.getByRole('button', { name: 'Join the workshop' }).click();
    await expect(page.getByText('You joined as Axel')).toBeVisible();
    await expect(page.getByTestId('workshop-bar')).toBeVisible();
    expect(await violations(page)).toEqual([]);

    const instructor = await browser.newContext({ baseURL, colorScheme: scheme, reducedMotion: 'reduce' });
    const board = await instructor.newPage();
    await board.goto(instructorPath);
    await expect(board.getByTestId('learner-tile')).toHaveCount(1);
    expect(await violations(board)).toEqual([]);
    await board.getByRole('button', { name: /Axel: open/ }).click();
    await expect(board.getByTestId('learner-panel')).toBeVisible();
    expect(await violations(board)).toEqual([]);
    await board.goto(`/w/${code}/present?lesson=01-what-is-zeromq&snippet=hello-one-process`);
    await expect(board.locator('[data-playground="hello-one-process"] [data-editor="ready"]')).toBeVisible({ timeout: 30_000 });
    expect(await violations(board)).toEqual([]);
    await instructor.close();
    expect(problems).toEqual([]);
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('the workshop bar is a small pill until opened', async ({ page, request }) => {
    const { code } = await createWorkshop(request, 'Phone');
    await page.goto(`/w/${code}`);
    await page.getByLabel('Your name').fill('Pip');
    await page.getByRole('button', { name: 'Join the workshop' }).click();
    await expect(page.getByText('You joined as Pip')).toBeVisible();
    const bar = page.getByTestId('workshop-bar');
    const pill = bar.getByRole('button', { name: /^Workshop/ });
    await expect(pill).toBeVisible();
    await expect(bar.getByRole('button', { name: 'Raise hand' })).toBeHidden();
    await pill.click();
    await expect(bar.getByRole('button', { name: 'Raise hand' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
