import { expect, test, type Page } from '@playwright/test';
import type { Lesson, Snippet } from '../../content/types';
import { variantLabel } from '../../app/components/playground/variantKind';
import {
  editorReady,
  editorValue,
  firstLesson,
  focusEditorEnd,
  lessons,
  playground,
  setEditorValue,
  stdoutOf,
  terminalPane,
  waitForEnd,
  watchPage,
  scrollToBlock,
} from './helpers';
import { anchorHref } from '../../content/steps';

/** Snippets of the first lesson picked by what they are, not by name. */
function pick(lesson: Lesson, what: (snippet: Snippet) => boolean, description: string): Snippet {
  const snippet = lesson.snippetDetails.find(what);
  if (!snippet) throw new Error(`${lesson.slug} has no snippet that ${description}`);
  return snippet;
}

const twoProcesses = (s: Snippet) => s.variants.length === 1 && (s.variants[0]!.processes?.length ?? 0) === 2;
const brokenAndFixed = (s: Snippet) => s.variants.some((v) => v.id === 'broken') && s.variants.some((v) => v.id === 'fixed');
const sameFiles = (s: Snippet) => {
  const [a, b] = ['broken', 'fixed'].map((id) => Object.keys(s.variants.find((v) => v.id === id)?.files ?? {}).sort().join());
  return a === b;
};
const exercise = (s: Snippet) => s.check !== undefined && s.variants.some((v) => v.id === 'starter') && s.variants.some((v) => v.id === 'solution');

async function openBlock(page: Page, lesson: Lesson, blockId: string) {
  await page.goto(`/lessons/${lesson.slug}#${blockId}`);
  const block = playground(page, blockId);
  await scrollToBlock(block);
  await editorReady(block);
  return block;
}

test('edit, Ctrl+Enter, live output in one labelled terminal per process', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const lesson = firstLesson();
  const snippet = pick(lesson, twoProcesses, 'runs two processes');
  const [first, second] = snippet.variants[0]!.processes!;
  const block = await openBlock(page, lesson, snippet.id);

  // The first tab is the first process's file: add a line at its end, then run from the keyboard.
  await expect(block.getByRole('tab', { selected: true })).toContainText(first!.entry);
  await focusEditorEnd(page, block);
  await page.keyboard.type('\nconsole.log("typed in the editor");');
  await expect(block.getByRole('tab', { selected: true })).toContainText('(edited)');
  await page.keyboard.press('Control+Enter');

  // One pane per process, labelled, each with its own output.
  const firstLog = block.getByRole('log', { name: `${first!.name} output` });
  const secondLog = block.getByRole('log', { name: `${second!.name} output` });
  await expect(firstLog).toContainText('typed in the editor', { timeout: 30_000 });
  await expect(block.locator(`[data-terminal="${first!.name}"] .xterm`)).toBeVisible();
  await expect(block.locator(`[data-terminal="${second!.name}"] .xterm`)).toBeVisible();
  const status = await waitForEnd(block);
  await expect(status).toHaveAttribute('data-status', 'ok');
  expect(await stdoutOf(block, second!.name)).not.toContain('typed in the editor');
  for (const process of [first!, second!]) {
    await expect(block.locator(`[data-process-status="${process.name}"]`)).toContainText(/exit 0 · \d+/);
  }
  // A lesson's column is too narrow for two 80-column terminals side by side: they stack, each full width.
  const a = await terminalPane(block, first!.name);
  const b = await terminalPane(block, second!.name);
  expect(b.box.y).toBeGreaterThanOrEqual(a.box.y + a.box.height);
  expect(Math.min(a.cols, b.cols)).toBeGreaterThanOrEqual(80);
  await expect(secondLog).not.toBeEmpty();
  expect(problems).toEqual([]);
});

