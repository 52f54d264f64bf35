import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadTemplates } from '../../content/templates';
import { editorReady, editorValue, firstLesson, focusEditorEnd, horizontalOverflow, playground, setEditorValue, stdoutOf, waitForEnd, watchPage } from './helpers';

/** The scratchpad, with its editor loaded (and optionally new code in it). */
async function scratchpad(page: Page, code: string | null = null) {
  await page.goto('/playground');
  const block = playground(page, 'scratch');
  await editorReady(block);
  if (code !== null) await setEditorValue(page, 'scratch', code);
  return block;
}

const run = (page: Page) => playground(page, 'scratch').getByRole('button', { name: 'Run', exact: true }).click();

test('the playground page has the scratchpad', { tag: '@phone' }, async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/playground');
  await expect(page).toHaveTitle(/^Playground/);
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Playground', exact: true }).first()).toHaveAttribute('aria-current', 'page');
  const block = playground(page, 'scratch');
  await expect(block.getByRole('tab', { name: /main\.ts/ })).toBeVisible();
  await expect(block.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  await expect(block.getByRole('button', { name: 'Stop', exact: true })).toBeVisible();
  await expect(block.getByTestId('run-status')).toHaveAttribute('data-phase', 'idle');
  await editorReady(block);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test.describe('scratchpad', () => {
  test('Run prints World and ends ok', async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL!);
    const block = await scratchpad(page);
    await run(page);
    await expect(block.getByRole('log', { name: 'Output' })).toContainText('World', { timeout: 20_000 });
    const status = await waitForEnd(block);
    await expect(status).toHaveAttribute('data-status', 'ok');
    await expect(status).toHaveText(/Finished/);
    await expect(block.locator('[data-process-status="main"]')).toContainText('exit 0');
    expect(problems).toEqual([]);
  });

  test('output streams live while the program runs', async ({ page }) => {
    // 4 s apart, so a busy machine cannot deliver both at once and hide the streaming.
    const block = await scratchpad(page, 'console.log("first");\nawait new Promise((r) => setTimeout(r, 4000));\nconsole.log("second");\n');
    await run(page);
    const log = block.getByRole('log', { name: 'Output' });
    await expect(log).toContainText('first', { timeout: 20_000 });
    // "first" is there while the program still runs: it streamed, not at the end.
    await expect(block.getByTestId('run-status')).toHaveAttribute('data-phase', 'running');
    await expect(log).not.toContainText('second');
    await expect(log).toContainText('second', { timeout: 20_000 });
    await expect(block.getByTestId('run-status')).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
  });

  test('an infinite loop can be stopped', async ({ page }) => {
    const block = await scratchpad(page, 'console.log("looping");\nwhile (true) {}\n');
    await run(page);
    const status = block.getByTestId('run-status');
    await expect(status).toHaveAttribute('data-phase', 'running', { timeout: 20_000 });
    await block.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(status).toHaveAttribute('data-status', 'stopped', { timeout: 10_000 });
    await expect(status).toHaveText(/Stopped/);
  });

  test('a syntax error names main.ts and fails, on stderr — the editor shows it too, but never blocks Run', async ({ page }) => {
    const block = await scratchpad(page, 'const x = ;\nconsole.log(x);\n');
    await expect(block.locator('.squiggly-error').first()).toBeAttached({ timeout: 20_000 });
    await run(page);
    const status = await waitForEnd(block);
    await expect(status).toHaveAttribute('data-status', 'failed');
    const log = block.getByRole('log', { name: 'Output' });
    await expect(log).toContainText('main.ts');
    await expect(log.locator('[data-stream="stderr"]').first()).toBeAttached();
  });

  test('a runtime error is marked at its line in the editor and listed under the run', async ({ page }) => {
    // `any`: TypeScript sees nothing wrong, so every error marker in the editor is the run's.
    const block = await scratchpad(page, 'const job: any = {};\njob.run();\n');
    await expect(block.locator('.squiggly-error')).toHaveCount(0);
    await run(page);
    const status = await waitForEnd(block);
    await expect(status).toHaveAttribute('data-status', 'failed');
    const errors = block.getByTestId('run-errors');
    await expect(errors).toContainText('main.ts:2:5 — TypeError: job.run is not a function');
    await expect(block.locator('.squiggly-error').first()).toBeAttached({ timeout: 10_000 });
    // The marker sits on line 2, where the call is.
    const marked = await page.evaluate(() => {
      const ed = window.__zmqEditors!['scratch']!.editor;
      const decorations = ed.getModel()!.getAllDecorations().filter((d) => d.options.className?.includes('squiggly-error'));
      return decorations.map((d) => d.range.startLineNumber);
    });
    expect(marked).toEqual([2]);
  });

  test('each process exit is shown, and the end in plain words', async ({ page }) => {
    const block = await scratchpad(page, 'console.log("before");\nprocess.exit(3);\n');
    await run(page);
    const status = await waitForEnd(block);
    await expect(status).toHaveAttribute('data-status', 'failed');
    await expect(status).toHaveText(/Failed/);
    await expect(block.locator('[data-process-status="main"]')).toContainText('exit 3');
    await expect(block.getByRole('log').locator('[data-stream="note"]').filter({ hasText: 'main exited with code 3' })).toBeAttached();
    await expect(block.getByTestId('run-end')).toContainText('code 3');
  });

  test('an HTTP error from the runner is shown with its message', async ({ page }) => {
    const block = await scratchpad(page);
    // Nine files is more than a run may have: the runner answers 400 with a message.
    await page.evaluate(() => {
      const original = window.fetch;
      window.fetch = (input, init) => {
        if (String(input) === '/api/runs' && init?.body) {
          const body = JSON.parse(String(init.body)) as { files: Record<string, string> };
          for (let i = 0; i < 9; i++) body.files[`extra${i}.ts`] = '';
          return original(input, { ...init, body: JSON.stringify(body) });
        }
        return original(input, init);
      };
    });
    await run(page);
    await expect(block.getByTestId('run-error')).toBeVisible({ timeout: 20_000 });
    await expect(block.getByTestId('run-error')).not.toBeEmpty();
    await expect(block.getByTestId('run-status')).toHaveAttribute('data-status', 'error');
  });

  test('standard input: Enter sends a line, EOF ends the input', async ({ page }) => {
    const block = await scratchpad(
      page,
      [
        'import * as readline from "node:readline";',
        'const lines = readline.createInterface({ input: process.stdin });',
        'console.log("ready");',
        'for await (const line of lines) console.log(`got ${line}`);',
        'console.log("end of input");',
        '',
      ].join('\n'),
    );
    // The code reads stdin: the input box is open already.
    const input = block.getByRole('textbox', { name: 'Input' });
    await expect(input).toBeVisible();
    await run(page);
    const log = block.getByRole('log', { name: 'Output' });
    await expect(log).toContainText('ready', { timeout: 20_000 });
    await input.fill('hello sandbox');
    await input.press('Enter');
    await expect(log).toContainText('got hello sandbox');
    await expect(input).toHaveValue('');
    await block.getByRole('button', { name: 'EOF' }).click();
    await expect(log).toContainText('end of input');
    await expect(block.getByTestId('run-status')).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
  });

  test('Ctrl+Enter in the editor runs the code; Ctrl+S saves instead of opening the browser’s dialog', async ({ page }) => {
    const block = await scratchpad(page, '');
    await focusEditorEnd(page, block);
    await page.keyboard.type('console.log("from the keyboard");');
    await page.evaluate(() => {
      window.addEventListener('keydown', (event) => {
        if (event.key === 's' && (event.ctrlKey || event.metaKey)) setTimeout(() => ((window as unknown as { savePrevented: boolean }).savePrevented = event.defaultPrevented));
      }, true);
    });
    await page.keyboard.press('Control+s');
    await expect(block.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible();
    // The listener records it a task later (setTimeout): wait for it rather than race it.
    await expect.poll(() => page.evaluate(() => (window as unknown as { savePrevented?: boolean }).savePrevented)).toBe(true);
    await page.keyboard.press('Control+Enter');
    await expect(block.getByRole('log', { name: 'Output' })).toContainText('from the keyboard', { timeout: 20_000 });
    await expect(block.getByTestId('run-status')).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
  });
});

test.describe('multi-file, multi-process playground', () => {
  test.beforeEach(async ({ page }) => {
    // Each test starts from the page's own program.
    await page.goto('/playground');
    await page.evaluate(() => localStorage.clear());
  });

  const processRows = (block: Locator) => block.getByTestId('process-list').locator('[data-process-row]');

  test('a file and a process added run side by side, each in its own terminal', async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL!);
    const block = await scratchpad(page);
    await block.getByRole('button', { name: '+ file' }).click();
    const name = block.getByLabel('New file name');
    // The run API's rule is checked as the name is typed.
    await name.fill('bad name.ts');
    await expect(block.getByTestId('file-name-problem')).toContainText('not a file name a run may use');
    await name.fill('second.ts');
    await expect(block.getByTestId('file-name-problem')).toBeEmpty();
    await block.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(block.getByRole('tab', { name: /second\.ts/ })).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => editorValue(page, 'scratch', 'second.ts')).toMatch(/zeromq/);
    await setEditorValue(page, 'scratch', 'console.log("from the second file");\n');

    await block.getByRole('button', { name: '+ process' }).click();
    await expect(processRows(block)).toHaveCount(2);
    await expect(block.getByLabel('Process 2 file')).toHaveValue('second.ts');
    await expect(block.getByLabel('Process 2 name')).toHaveValue('second');

    await run(page);
    const status = await waitForEnd(block);
    await expect(status).toHaveAttribute('data-status', 'ok');
    expect(await stdoutOf(block, 'main')).toContain('Client received: World');
    expect(await stdoutOf(block, 'second')).toContain('from the second file');
    await expect(block.getByRole('log', { name: 'main' })).toBeVisible();
    await expect(block.getByRole('log', { name: 'second' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });

  test('a name two processes share is refused before the run, in the run API’s words', async ({ page }) => {
    const block = await scratchpad(page);
    await block.getByRole('button', { name: '+ process' }).click();
    await block.getByLabel('Process 2 name').fill('main');
    await expect(block.getByTestId('run-problem')).toContainText('Two processes are named "main"');
    await run(page);
    await expect(block.getByRole('status').filter({ hasText: 'Not run' })).toBeVisible();
    await expect(block.getByTestId('run-status')).toHaveAttribute('data-phase', 'idle');
  });

  for (const template of loadTemplates()) {
    test(`the ${template.id} template runs and ends ok`, async ({ page }) => {
      const block = await scratchpad(page);
      await page.locator(`[data-template="${template.id}"]`).click();
      for (const file of Object.keys(template.variant.files)) await expect(block.getByRole('tab', { name: new RegExp(file.replace('.', '\\.')) })).toBeVisible();
      await expect(processRows(block)).toHaveCount(template.variant.processes!.length);
      await run(page);
      const status = await waitForEnd(block);
      await expect(status).toHaveAttribute('data-status', 'ok');
      for (const [process, patterns] of Object.entries(template.variant.expect?.stdout ?? {})) {
        const text = await stdoutOf(block, process);
        for (const pattern of [patterns].flat()) expect(text).toMatch(new RegExp(pattern, 'm'));
      }
    });
  }

  test('Open in playground carries a lesson snippet’s edited code and its processes', async ({ page }) => {
    const lesson = firstLesson();
    const snippet = lesson.snippetDetails.find((s) => (s.variants[0]!.processes?.length ?? 0) > 1);
    if (!snippet) throw new Error(`${lesson.slug} has no snippet with several processes`);
    const variant = snippet.variants[0]!;
    await page.goto(`/lessons/${lesson.slug}#${snippet.id}`);
    const lessonBlock = playground(page, snippet.id);
    await editorReady(lessonBlock);
    const file = (await lessonBlock.locator('[role="tabpanel"]').getAttribute('data-file'))!;
    const edited = `// my edit\n${variant.files[file]}`;
    await setEditorValue(page, snippet.id, edited);
    await lessonBlock.getByRole('button', { name: 'Open in playground' }).click();
    await expect(page).toHaveURL(/\/playground#scratch$/);
    const block = playground(page, 'scratch');
    await editorReady(block);
    await expect.poll(() => editorValue(page, 'scratch', file)).toBe(edited);
    await expect(processRows(block)).toHaveCount(variant.processes!.length);
    for (const [index, p] of variant.processes!.entries()) {
      await expect(block.getByLabel(`Process ${index + 1} name`)).toHaveValue(p.name);
      await expect(block.getByLabel(`Process ${index + 1} file`)).toHaveValue(p.entry);
    }
    // It is the learner's program now: a reload keeps it.
    await page.reload();
    await editorReady(block);
    expect(await editorValue(page, 'scratch', file)).toBe(edited);
  });

  test('a share link restores files and processes; a link the run API would refuse is not opened', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const block = await scratchpad(page);
    await page.locator('[data-template="req-rep"]').click();
    await block.getByLabel('Process 2 delay (ms)').fill('250');
    await block.getByRole('tab', { name: /client\.ts/ }).click();
    await setEditorValue(page, 'scratch', 'console.log("shared client");\n');
    await block.getByRole('button', { name: 'Share' }).click();
    const link = await block.locator('[data-share-link]').inputValue();
    expect(link).toMatch(/\/playground#scratch\?code=/);

    // Someone else's browser: nothing saved.
    await page.evaluate(() => localStorage.clear());
    await page.goto('/');
    await page.goto(link);
    await editorReady(block);
    await expect(block.getByTestId('shared-banner')).toBeVisible();
    await expect(block.getByRole('tab', { name: /server\.ts/ })).toBeVisible();
    expect(await editorValue(page, 'scratch', 'client.ts')).toBe('console.log("shared client");\n');
    await expect(block.getByLabel('Process 2 name')).toHaveValue('client');
    await expect(block.getByLabel('Process 2 delay (ms)')).toHaveValue('250');
    await block.getByRole('button', { name: 'Keep this code' }).click();
    await expect(block.getByTestId('shared-banner')).toBeHidden();
    await page.reload();
    await editorReady(block);
    expect(await editorValue(page, 'scratch', 'client.ts')).toBe('console.log("shared client");\n');

    // A process that starts a file the link does not have.
    const bad = await page.evaluate(async () => {
      const body = { v: 1, files: { 'main.ts': '' }, processes: [{ name: 'x', entry: 'other.ts' }] };
      const stream = new Blob([JSON.stringify(body)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    });
    await page.goto(`/playground#scratch?code=${bad}`);
    await page.reload();
    await expect(block.getByTestId('share-error')).toContainText('names one of the files');
    await expect(block.getByTestId('shared-banner')).toHaveCount(0);
  });

  test('files and processes survive a reload, and a template sets the learner’s program aside', async ({ page }) => {
    const block = await scratchpad(page);
    await setEditorValue(page, 'scratch', 'console.log("mine");\n');
    await block.getByRole('button', { name: '+ file' }).click();
    await block.getByLabel('New file name').fill('extra.ts');
    await block.getByRole('button', { name: 'Add', exact: true }).click();
    await block.getByRole('button', { name: '+ process' }).click();
    await block.getByLabel('Process 2 name').fill('helper');
    await block.getByRole('button', { name: 'Rename extra.ts' }).click();
    await block.getByLabel('New name for extra.ts').fill('renamed.ts');
    await block.getByRole('button', { name: 'Rename', exact: true }).click();
    await page.reload();
    await editorReady(block);
    await expect(block.getByRole('tab')).toHaveText([/main\.ts/, /renamed\.ts/]);
    await expect(block.getByLabel('Process 2 name')).toHaveValue('helper');
    await expect(block.getByLabel('Process 2 file')).toHaveValue('renamed.ts');
    expect(await editorValue(page, 'scratch', 'main.ts')).toBe('console.log("mine");\n');

    // Delete needs a second press; the last file cannot go.
    await block.getByRole('tab', { name: /renamed\.ts/ }).click();
    await block.getByRole('button', { name: 'Delete renamed.ts' }).first().click();
    await block.getByRole('button', { name: 'Delete renamed.ts' }).last().click();
    await expect(block.getByRole('tab')).toHaveText([/main\.ts/]);
    await expect(block.getByRole('button', { name: 'Delete main.ts' })).toHaveAttribute('aria-disabled', 'true');

    await page.locator('[data-template="pub-sub"]').click();
    await expect(block.getByRole('tab', { name: /publisher\.ts/ })).toBeVisible();
    await block.getByRole('button', { name: 'Restore my code' }).click();
    await expect(block.getByRole('tab')).toHaveText([/main\.ts/]);
    expect(await editorValue(page, 'scratch', 'main.ts')).toBe('console.log("mine");\n');
  });
});
