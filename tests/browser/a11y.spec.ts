import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { firstLesson } from './helpers';

/** WCAG 2.1 A and AA rules that axe-core can check automatically. */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
  }));
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${scheme} theme`, () => {
    test.use({ colorScheme: scheme, reducedMotion: 'reduce' });

    test('home page', async ({ page }) => {
      await page.goto('/');
      await page.waitForLoadState('networkidle');
      expect(await violations(page)).toEqual([]);
    });

    test('lesson page, with every block drawn and a run done', async ({ page }) => {
      const lesson = firstLesson();
      await page.goto(`/lessons/${lesson.slug}`);
      // Draw the diagrams and open the collapsed blocks, so axe sees everything.
      for (const diagram of await page.locator('[data-mermaid]').all()) {
        await diagram.scrollIntoViewIfNeeded();
        await expect(diagram).toHaveAttribute('data-mermaid', 'drawn', { timeout: 20_000 });
      }
      await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const block = page.locator('[data-playground]').first();
      await block.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(block.getByTestId('run-status')).toHaveAttribute('data-phase', 'ended', { timeout: 30_000 });
      expect(await violations(page)).toEqual([]);
    });

    test('the maximised output, over a lesson', async ({ page }) => {
      const lesson = firstLesson();
      await page.goto(`/lessons/${lesson.slug}`);
      const block = page.locator('[data-playground]').first();
      await block.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(block.getByTestId('run-status')).toHaveAttribute('data-phase', 'ended', { timeout: 30_000 });
      await block.getByRole('button', { name: 'Maximise the output' }).click();
      await expect(page.getByRole('dialog', { name: 'Output' }).locator('.xterm').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('an embed, and the Embed panel of a lesson playground', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const lesson = firstLesson();
      // theme=auto (the default) follows the colour scheme, as the site does.
      await page.goto(`/embed/${lesson.slug}/${lesson.snippets[0]}`);
      await page.waitForLoadState('networkidle');
      expect(await violations(page)).toEqual([]);
      await page.goto(`/lessons/${lesson.slug}`);
      const block = page.locator('[data-playground]').first();
      await block.getByRole('button', { name: 'Embed' }).click();
      await expect(block.locator('[data-embed-code]')).toHaveValue(/^<iframe/);
      expect(await violations(page)).toEqual([]);
    });

    test('playground page and the search dialog', async ({ page }) => {
      await page.goto('/playground');
      await page.waitForLoadState('networkidle');
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('Control+k');
      await page.getByRole('combobox', { name: 'Search the lessons' }).fill('socket');
      await expect(page.getByRole('option').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}