test('on a phone the terminals stack', { tag: '@phone' }, async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const lesson = firstLesson();
  const snippet = pick(lesson, twoProcesses, 'runs two processes');
  const [first, second] = snippet.variants[0]!.processes!;
  const block = await openBlock(page, lesson, snippet.id);
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForEnd(block);
  await expect(block.locator(`[data-terminal="${second!.name}"] .xterm`)).toBeVisible();
  const a = (await block.locator(`[data-terminal="${first!.name}"]`).boundingBox())!;
  const b = (await block.locator(`[data-terminal="${second!.name}"]`).boundingBox())!;
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test('the editor replaces the highlighted code at the same size, once the playground nears the viewport', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const lesson = firstLesson();
  // A block that is not the first of its step: far below the first screen when the step opens.
  const step = lesson.steps.find((s) => s.blocks.length > 1)!;
  const blockId = step.blocks.at(-1)!.id;
  const monaco: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/vendor/monaco/')) monaco.push(request.url());
  });
  await page.goto(step.path);
  const block = playground(page, blockId);
  const code = block.locator('[role="tabpanel"]');
  // Far below the first screen: still the server's highlighted code, and no editor loaded.
  await expect(code.locator('[data-placeholder] pre')).toBeVisible();
  await expect(block.locator('[data-editor="loading"]')).toBeAttached();
  await page.waitForLoadState('networkidle');
  const before = (await code.boundingBox())!.height;
  expect(before).toBeGreaterThan(100);
  // Until then the block is the server's HTML, left as it is by hydration (PlaygroundIsland):
  // the very element the page was parsed with, marked here, is still there.
  await block.evaluate((element) => ((element as HTMLElement & { fromServer?: boolean }).fromServer = true));
  expect(await block.evaluate((element) => (element as HTMLElement & { fromServer?: boolean }).fromServer)).toBe(true);
  await scrollToBlock(block);
  await editorReady(block);
  // Near the viewport, the block rendered by React took its place, at the same size.
  expect(await block.evaluate((element) => (element as HTMLElement & { fromServer?: boolean }).fromServer ?? false)).toBe(false);
  expect(monaco.some((url) => url.endsWith('/editor.js'))).toBe(true);
  expect(Math.abs((await code.boundingBox())!.height - before)).toBeLessThanOrEqual(1);
  // Hydrating a page whose blocks are still the server's says nothing is wrong.
  expect(problems).toEqual([]);
});

