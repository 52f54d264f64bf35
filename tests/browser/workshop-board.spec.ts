import { expect, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import { lessonOf, lessons, playground, watchPage } from './helpers';
import { anchorHref } from '../../content/steps';
import { siteTest as test, type SiteServer } from './workshopServer';

/**
 * The instructor's classroom as a room sees it: a board that tells the truth
 * about exercise checks (tiles, the stuck filter, the per-exercise table, a
 * run watched while it runs), the projector's text sizes and QR code, the
 * instructor link kept and handed to another device, and the learner's
 * workshop bar never lying over the playground. On a server of its own.
 */

const LESSON = '01-what-is-zeromq';
const SNIPPET = 'hello-one-process';

/** An exercise of the lesson with several processes and a check: its solution's file names and processes. */
function exercise() {
  const lesson = lessons().find((l) => l.slug === LESSON)!;
  const snippet = lesson.snippetDetails.find((s) => s.check && s.variants.some((v) => v.id === 'starter') && (s.variants.find((v) => v.id === 'solution')?.processes?.length ?? 0) > 1)!;
  const solution = snippet.variants.find((v) => v.id === 'solution')!;
  return { lesson: lesson.slug, id: snippet.id, title: snippet.title, check: snippet.check!.title, solution };
}

async function createWorkshop(request: APIRequestContext, title: string, items: { lesson: string; snippet?: string }[] = [{ lesson: LESSON }]) {
  const response = await request.post('/api/workshops', { data: { title, items } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { code: string; instructorPath: string; instructorKey: string };
}

async function learner(browser: Browser, server: SiteServer, code: string, name: string, viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ baseURL: server.url, viewport });
  const page = await context.newPage();
  const problems = watchPage(page, server.url);
  await page.goto(`/w/${code}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join the workshop' }).click();
  await expect(page.getByText(`You joined as ${name}`)).toBeVisible();
  return { context, page, problems };
}

/** Starts a run with this browser's cookies (a learner's run), as the playground does. */
async function startRun(page: Page, body: Record<string, unknown>) {
  const response = await page.request.post('/api/runs', { data: body });
  expect(response.status()).toBe(202);
  return (await response.json()) as { id: string; events: string };
}

const tile = (board: Page, name: string) => board.locator(`[data-testid="learner-tile"][data-name="${name}"]`);

test('the board tells the truth: a failed check on the tile, the stuck filter, the per-exercise table, a run watched live', async ({ browser, page: board, site: server }) => {
  test.setTimeout(150_000);
  const problems = watchPage(board, server.url);
  const { code, instructorPath } = await createWorkshop(board.request, 'Checks');
  const task = exercise();
  // The board's clock is the page's: installed here so "5 minutes later" needs no waiting.
  await board.clock.install();
  await board.goto(instructorPath);
  await expect(board.getByText('Nobody has joined yet')).toBeVisible();

  const ada = await learner(browser, server, code, 'Ada');
  const bo = await learner(browser, server, code, 'Bo');
  await expect(board.getByTestId('learner-tile')).toHaveCount(2);

  // The per-exercise table lists the lesson's exercises in the lesson's order, nobody on them yet.
  const table = board.getByTestId('exercise-summary');
  const row = table.locator(`[data-exercise="${task.lesson}/${task.id}"]`);
  await expect(row).toContainText(task.title);
  await expect(row.getByTestId('exercise-passed')).toHaveText('0 / 2');
  await expect(row.getByTestId('exercise-tried')).toHaveText('0');
  await expect(row.getByTestId('exercise-stuck')).toHaveText('nobody');

  // Ada's code runs and ends ok, but does the wrong thing: every process just prints and leaves.
  const files = Object.fromEntries(Object.keys(task.solution.files).map((name) => [name, 'console.log("not what was asked");']));
  const run = await startRun(ada.page, { files, processes: task.solution.processes, lesson: task.lesson, snippet: task.id, variant: 'starter' });
  await ada.page.request.get(run.events); // the stream closes after `end`
  expect((await ada.page.request.post(`/api/workshops/${code}/activity`, { data: { type: 'run', runId: run.id } })).status()).toBe(204);

  // The tile: the run was ok, its check was not; the panel says both.
  await expect(tile(board, 'Ada')).toHaveAttribute('data-status', 'ok');
  await expect(tile(board, 'Ada')).toHaveAttribute('data-check', 'not-yet');
  await expect(tile(board, 'Ada').getByTestId('tile-check')).toHaveText('check not yet');
  await expect(row.getByTestId('exercise-tried')).toHaveText('1');
  await expect(row.getByTestId('exercise-passed')).toHaveText('0 / 2');
  await tile(board, 'Ada').getByRole('button', { name: /^Ada: open/ }).click();
  const panel = board.getByTestId('learner-panel');
  await expect(panel.getByTestId('last-output-title')).toContainText('ok, check not passed yet');
  await expect(panel.getByTestId('last-output-title')).toContainText(task.check);
  await panel.getByRole('button', { name: 'Close' }).click();

  // Bo runs a program that prints and waits: the board shows it running and, opened, its output as it comes.
  const long = await startRun(bo.page, { files: { 'main.ts': 'console.log("tick from Bo"); process.stdin.once("data", () => process.exit(0));' }, timeoutMs: 20_000, lesson: LESSON, snippet: SNIPPET, variant: 'main' });
  expect((await bo.page.request.post(`/api/workshops/${code}/activity`, { data: { type: 'run-start', runId: long.id } })).status()).toBe(204);
  await expect(tile(board, 'Bo').getByTestId('tile-running')).toBeVisible();
  await tile(board, 'Bo').getByRole('button', { name: /^Bo: open/ }).click();
  await expect(panel.getByTestId('learner-live')).toContainText('tick from Bo');
  // Bo's program ends well (it was waiting for a line on its input).
  expect((await bo.page.request.post(`/api/runs/${long.id}/stdin`, { data: { process: 'main', data: 'go\n' } })).status()).toBe(200);
  await bo.page.request.get(long.events);
  await bo.page.request.post(`/api/workshops/${code}/activity`, { data: { type: 'run', runId: long.id } });
  await expect(tile(board, 'Bo').getByTestId('tile-running')).toBeHidden();
  await expect(panel.getByTestId('learner-live')).toBeHidden();
  await expect(panel.getByTestId('last-output-title')).toContainText('— ok');
  await panel.getByRole('button', { name: 'Close' }).click();


  // Five minutes later Ada is stuck: the filter and the exercise's row name her, not Bo.
  const filter = (label: string) => board.locator('label', { hasText: label }).filter({ has: board.locator('input[name="board-filter"]') });
  await filter('Stuck 5+ min').click();
  await expect(board.getByTestId('learner-tile')).toHaveCount(0);
  await board.clock.fastForward('06:00');
  await expect(board.getByTestId('learner-tile')).toHaveCount(1);
  await expect(board.getByTestId('learner-tile')).toHaveAttribute('data-name', 'Ada');
  await expect(board.getByTestId('count-stuck')).toHaveText('1');
  await expect(row.getByTestId('exercise-stuck')).toHaveText('Ada');
  await filter('Everyone').click();

  for (const person of [ada, bo]) {
    expect(person.problems).toEqual([]);
    await person.context.close();
  }
  expect(problems).toEqual([]);
});

test('snippet pickers follow the lesson, with its titles', async ({ page, site: server }) => {
  const problems = watchPage(page, server.url);
  const { instructorPath } = await createWorkshop(page.request, 'Order');
  await page.goto(instructorPath);
  const lesson = lessons().find((l) => l.slug === LESSON)!;
  // The order a reader meets them in lesson.mdx.
  const order = [...lesson.body.matchAll(/<Playground\b[^>]*?\bsnippet="([^"]+)"/g)].map((m) => m[1]!).filter((id, i, all) => all.indexOf(id) === i);
  const titles = order.map((id) => `${lesson.title} › ${lesson.snippetDetails.find((s) => s.id === id)!.title}`);
  await page.getByText('Send code to everyone').click();
  const options = await page.getByLabel('Snippet', { exact: true }).locator('option').allTextContents();
  expect(options).toEqual(titles);
  expect(problems).toEqual([]);
});

/** Every element of `root` with text of its own, and its font size in px. */
function textSizes(root: Locator) {
  return root.evaluate((element) =>
    [...element.querySelectorAll<HTMLElement>('*')]
      .filter((e) => e.checkVisibility({ visibilityProperty: true }) && [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
      .filter((e) => !e.closest('.playground-code, [data-terminal], .monaco-editor, .xterm'))
      .map((e) => ({ text: e.textContent!.trim().slice(0, 40), size: parseFloat(getComputedStyle(e).fontSize) })),
  );
}

test('the presenter view: every text a room reads is large, the join link has a QR code', async ({ page, site: server }) => {
  test.setTimeout(90_000);
  const problems = watchPage(page, server.url);
  const { code, instructorPath } = await createWorkshop(page.request, 'Projector', [{ lesson: '12-debugging' }]);
  await page.goto(instructorPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Projector' })).toBeVisible();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`/w/${code}/present?lesson=12-debugging&snippet=deadlock&pin=1`);
  const stage = page.getByTestId('presenter-stage');
  const block = playground(page, 'deadlock');
  await expect(block).toBeVisible();
  await expect(page.getByTestId('presenter')).toContainText(`Join at localhost:${server.port}/w/${code}`);

  // The QR code, drawn here, encodes the join link.
  const qr = page.getByTestId('join-qr');
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAttribute('data-url', `http://localhost:${server.port}/w/${code}`);
  expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
  const box = (await qr.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(120);

  // The broken deadlock blocks: the blocked banner, the status line and the variant pills all read from the back row.
  await block.getByRole('button', { name: /^Run/ }).first().click();
  await expect(block.getByTestId('run-blocked')).toBeVisible({ timeout: 30_000 });
  await expect(block.getByTestId('run-status')).toBeVisible();
  const sizes = await textSizes(stage);
  expect(sizes.length).toBeGreaterThan(5);
  expect(sizes.filter((s) => s.size < 18)).toEqual([]);
  const code22 = await block.locator('.playground-code').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(code22).toBe(22);
  expect(problems).toEqual([]);
});

test('the instructor link can be downloaded at creation, and a one-time link opens the board on another device, once', async ({ page, browser, site: server }) => {
  const problems = watchPage(page, server.url);
  await page.goto('/w/new');
  await page.getByLabel('Title').fill('Two devices');
  await page.getByLabel(/Part 1: /).check();
  await page.getByRole('button', { name: 'Create the workshop' }).click();
  const link = await page.getByTestId('instructor-link').inputValue();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the instructor link' }).click();
  const file = await download;
  const code = (await page.getByTestId('join-code').textContent())!.trim();
  expect(file.suggestedFilename()).toBe(`workshop-${code}-instructor.html`);
  const html = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${link}">`);
  expect(html).toContain(`href="${link}"`);

  await page.goto(link);
  await page.getByRole('button', { name: 'Open the board on another device' }).click();
  const oneTime = await page.getByTestId('handoff-link').inputValue();
  expect(oneTime).toMatch(new RegExp(`/w/${code}/instructor#handoff=`));
  await expect(page.getByTestId('handoff').getByTestId('join-qr')).toHaveAttribute('data-url', oneTime);

  const phone = await browser.newContext({ baseURL: server.url, viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const other = await phone.newPage();
  await other.goto(oneTime);
  await expect(other.getByRole('heading', { level: 1, name: 'Two devices' })).toBeVisible();
  await expect(other).toHaveURL(`${server.url}/w/${code}/instructor`);
  // Used once: a third device gets the server's words, not the board.
  const third = await browser.newContext({ baseURL: server.url });
  const thirdPage = await third.newPage();
  await thirdPage.goto(oneTime);
  await expect(thirdPage.getByText(/used already or has expired/)).toBeVisible();
  await phone.close();
  await third.close();
  expect(problems).toEqual([]);
});

/** Whether the workshop bar and a part of a playground overlap: false, or both rectangles (for the failure's message). */
async function overlap(bar: Locator, block: Locator) {
  const [a, b] = [(await bar.boundingBox())!, (await block.boundingBox())!];
  // Scroll positions are fractional: a shared edge within a pixel is no overlap.
  const over = a.x + 1 < b.x + b.width && b.x + 1 < a.x + a.width && a.y + 1 < b.y + b.height && b.y + 1 < a.y + a.height;
  return over ? { bar: a, part: b } : false;
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 375, height: 740 },
]) {
  test(`the workshop bar and its news never lie over the playground at ${viewport.width} px`, async ({ browser, page: board, site: server }) => {
    test.setTimeout(120_000);
    const { code, instructorPath } = await createWorkshop(board.request, `Bar ${viewport.width}`, [{ lesson: LESSON }, { lesson: LESSON, snippet: SNIPPET }]);
    await board.goto(instructorPath);
    const ada = await learner(browser, server, code, 'Ada', viewport);
    const bar = ada.page.getByTestId('workshop-bar');
    // "Take everyone there": the learner lands on the snippet, below the bar.
    await board.getByLabel('Place').selectOption(`${LESSON}#${SNIPPET}`);
    await board.getByRole('button', { name: 'Take everyone there' }).click();
    await expect(ada.page).toHaveURL(new RegExp(`${anchorHref(lessonOf(LESSON), SNIPPET)}$`));
    const block = playground(ada.page, SNIPPET);
    await expect(block).toBeInViewport();
    await expect.poll(async () => ((await block.boundingBox())!.y >= (await bar.boundingBox())!.y + (await bar.boundingBox())!.height)).toBe(true);

    // A hint arrives: its toast is inside the bar, which makes room; nothing lies over the playground where the learner works.
    await tile(board, 'Ada').getByRole('button', { name: /^Ada: open/ }).click();
    await board.getByLabel('Send Ada a hint').fill('Look at the order of bind and connect.');
    await board.getByRole('button', { name: 'Send hint' }).click();
    await expect(bar.getByTestId('toast-hint')).toContainText('Look at the order of bind and connect.');
    await block.getByRole('button', { name: /^Run/ }).first().click();
    const status = block.getByTestId('run-status');
    await expect(status).toHaveAttribute('data-phase', 'ended', { timeout: 30_000 });
    // Right below Run, where the learner looks after pressing it: the status line, clear of the bar.
    expect(await overlap(bar, status)).toBe(false);
    // Whatever the page scrolls to — the code, the status line, the output — lands below the bar.
    for (const part of [block.locator('.playground-code').first(), status, block.locator('[data-terminal]').first()]) {
      await part.evaluate((e) => e.scrollIntoView({ block: 'start', behavior: 'instant' }));
      expect(await overlap(bar, part)).toBe(false);
    }
    if (viewport.width < 640) {
      // On a phone the bar's panel opens inside the bar too.
      await bar.getByRole('button', { name: /^Workshop/ }).click();
      await expect(bar.getByRole('button', { name: 'Raise hand' })).toBeVisible();
      await status.evaluate((e) => e.scrollIntoView({ block: 'start', behavior: 'instant' }));
      expect(await overlap(bar, status)).toBe(false);
    }
    expect(ada.problems).toEqual([]);
    await ada.context.close();
  });
}
