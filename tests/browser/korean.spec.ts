/**
 * The Korean edition (issue 19): a Korean learner's flow in a browser that prefers Korean,
 * the language switch keeping the place, <html lang> and hreflang, axe on Korean pages, and
 * the Korean answers of the lessons API, oEmbed, search and embeds.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { getLesson } from '../../content/loader';
import type { Lesson, Snippet } from '../../content/types';
import { editorReady, firstLesson, openSearch, playground, setEditorValue, watchPage, scrollToBlock } from './helpers';

/** The first lesson with its Korean text (the lesson.ko.mdx beside lesson.mdx). */
function korean(): Lesson {
  const lesson = getLesson(firstLesson().slug, undefined, 'ko');
  if (!lesson || lesson.untranslated) throw new Error(`${firstLesson().slug} has no lesson.ko.mdx`);
  return lesson;
}

const isExercise = (s: Snippet) => s.check !== undefined && s.variants.some((v) => v.id === 'starter') && s.variants.some((v) => v.id === 'solution');

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => ({ rule: v.id, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

async function expectAlternates(page: Page, englishPath: string) {
  const href = (lang: string) => page.locator(`head link[rel="alternate"][hreflang="${lang}"]`).getAttribute('href');
  expect(await href('en')).toBe(englishPath);
  expect(await href('ko')).toBe(englishPath === '/' ? '/ko' : `/ko${englishPath}`);
  expect(await href('x-default')).toBe(englishPath);
}

test.describe('a browser that prefers Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('home → lesson step → run → exercise passed, all in Korean', async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL!);
    const lesson = korean();
    // The English home sends a first visit to the Korean one.
    await page.goto('/');
    await expect(page).toHaveURL(/\/ko$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expectAlternates(page, '/');
    await expect(page.getByTestId('language-switch')).toHaveText('English');

    await page.getByTestId('start-here').click();
    await expect(page).toHaveURL(new RegExp(`/ko/lessons/${lesson.slug}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
    await expect(page.getByTestId('step-of')).toContainText(`${lesson.steps.length}단계 중 1단계`);
    await expect(page.getByTestId('untranslated')).toHaveCount(0);
    await expectAlternates(page, `/lessons/${lesson.slug}`);

    // Run the first snippet: the buttons and the status are Korean, the snippet's title too.
    const first = lesson.steps[0]!.blocks[0]!;
    const block = playground(page, first.id);
    await expect(block).toContainText(lesson.snippetDetails.find((s) => s.id === first.snippet)!.title);
    await block.getByRole('button', { name: '실행', exact: true }).click();
    await expect(block.getByTestId('run-status')).toHaveAttribute('data-phase', 'ended', { timeout: 30_000 });
    await expect(block.getByTestId('run-status')).toContainText('완료');

    // The exercise, on its own step: the starter edited into the solution passes the runner's check.
    const exercise = lesson.snippetDetails.find(isExercise)!;
    const step = lesson.steps.find((s) => s.snippets.includes(exercise.id))!;
    await page.goto(`${step.path}#${exercise.id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    const exerciseBlock = playground(page, exercise.id);
    await scrollToBlock(exerciseBlock);
    await editorReady(exerciseBlock);
    const starter = exercise.variants.find((v) => v.id === 'starter')!;
    const solution = exercise.variants.find((v) => v.id === 'solution')!;
    for (const name of Object.keys(starter.files)) {
      if (starter.files[name] === solution.files[name]) continue;
      await exerciseBlock.getByRole('tab', { name: new RegExp(name.replace('.', '\\.')) }).click();
      await setEditorValue(page, exercise.id, solution.files[name]!);
    }
    await exerciseBlock.getByRole('button', { name: '실행', exact: true }).click();
    const check = exerciseBlock.getByTestId('check-result');
    await expect(check).toHaveAttribute('data-passed', 'true', { timeout: 30_000 });
    await expect(check).toContainText(`통과: ${exercise.check!.title}`);
    expect(problems).toEqual([]);
  });

  test('the switch keeps the step and the #snippet, and the choice sticks', async ({ page }) => {
    const lesson = korean();
    const step = lesson.steps[1]!;
    const block = step.blocks[0]!;
    await page.goto(`${step.path}#${block.id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('heading', { level: 2 }).first()).toContainText(step.title);

    await page.getByTestId('language-switch').click();
    await expect(page).toHaveURL(new RegExp(`/lessons/${lesson.slug}/${step.slug}#${block.id}$`));
    expect(new URL(page.url()).pathname.startsWith('/ko')).toBe(false);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 2 }).first()).toContainText(firstLesson().steps[1]!.title);
    await expect(page.getByTestId('language-switch')).toHaveText('한국어');

    // Chosen English: a Korean browser is no longer sent to /ko, and the switch stays.
    await page.goto('/');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByTestId('language-switch').click();
    await expect(page).toHaveURL(/\/ko$/);
    await page.goto('/lessons');
    await expect(page).toHaveURL(/\/ko\/lessons$/);
  });

  test('search on a Korean page finds Hangul words and the English terms', async ({ page }) => {
    const lesson = korean();
    await page.goto('/ko');
    const dialog = await openSearch(page, '강의 검색');
    const box = dialog.getByRole('combobox');
    await box.fill('소켓');
    const option = dialog.getByRole('option').first();
    await expect(option).toBeVisible();
    await expect(option).toHaveAttribute('href', /^\/ko\/lessons\//);
    // "broker" is an English heading's word; the Korean heading says 브로커.
    await box.fill('broker');
    await expect(dialog.getByRole('option').first()).toHaveAttribute('href', /^\/ko\/lessons\//);
    expect(lesson.headings.length).toBeGreaterThan(0);
  });

  test('axe finds nothing on the Korean home, lesson (after a run) and playground', async ({ page }) => {
    await page.goto('/ko');
    await page.waitForLoadState('networkidle');
    expect(await violations(page)).toEqual([]);

    const lesson = korean();
    await page.goto(lesson.steps[0]!.path);
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const block = page.locator('[data-playground]').first();
    await block.getByRole('button', { name: '실행', exact: true }).click();
    await expect(block.getByTestId('run-status')).toHaveAttribute('data-phase', 'ended', { timeout: 30_000 });
    expect(await violations(page)).toEqual([]);

    await page.goto('/ko/playground');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await page.waitForLoadState('networkidle');
    expect(await violations(page)).toEqual([]);
  });
});

test('a Korean embed (?lang=ko): Korean words, lang="ko"', async ({ page }) => {
  const lesson = korean();
  const snippet = lesson.snippetDetails[0]!;
  await page.goto(`/embed/${lesson.slug}/${snippet.id}?lang=ko`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('button', { name: '실행', exact: true })).toBeVisible();
  await expect(page.locator('body')).toContainText(snippet.title);
  expect(await violations(page)).toEqual([]);
});

test('the lessons API, oEmbed and the sitemap in Korean', async ({ request }) => {
  const lesson = korean();
  const detail = await request.get(`/api/lessons/${lesson.slug}?lang=ko`);
  expect(detail.status()).toBe(200);
  const body = (await detail.json()) as { title: string; lang: string; translated: boolean; steps: { path: string; title: string }[]; snippets: { title: string }[] };
  expect(body).toMatchObject({ title: lesson.title, lang: 'ko', translated: true });
  expect(body.steps[0]).toMatchObject({ path: `/ko/lessons/${lesson.slug}`, title: lesson.steps[0]!.title });
  expect(body.snippets[0]!.title).toBe(lesson.snippetDetails[0]!.title);
  const english = (await (await request.get(`/api/lessons/${lesson.slug}`)).json()) as Record<string, unknown>;
  expect(english.title).toBe(firstLesson().title);
  expect('lang' in english).toBe(false);

  const wrong = await request.get(`/api/lessons/${lesson.slug}?lang=xx`);
  expect(wrong.status()).toBe(400);
  expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('invalid-lang');
  const list = (await (await request.get('/api/lessons?lang=ko')).json()) as { lessons: { title: string }[]; lang: string };
  expect(list.lang).toBe('ko');
  expect(list.lessons[0]!.title).toBe(lesson.title);

  const oembed = await request.get(`/api/oembed?url=${encodeURIComponent(`/ko/lessons/${lesson.slug}`)}&format=json`);
  expect(oembed.status()).toBe(200);
  const embed = (await oembed.json()) as { title: string; html: string };
  expect(embed.title).toContain(lesson.title);
  expect(embed.html).toContain('lang=ko');

  const xml = await (await request.get('/sitemap.xml')).text();
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(paths).toContain('/ko');
  for (const step of lesson.steps) expect(paths).toContain(step.path);
  expect(xml).toMatch(/hreflang="ko"/);
});