test('completion, hover docs and type errors know zeromq', async ({ page }) => {
  const lesson = firstLesson();
  const snippet = pick(lesson, twoProcesses, 'runs two processes');
  const block = await openBlock(page, lesson, snippet.id);
  await focusEditorEnd(page, block);
  await page.keyboard.type('\nconst extra = new zmq.');
  const suggestions = block.locator('.suggest-widget .monaco-list-row');
  await expect(suggestions.filter({ hasText: /^Reply/ }).first()).toBeVisible({ timeout: 30_000 });
  await expect(suggestions.filter({ hasText: /^Request/ }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  // A member that does not exist is a type error, shown in the editor.
  await page.keyboard.type('Publisher();\nextra.noSuchMethod();');
  await expect(block.locator('.squiggly-error').first()).toBeAttached({ timeout: 30_000 });
  // Hover docs come from zeromq's own type definitions.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Control+i');
  await expect(page.locator('.monaco-hover:visible').first()).toContainText('Publisher', { timeout: 30_000 });
  // Ctrl+K in the editor is the editor's (a chord), not the site's search.
  await expect(page.getByRole('dialog', { name: 'Search the lessons' })).toBeHidden();
});

test('the blocked banner says why in the lesson’s words, and Stop ends a run that is stuck waiting', async ({ page }) => {
  // A lesson demo that blocks: the banner (after 2 s of quiet) in the words the lesson gives it.
  const lesson = firstLesson();
  const snippet = pick(lesson, (s) => brokenAndFixed(s) && s.variants.find((v) => v.id === 'broken')!.expect?.blocked === true, 'has a broken variant that blocks');
  const block = await openBlock(page, lesson, snippet.id);
  await expect(block).toHaveAttribute('data-variant', 'broken');
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  const banner = block.getByTestId('run-blocked');
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(banner).toContainText(snippet.onBlocked ?? 'waiting');

  // Stop, on a program stuck the same way under the playground's 10 s limit: a lesson demo's
  // few seconds between the banner and its own limit are too few for a busy machine to press Stop in.
  await page.goto('/playground');
  const scratch = playground(page, 'scratch');
  await editorReady(scratch);
  await setEditorValue(
    page,
    'scratch',
    'import * as zmq from "zeromq";\nconst reply = new zmq.Reply();\nawait reply.bind("tcp://127.0.0.1:5555");\nconsole.log("waiting for a request");\nawait reply.receive();\n',
  );
  await scratch.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(scratch.getByTestId('run-blocked')).toBeVisible({ timeout: 30_000 });
  await scratch.getByRole('button', { name: 'Stop', exact: true }).click();
  const status = await waitForEnd(scratch, 10_000);
  await expect(status).toHaveAttribute('data-status', 'stopped');
  await expect(status).toHaveText(/Stopped/);
});

test('a demo that fails on purpose says, after its run, what the run shows', async ({ page }) => {
  const noted = lessons().flatMap((lesson) =>
    lesson.snippetDetails.flatMap((snippet) =>
      // A note without {placeholders}: its words are shown as written.
      snippet.variants
        .filter((v) => v.id === 'broken' && v.expect?.note && !v.expect.note.includes('{'))
        .map((variant) => ({ lesson, snippet, note: variant.expect!.note! })),
    ),
  );
  const { lesson, snippet, note } = noted[0]!;
  await page.goto(anchorHref(lesson, snippet.id));
  // The block that shows the broken variant (a snippet may be shown broken here, fixed there).
  const block = page.locator(`[data-playground^="${snippet.id}"][data-variant="broken"]`).first();
  await scrollToBlock(block);
  await editorReady(block);
  await expect(block.getByTestId('run-note')).toHaveCount(0);
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForEnd(block, 30_000);
  await expect(block.getByTestId('run-note')).toContainText(note);
});

test('Reset asks first, then resets one file or all of them; edits survive a reload', async ({ page }) => {
  const lesson = firstLesson();
  const snippet = pick(lesson, twoProcesses, 'runs two processes');
  const files = snippet.variants[0]!.files;
  const [first, second] = snippet.variants[0]!.processes!.map((p) => p.entry);
  const block = await openBlock(page, lesson, snippet.id);

  await setEditorValue(page, snippet.id, '// first file, edited\n');
  await block.getByRole('tab', { name: new RegExp(second!.replace('.', '\\.')) }).click();
  await setEditorValue(page, snippet.id, '// second file, edited\n');
  await expect(block.getByRole('tab', { name: /\(edited\)/ })).toHaveCount(2);

  // A reload keeps both edits.
  await page.reload();
  await editorReady(block);
  expect(await editorValue(page, snippet.id, first)).toBe('// first file, edited\n');
  expect(await editorValue(page, snippet.id, second)).toBe('// second file, edited\n');
  await expect(block.getByRole('tab', { name: /\(edited\)/ })).toHaveCount(2);

  // Reset asks first; Cancel changes nothing.
  const reset = block.getByRole('button', { name: 'Reset', exact: true });
  await reset.click();
  const question = block.getByRole('group', { name: 'Reset to the lesson’s code' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button').first()).toBeFocused();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  await expect(reset).toBeFocused();
  expect(await editorValue(page, snippet.id, first)).toBe('// first file, edited\n');

  // One file: the one on show.
  await block.getByRole('tab', { name: new RegExp(first!.replace('.', '\\.')) }).click();
  await reset.click();
  await question.getByRole('button', { name: `Reset ${first}` }).click();
  await expect.poll(() => editorValue(page, snippet.id, first)).toBe(files[first!]);
  expect(await editorValue(page, snippet.id, second)).toBe('// second file, edited\n');

  // All files.
  await reset.click();
  await question.getByRole('button', { name: 'Reset all files' }).click();
  await expect.poll(() => editorValue(page, snippet.id, second)).toBe(files[second!]);
  await expect(block.getByRole('tab', { name: /\(edited\)/ })).toHaveCount(0);
  await expect(reset).toHaveAttribute('aria-disabled', 'true');

  // Nothing stays saved, and a lesson whose code changed never gets old edits back.
  await setEditorValue(page, snippet.id, '// edited again\n');
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith('zmq-playground.edits.v1:')) continue;
      const entry = JSON.parse(localStorage.getItem(key)!) as { hash: string };
      localStorage.setItem(key, JSON.stringify({ ...entry, hash: 'an-older-version' }));
    }
  });
  await page.reload();
  await editorReady(block);
  expect(await editorValue(page, snippet.id, first)).toBe(files[first!]);
});

