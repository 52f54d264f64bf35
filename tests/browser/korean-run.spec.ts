/**
 * The runner's sentences on Korean pages (issue 19): the run API stays English; a Korean
 * page says a failed check's details, a demo's note and a limit in Korean, from the run's
 * events and the snippet's Korean text. English pages keep the runner's words.
 */
import { expect, test, type Page } from '@playwright/test';
import { getLesson } from '../../content/loader';
import type { Lesson } from '../../content/types';
import { playground, watchPage, scrollToBlock } from './helpers';

const HANGUL = /[\uac00-\ud7a3]/;

function lesson(slug: string, lang: 'en' | 'ko'): Lesson {
  const found = getLesson(slug, undefined, lang);
  if (!found || found.untranslated) throw new Error(`${slug} has no ${lang} text`);
  return found;
}

/** Opens the step that shows `snippet`, checks its first block shows `variant`, and runs it to its end. */
async function runOn(page: Page, of: Lesson, snippet: string, variant: string) {
  const step = of.steps.find((s) => s.snippets.includes(snippet));
  if (!step) throw new Error(`${of.slug} shows no ${snippet}`);
  await page.goto(`${step.path}#${snippet}`);
  const block = playground(page, snippet);
  await scrollToBlock(block);
  await expect(block).toHaveAttribute('data-variant', variant);
  const run = of.lang === 'ko' ? '실행' : 'Run';
  await block.getByRole('button', { name: run, exact: true }).click();
  await expect(block.getByTestId('run-status')).toHaveAttribute('data-phase', 'ended', { timeout: 40_000 });
  return block;
}

const EXERCISE = { lesson: '01-what-is-zeromq', snippet: 'exercise-three-requests' };

test('a Korean page says a failed check in Korean, and its time limit', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const korean = lesson(EXERCISE.lesson, 'ko');
  const english = lesson(EXERCISE.lesson, 'en');
  const check = korean.snippetDetails.find((s) => s.id === EXERCISE.snippet)!.check!;
  const englishCheck = english.snippetDetails.find((s) => s.id === EXERCISE.snippet)!.check!;

  const block = await runOn(page, korean, EXERCISE.snippet, 'starter');
  const result = block.getByTestId('check-result');
  await expect(result).toHaveAttribute('data-passed', 'false');
  await expect(result).toContainText(`아직 아닙니다: ${check.title}`);
  const details = block.getByTestId('check-details');
  // The lesson's Korean sentence, then what the run did, in Korean; not the runner's English.
  await expect(details).toContainText(`${check.expect.explain!.status} 이번에는 실행이`);
  await expect(details).toContainText(HANGUL);
  await expect(details).not.toContainText(englishCheck.expect.explain!.status!);
  await expect(details).not.toContainText('This time it');
  // The starter waits forever: it ends at its time limit, said in Korean with its value.
  await expect(block.getByTestId('run-status')).toHaveAttribute('data-status', 'timeout');
  await expect(block.getByTestId('run-end')).toHaveText(/^실행이 시간 제한\(\d+(?:\.\d)?초\)을 넘겨 중지되었습니다\.$/);
  expect(problems).toEqual([]);
});

test('an English page keeps the runner\'s English check details and messages', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const english = lesson(EXERCISE.lesson, 'en');
  const check = english.snippetDetails.find((s) => s.id === EXERCISE.snippet)!.check!;
  const block = await runOn(page, english, EXERCISE.snippet, 'starter');
  await expect(block.getByTestId('check-details')).toContainText(`${check.expect.explain!.status} This time it ran until its time limit`);
  await expect(block.getByTestId('check-details')).not.toContainText(HANGUL);
  await expect(block.getByTestId('run-end')).toHaveText(/^The run took longer than its time limit of [\d.]+ s and was stopped\.$/);
  expect(problems).toEqual([]);
});

test('a Korean page says a demo\'s note in Korean, filled in from the run', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const korean = lesson('05-performance-and-security', 'ko');
  const note = korean.snippetDetails.find((s) => s.id === 'hwm-overflow')!.variants.find((v) => v.id === 'broken')!.expect!.note!;
  const block = await runOn(page, korean, 'hwm-overflow', 'broken');
  const shown = block.getByTestId('run-note');
  await expect(shown).toBeVisible();
  // The Korean note with the number of messages that arrived in place of {receiver.1}.
  const [before, after] = note.split('{receiver.1}') as [string, string];
  await expect(shown).toContainText(new RegExp(`${escape(before)}\\d+${escape(after)}`));
  await expect(shown).not.toContainText('Messages were lost');
  await expect(block.getByTestId('run-end')).toContainText(HANGUL);
  expect(problems).toEqual([]);
});

test('a Korean page says a timeout demo\'s end in Korean', async ({ page }) => {
  const korean = lesson('01-what-is-zeromq', 'ko');
  const block = await runOn(page, korean, 'linger', 'broken');
  await expect(block.getByTestId('run-status')).toHaveAttribute('data-status', 'timeout');
  await expect(block.getByTestId('run-status')).toContainText('시간 초과');
  await expect(block.getByTestId('run-end')).toHaveText(/^실행이 시간 제한\(\d+(?:\.\d)?초\)을 넘겨 중지되었습니다\.$/);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