test('variants: switch, and see the diff against the other one', async ({ page }) => {
  const lesson = firstLesson();
  const snippet = pick(lesson, (s) => brokenAndFixed(s) && sameFiles(s), 'has broken and fixed variants of the same files');
  const fixed = snippet.variants.find((v) => v.id === 'fixed')!;
  const broken = snippet.variants.find((v) => v.id === 'broken')!;

  // A block that offers both variants switches between them: by a click on the pill
  // (its icon included), then by the keyboard.
  const withSwitcher = lessons()
    .map((l) => ({ lesson: l, snippet: l.snippetDetails.find((s) => brokenAndFixed(s) && new RegExp(`<Playground snippet="${s.id}"\\s*/>`).test(l.body)) }))
    .find((found) => found.snippet);
  expect(withSwitcher?.snippet, 'some lesson shows a block with a variant switcher').toBeTruthy();
  {
    const switcher = withSwitcher!.snippet!;
    const block = await openBlock(page, withSwitcher!.lesson, switcher.id);
    const first = switcher.variants[0]!;
    const target = switcher.variants.find((v) => v.id !== first.id)!;
    const radioName = (v: typeof first) => ({ name: new RegExp(variantLabel(v).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    const radio = (v: typeof first) => block.getByRole('radio', radioName(v));
    await radio(target).check();
    await expect(block).toHaveAttribute('data-variant', target.id);
    const name = Object.keys(target.files)[0]!;
    await expect.poll(() => editorValue(page, switcher.id, name)).toBe(target.files[name]);
    // A tap on the icon at the pill's left edge switches too.
    const pill = block.locator('label', { has: page.getByRole('radio', radioName(first)) });
    const box = (await pill.boundingBox())!;
    await page.mouse.click(box.x + 14, box.y + box.height / 2);
    await expect(block).toHaveAttribute('data-variant', first.id);
    await radio(first).focus();
    await page.keyboard.press('ArrowRight');
    await expect(block).toHaveAttribute('data-variant', target.id);
  }

  // The broken block compares with the fixed variant: in a lesson's column, inline, so that no line is cut.
  const block = await openBlock(page, lesson, snippet.id);
  await block.getByRole('button', { name: 'Diff with fixed' }).click();
  await expect(block.getByRole('button', { name: 'Diff with fixed' })).toHaveAttribute('aria-pressed', 'true');
  const diff = block.locator('.monaco-diff-editor');
  await expect(diff).toBeVisible({ timeout: 30_000 });
  await expect(diff.locator('.editor.modified')).toBeVisible();
  const area = (await block.locator('.playground-code').boundingBox())!;
  await expect.poll(async () => (await diff.locator('.editor.modified').boundingBox())!.width).toBeGreaterThanOrEqual(area.width * 0.9);
  const shown = (await block.locator('[role="tabpanel"]').getAttribute('data-file'))!;
  // The fixed side holds the fixed variant's code: a line only it has (the broken one's deleted lines are view zones).
  const fixedLine = fixed.files[shown]!.split('\n').find((line) => line.trim().length > 12 && !broken.files[shown]!.includes(line));
  if (fixedLine) await expect(diff.locator('.editor.modified .view-lines:not([monaco-view-zone])')).toContainText(fixedLine.trim().slice(0, 24));

  // "My changes": the learner's edits against the lesson's code.
  await block.getByRole('button', { name: 'Code', exact: true }).click();
  await expect(block.locator('.monaco-diff-editor')).toHaveCount(0);
  await focusEditorEnd(page, block);
  await page.keyboard.type('\n// my own line');
  await block.getByRole('button', { name: 'My changes' }).click();
  await expect(block.locator('.monaco-diff-editor .editor.modified')).toContainText('my own line', { timeout: 30_000 });
});

// Lessons show a broken and a fixed variant as two blocks; an embed of the snippet has the switcher.
test('the variant switcher says broken and fixed in words, with an icon, not by emoji alone', async ({ page }) => {
  const lesson = lessons().find((l) => l.snippetDetails.some(brokenAndFixed))!;
  const snippet = lesson.snippetDetails.find(brokenAndFixed)!;
  await page.goto(`/embed/${lesson.slug}/${snippet.id}`);
  const switcher = page.locator(`[data-playground="${snippet.id}"]`).getByRole('group', { name: 'Variant' });
  for (const [id, word] of [['broken', 'Broken'], ['fixed', 'Fixed']] as const) {
    const radio = switcher.getByRole('radio', { name: new RegExp(`^${word}: `) });
    await expect(radio).toHaveValue(id);
    const pill = switcher.locator(`label[data-kind="${id}"]`);
    // Seen: the word, and an SVG icon (drawn without any emoji font) beside it.
    await expect(pill).toHaveText(new RegExp(`^${word}: `));
    await expect(pill.locator('svg')).toHaveCount(1);
    expect(await pill.innerText()).not.toMatch(/\p{Extended_Pictographic}/u);
  }
});

/** Edits the first file of a two-process snippet and makes a share link of it. */
async function makeShareLink(page: Page) {
  const lesson = firstLesson();
  const snippet = pick(lesson, twoProcesses, 'runs two processes');
  const [entry] = snippet.variants[0]!.processes!.map((p) => p.entry);
  const block = await openBlock(page, lesson, snippet.id);
  const sharedCode = `${snippet.variants[0]!.files[entry!]}\nconsole.log("shared by a link");\n`;
  await setEditorValue(page, snippet.id, sharedCode);
  await block.getByRole('button', { name: 'Share' }).click();
  const field = block.getByRole('textbox', { name: 'Share link' });
  await expect(field).toBeVisible();
  const link = await field.inputValue();
  // The link of the step that shows the snippet.
  expect(link).toContain(`${anchorHref(lesson, snippet.id)}?variant=main&code=`);
  return { lesson, snippet, entry: entry!, block, sharedCode, link };
}

test('share: the link reopens the playground with exactly that code', async ({ page, browser, baseURL }) => {
  const { snippet, entry, sharedCode, link } = await makeShareLink(page);
  // A fresh browser: the link opens the snippet with that code, scrolled into view.
  const other = await browser.newContext({ baseURL });
  const fresh = await other.newPage();
  const problems = watchPage(fresh, baseURL!);
  await fresh.goto(link);
  const opened = playground(fresh, snippet.id);
  await expect(opened.getByTestId('shared-banner')).toBeVisible();
  await editorReady(opened);
  await expect(opened).toBeInViewport();
  expect(await editorValue(fresh, snippet.id, entry)).toBe(sharedCode);
  await opened.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(opened.getByRole('log', { name: /output/ }).first()).toContainText('shared by a link', { timeout: 30_000 });
  expect(problems).toEqual([]);
  await other.close();
});

test('share: a link never replaces the learner’s own code without asking, and a damaged one says so', async ({ page }) => {
  const { lesson, snippet, entry, block, sharedCode, link } = await makeShareLink(page);
  await setEditorValue(page, snippet.id, '// my own code\n');
  await page.goto(link);
  await page.reload();
  await expect(block.getByTestId('shared-banner')).toBeVisible();
  await editorReady(block);
  expect(await editorValue(page, snippet.id, entry)).toBe(sharedCode);
  await block.getByRole('button', { name: 'Back to my code' }).click();
  await expect.poll(() => editorValue(page, snippet.id, entry)).toBe('// my own code\n');
  await expect(block.getByTestId('shared-banner')).toBeHidden();

  // "Keep this code" keeps the learner's own restorable.
  await page.goto(link);
  await expect(block.getByTestId('shared-banner')).toBeVisible();
  await block.getByRole('button', { name: 'Keep this code' }).click();
  await expect(block.getByTestId('backup-banner')).toBeVisible();
  await page.reload();
  await editorReady(block);
  expect(await editorValue(page, snippet.id, entry)).toBe(sharedCode);
  await block.getByRole('button', { name: 'Restore my code' }).click();
  await expect.poll(() => editorValue(page, snippet.id, entry)).toBe('// my own code\n');
  await expect(block.getByTestId('backup-banner')).toBeHidden();

  // A damaged link says so and shows the learner's code.
  await page.goto(`/lessons/${lesson.slug}#${snippet.id}?variant=main&code=${link.split('code=')[1]!.slice(0, 20)}`);
  await page.reload();
  await expect(block.getByTestId('share-error')).toBeVisible();
  await editorReady(block);
  expect(await editorValue(page, snippet.id, entry)).toBe('// my own code\n');
});

test('a shared link is checked against the run API’s limits before anything is shown', async ({ page }) => {
  await page.goto('/playground');
  const block = playground(page, 'scratch');
  await editorReady(block);
  const original = await editorValue(page, 'scratch');
  /** A link payload made the way the site makes them: JSON, deflate-raw, base64url. */
  const payload = (files: Record<string, string>) =>
    page.evaluate(async (value) => {
      const stream = new Blob([JSON.stringify({ v: 1, files: value })]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }, files);
  const cases: [Record<string, string>, RegExp][] = [
    [{ '../main.ts': 'console.log(1)' }, /not a file name a run may use/],
    // (A file of another name is fine here: the playground page takes any files a run may have.)
    [Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`f${i}.ts`, ''])), /9 files; a run may have 8/],
    [{ 'main.ts': 'x'.repeat(70 * 1024) }, /larger than 64 KiB/],
  ];
  for (const [files, message] of cases) {
    await page.goto(`/playground#scratch?variant=main&code=${await payload(files)}`);
    await page.reload();
    await expect(block.getByTestId('share-error')).toContainText(message);
    await expect(block.getByTestId('shared-banner')).toHaveCount(0);
    await editorReady(block);
    expect(await editorValue(page, 'scratch')).toBe(original);
  }
});

test('a link to a snippet and variant lands on its block', async ({ page }) => {
  const lesson = firstLesson();
  const snippet = pick(lesson, brokenAndFixed, 'has broken and fixed variants');
  await page.goto(`/lessons/${lesson.slug}#${snippet.id}?variant=fixed`);
  const block = page.locator(`[data-playground="${snippet.id}"][data-variant="fixed"]`);
  await expect(block).toBeInViewport();
});

test('Escape then Tab leaves the editor, and the hint says so', async ({ page }) => {
  const lesson = firstLesson();
  const snippet = pick(lesson, twoProcesses, 'runs two processes');
  const block = await openBlock(page, lesson, snippet.id);
  await focusEditorEnd(page, block);
  // Tab indents inside the editor.
  const before = await editorValue(page, snippet.id);
  await page.keyboard.press('Tab');
  await expect.poll(() => editorValue(page, snippet.id)).not.toBe(before);
  await page.keyboard.press('Escape');
  await expect(block.locator('[data-tab-hint="armed"]')).toContainText('Tab leaves the editor');
  await page.keyboard.press('Tab');
  await expect(block.getByRole('button', { name: 'Run', exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true);
});

test('an exercise is solved only by a passed check from the runner', async ({ page }) => {
  const lesson = firstLesson();
  const snippet = pick(lesson, exercise, 'is an exercise');
  const starter = snippet.variants.find((v) => v.id === 'starter')!;
  const solution = snippet.variants.find((v) => v.id === 'solution')!;
  const block = await openBlock(page, lesson, snippet.id);
  await expect(block).toHaveAttribute('data-variant', 'starter');
  const badge = block.getByTestId('exercise-badge');
  await expect(badge).toHaveAttribute('data-solved', 'false');

  // The starter as it is: the check says "not yet", with details.
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  const check = block.getByTestId('check-result');
  await expect(check).toHaveAttribute('data-passed', 'false', { timeout: 30_000 });
  await expect(check).toContainText(snippet.check!.title);
  await expect(check.locator('li').first()).toBeVisible();
  await expect(badge).toHaveAttribute('data-solved', 'false');

  // Edit the starter into the solution, file by file, and run it.
  for (const name of Object.keys(starter.files)) {
    if (starter.files[name] === solution.files[name]) continue;
    await block.getByRole('tab', { name: new RegExp(name.replace('.', '\\.')) }).click();
    await setEditorValue(page, snippet.id, solution.files[name]!);
  }
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(check).toHaveAttribute('data-passed', 'true', { timeout: 30_000 });
  await expect(check).toContainText('Passed');
  await expect(badge).toHaveAttribute('data-solved', 'true');
  await expect(badge).toContainText('Exercise solved');

  // Recorded in the learner's progress.
  await page.goto('/');
  await expect(page.getByTestId(`progress-${lesson.slug}`)).toContainText('1 of');
});

test('the solution shows against the learner’s code; using it keeps theirs restorable', async ({ page }) => {
  const lesson = firstLesson();
  const snippet = pick(lesson, (s) => exercise(s) && new RegExp(`<Solution>\\s*<Playground snippet="${s.id}" variant="solution"`).test(lesson.body), 'shows its solution in <Solution>');
  const solution = snippet.variants.find((v) => v.id === 'solution')!;
  const starter = playground(page, snippet.id);
  await openBlock(page, lesson, snippet.id);
  const changed = Object.keys(solution.files).find((name) => snippet.variants.find((v) => v.id === 'starter')!.files[name] !== solution.files[name])!;
  await starter.getByRole('tab', { name: new RegExp(changed.replace('.', '\\.')) }).click();
  await setEditorValue(page, snippet.id, '// my attempt\n');

  // The hint comes before the solution; both start closed.
  const details = page.locator('details[data-collapsible]');
  const order = await details.evaluateAll((all) => all.map((d) => d.getAttribute('data-collapsible')));
  expect(order.indexOf('hint')).toBeLessThan(order.indexOf('solution'));
  const solutionBlockId = `${snippet.id}-solution`;
  const box = page.locator('details[data-collapsible="solution"]').filter({ has: page.locator(`[id="${solutionBlockId}"]`) });
  await box.locator('summary').click();
  const block = playground(page, solutionBlockId);
  await editorReady(block);

  // Shown as a diff: the learner's code on one side, the solution on the other.
  await block.getByRole('tab', { name: new RegExp(changed.replace('.', '\\.')) }).click();
  const diff = block.locator('.monaco-diff-editor');
  await expect(diff).toBeVisible({ timeout: 30_000 });
  await expect(diff.locator('.editor.original')).toContainText('my attempt');

  await block.getByRole('button', { name: 'Use the solution' }).click();
  await expect.poll(() => editorValue(page, snippet.id, changed)).toBe(solution.files[changed]);
  await expect(starter.getByTestId('backup-banner')).toBeVisible();
  await starter.getByRole('button', { name: 'Restore my code' }).click();
  await expect.poll(() => editorValue(page, snippet.id, changed)).toBe('// my attempt\n');
});

test('the output survives a dropped event stream: nothing lost, nothing repeated', async ({ page }) => {
  await page.goto('/playground');
  const block = playground(page, 'scratch');
  await editorReady(block);
  await setEditorValue(page, 'scratch', 'for (let i = 1; i <= 30; i++) {\n  console.log(`line ${i}`);\n  await new Promise((r) => setTimeout(r, 40));\n}\n');

  // The network in between fails twice, for real: the first stream is cut after
  // a few events (mid-event), then the browser's own reconnection gets a 502, so
  // the page reopens the stream itself with ?lastEventId — and that answer repeats
  // the whole run from the start, as a server ignoring the id might.
  let requests = 0;
  const seen: string[] = [];
  await page.route('**/api/runs/*/events*', async (route) => {
    requests += 1;
    seen.push(route.request().url().replace(/^.*\/events/, ''));
    if (requests === 1) {
      const response = await route.fetch();
      const body = await response.text();
      const events = body.split('\n\n');
      const cut = events.findIndex((event) => event.includes('line 8'));
      await route.fulfill({ response, body: `${events.slice(0, cut).join('\n\n')}\n\n${events[cut]!.slice(0, 25)}` });
    } else if (requests === 2) {
      await route.fulfill({ status: 502, contentType: 'text/plain', body: 'Bad gateway' });
    } else {
      const url = new URL(route.request().url());
      url.searchParams.delete('lastEventId');
      await route.fulfill({ response: await route.fetch({ url: url.href, headers: {} }) });
    }
  });

  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(block.getByTestId('run-status')).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
  const lines = (await stdoutOf(block, 'main')).split('\n');
  expect(lines).toEqual(Array.from({ length: 30 }, (_, i) => `line ${i + 1}`));
  expect(requests).toBe(3);
  // The page reopened the stream itself, after the last event it had seen.
  expect(seen[2]).toMatch(/^\?lastEventId=\d+$/);
});
