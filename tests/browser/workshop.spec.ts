import { readFileSync } from 'node:fs';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { editorReady, editorValue, lessonOf, playground, setEditorValue, waitForEnd, watchPage } from './helpers';
import { anchorHref } from '../../content/steps';
import { siteTest as test, type SiteServer } from './workshopServer';

/**
 * Workshop mode end to end, in Chromium: one instructor and three learners,
 * each in a browser context of their own, against a server this file starts
 * (and restarts mid-workshop) on a port and data folder of its own.
 */

const LESSON = '01-what-is-zeromq';
const SNIPPET = 'hello-one-process';
const SNIPPET_TITLE = 'Server and client in one process';

interface Person {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

async function person(browser: Browser, server: SiteServer): Promise<Person> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  return { context, page, problems: watchPage(page, server.url) };
}

/** Creates a workshop on /w/new; returns its code and the secret instructor link. */
async function createWorkshop(page: Page, title: string, server: SiteServer) {
  await page.goto('/w/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel(/Part 1: /).check();
  await page.getByText(/^Snippets \(/).first().click();
  await page.getByLabel(SNIPPET_TITLE).check();
  await page.getByRole('button', { name: 'Create the workshop' }).click();
  // A fresh server's first workshop request opens its database (PGlite) first: seconds on a busy machine.
  await expect(page.getByTestId('workshop-created')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('workshop-created').getByRole('alert')).toContainText('shown only this once');
  const code = (await page.getByTestId('join-code').textContent())!.trim();
  expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
  const instructorLink = await page.getByTestId('instructor-link').inputValue();
  expect(instructorLink).toMatch(new RegExp(`/w/${code}/instructor#key=[A-Za-z0-9_-]{40,}$`));
  await expect(page.getByTestId('join-link')).toHaveValue(`${server.url}/w/${code}`);
  return { code, instructorLink };
}

async function join(page: Page, code: string, name: string) {
  await page.goto(`/w/${code.toLowerCase()}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join the workshop' }).click();
}

const tile = (board: Page, name: string) => board.locator(`[data-testid="learner-tile"][data-name="${name}"]`);
const bar = (page: Page) => page.getByTestId('workshop-bar');

async function moveRoom(board: Page, place: string) {
  await board.getByLabel('Place').selectOption(place);
  await board.getByRole('button', { name: 'Take everyone there' }).click();
}

test('a workshop: create, join, follow, run, broadcast, hands, hints, a server restart, end and export', async ({ browser, site: server }) => {
  test.setTimeout(300_000);
  const teacher = await person(browser, server);
  const [ada, bo, cy] = [await person(browser, server), await person(browser, server), await person(browser, server)];

  // Create: two links, the secret one once; the board takes the key out of the address bar.
  const { code, instructorLink } = await createWorkshop(teacher.page, 'ZeroMQ basics', server);
  const board = teacher.page;
  await board.goto(instructorLink);
  await expect(board.getByRole('heading', { level: 1, name: 'ZeroMQ basics' })).toBeVisible();
  await expect(board).toHaveURL(`${server.url}/w/${code}/instructor`);
  await expect(board.getByText('Nobody has joined yet')).toBeVisible();

  // Join: names are unique in a workshop (whatever their case); the server's message shows inline.
  await join(ada.page, code, 'Ada');
  await expect(ada.page.getByText('You joined as Ada')).toBeVisible();
  await join(bo.page, code, 'Bo');
  await expect(bo.page.getByText('You joined as Bo')).toBeVisible();
  await join(cy.page, code, 'ada');
  await expect(cy.page.getByTestId('join-error')).toBeVisible();
  await expect(cy.page.getByTestId('join-error')).not.toBeEmpty();
  await expect(cy.page.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
  await cy.page.getByLabel('Your name').fill('Cy');
  await cy.page.getByRole('button', { name: 'Join the workshop' }).click();
  await expect(cy.page.getByText('You joined as Cy')).toBeVisible();
  for (const learner of [ada, bo, cy]) {
    await expect(learner.page.getByTestId('workshop-items')).toContainText(SNIPPET_TITLE);
    await expect(bar(learner.page).getByTestId('follow-state')).toHaveAttribute('data-following', 'true');
  }
  await expect(board.getByTestId('learner-tile')).toHaveCount(3);
  await expect(board.getByTestId('count-joined')).toHaveText('3');

  // The cookie keeps a learner in across reloads.
  await ada.page.reload();
  await expect(ada.page.getByText('You joined as Ada')).toBeVisible();

  // Follow: Cy leaves follow mode; the instructor moves the room to the snippet.
  await bar(cy.page).getByRole('button', { name: 'Stop following' }).click();
  await expect(bar(cy.page).getByTestId('follow-state')).toHaveAttribute('data-following', 'false');
  await moveRoom(board, `${LESSON}#${SNIPPET}`);
  await expect(board.getByTestId('current-focus')).toContainText(SNIPPET_TITLE);
  for (const learner of [ada, bo]) await expect(learner.page).toHaveURL(new RegExp(`${anchorHref(lessonOf(LESSON), SNIPPET)}$`));
  await expect(cy.page.getByTestId('instructor-focus')).toContainText(SNIPPET_TITLE);
  await expect(cy.page).toHaveURL(new RegExp(`/w/${code}$`));
  // The presenter view follows the focus: that snippet's playground, large, with the join address.
  const projector = await teacher.context.newPage();
  await projector.goto(`/w/${code}/present`);
  await expect(projector.getByTestId('presenter')).toContainText(`Join at localhost:${server.port}/w/${code}`);
  await expect(playground(projector, SNIPPET)).toBeVisible();
  await projector.close();
  // One click brings Cy back.
  await bar(cy.page).getByRole('button', { name: 'Follow the instructor' }).click();
  await expect(cy.page).toHaveURL(new RegExp(`${anchorHref(lessonOf(LESSON), SNIPPET)}$`));

  // A learner runs the snippet: their tile shows the run and its status.
  const adaBlock = playground(ada.page, SNIPPET);
  await adaBlock.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(await waitForEnd(adaBlock)).toHaveAttribute('data-status', 'ok');
  await expect(tile(board, 'Ada')).toHaveAttribute('data-status', 'ok');
  await expect(tile(board, 'Ada')).toContainText('1 run');
  await expect(tile(board, 'Ada')).toContainText(SNIPPET_TITLE);

  // The instructor opens Ada's tile: her code and her last output, read only.
  await tile(board, 'Ada').getByRole('button', { name: /Ada: open/ }).click();
  const panel = board.getByTestId('learner-panel');
  await expect(panel.getByTestId('learner-code')).toContainText('both sockets closed');
  await expect(panel.getByRole('log', { name: 'Output' })).toContainText('client: received World');

  // Push a hint: Ada gets a toast, and it stays in her hints.
  await panel.getByLabel('Send Ada a hint').fill('Look at the bind address.');
  await panel.getByRole('button', { name: 'Send hint' }).click();
  await expect(panel.getByText('Hint sent to Ada.')).toBeVisible();
  await expect(ada.page.getByTestId('toast-hint')).toContainText('Look at the bind address.');
  await bar(ada.page).getByRole('button', { name: /^Hints/ }).click();
  await expect(bar(ada.page).getByTestId('hints')).toContainText('Look at the bind address.');
  await panel.getByRole('button', { name: 'Close' }).click();

  // Broadcast: Bo has edits of his own; the instructor's code arrives as a new tab next to them.
  const boBlock = playground(bo.page, SNIPPET);
  await editorReady(boBlock);
  await setEditorValue(bo.page, SNIPPET, '// Bo was here\nconsole.log("mine");\n');
  await board.locator('summary', { hasText: 'Send code to everyone' }).click();
  await board.getByLabel('Snippet', { exact: true }).selectOption(`${LESSON}/${SNIPPET}`);
  const mainFile = board.locator('textarea[data-file="main.ts"]');
  await expect(mainFile).toHaveValue(/both sockets closed/);
  await mainFile.fill('console.log("from the instructor");\n');
  await board.getByRole('button', { name: 'Send to everyone' }).click();
  await expect(board.getByText('Sent: learners get it')).toBeVisible();
  for (const learner of [ada, bo, cy]) await expect(learner.page.getByTestId('toast-broadcast')).toBeVisible();
  await bo.page.getByTestId('toast-broadcast').getByRole('link', { name: 'Open it' }).click();
  await expect(boBlock).toHaveAttribute('data-variant', /^instructor-/);
  await editorReady(boBlock);
  await expect.poll(() => editorValue(bo.page, SNIPPET, 'main.ts')).toContain('from the instructor');
  await boBlock.locator('label', { hasText: 'Two async functions, one process' }).click();
  await expect(boBlock).toHaveAttribute('data-variant', 'main');
  await expect.poll(() => editorValue(bo.page, SNIPPET, 'main.ts')).toContain('Bo was here');

  // Raise a hand with a message; the board shows it; the instructor lowers it.
  await bar(cy.page).getByRole('button', { name: 'Raise hand' }).click();
  await bar(cy.page).getByLabel(/What do you need/).fill('My client hangs');
  await bar(cy.page).getByRole('button', { name: 'Raise my hand' }).click();
  await expect(bar(cy.page).getByTestId('hand-state')).toHaveText(/Hand raised/);
  await expect(tile(board, 'Cy')).toHaveAttribute('data-hand', 'raised');
  await expect(tile(board, 'Cy')).toContainText('My client hangs');
  await expect(board.getByTestId('count-hands')).toHaveText('1');
  await board.getByText('Hand raised', { exact: true }).click();
  await expect(board.getByTestId('learner-tile')).toHaveCount(1);
  await tile(board, 'Cy').getByRole('button', { name: /Cy: open/ }).click();
  await board.getByTestId('learner-panel').getByRole('button', { name: 'Lower hand' }).click();
  await expect(cy.page.getByTestId('toast-hand')).toBeVisible();
  await expect(bar(cy.page).getByRole('button', { name: 'Raise hand' })).toBeVisible();
  await board.getByTestId('learner-panel').getByRole('button', { name: 'Close' }).click();
  await expect(tile(board, 'Cy')).toHaveCount(0);
  await board.getByText('Everyone', { exact: true }).click();
  await expect(tile(board, 'Cy')).toHaveAttribute('data-hand', 'down');

  // The server restarts mid-workshop: every page reconnects by itself and carries on, no reload.
  await server.down();
  await server.up();
  await moveRoom(board, `${LESSON}#transports`);
  // After the restart each learner's stream reopens with backoff (up to 5 s between tries), then replays the move.
  for (const learner of [ada, bo, cy]) await expect(learner.page).toHaveURL(new RegExp(`${anchorHref(lessonOf(LESSON), 'transports')}$`), { timeout: 30_000 });
  await bar(ada.page).getByRole('button', { name: 'Raise hand' }).click();
  await bar(ada.page).getByRole('button', { name: 'Raise my hand' }).click();
  await expect(tile(board, 'Ada')).toHaveAttribute('data-hand', 'raised');
  await expect(board.getByTestId('board-reconnecting')).toHaveCount(0);

  // End: learners see it ended and keep their code; the results export as CSV.
  await board.getByRole('button', { name: 'End the workshop…' }).click();
  await board.getByRole('button', { name: 'End now' }).click();
  await expect(board.getByTestId('board-ended')).toBeVisible();
  for (const learner of [ada, bo, cy]) await expect(bar(learner.page).getByTestId('workshop-ended')).toBeVisible();
  await bo.page.goto(`/lessons/${LESSON}#${SNIPPET}`);
  await editorReady(boBlock);
  await expect.poll(() => editorValue(bo.page, SNIPPET, 'main.ts')).toContain('Bo was here');

  const [download] = await Promise.all([board.waitForEvent('download'), board.getByRole('link', { name: 'Export results (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe(`workshop-${code}.csv`);
  const rows = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
  expect(rows).toHaveLength(4);
  expect(rows[0]!.toLowerCase()).toContain('name');
  const adaRow = rows.find((row) => /^"?Ada"?,/.test(row));
  expect(adaRow).toBeDefined();
  expect(adaRow).toContain(',1,');
  expect(adaRow).toContain('ok');
  expect(rows.some((row) => /^"?Bo"?,/.test(row))).toBe(true);
  expect(rows.some((row) => /^"?Cy"?,/.test(row))).toBe(true);

  for (const who of [teacher, ada, bo, cy]) {
    expect(who.problems.filter((p) => p.startsWith('request to another host'))).toEqual([]);
    await who.context.close();
  }
});

test('only the instructor link opens the board and learners’ code', async ({ browser, request: api, site: server }) => {
  const created = await api.post('/api/workshops', { data: { title: 'Access rules', items: [{ lesson: LESSON }] } });
  expect(created.status()).toBe(201);
  const { code } = (await created.json()) as { code: string };
  const other = await api.post(`/api/workshops/${code}/join`, { data: { name: 'Other' } });
  const { learner } = (await other.json()) as { learner: { id: string } };

  const learnerPerson = await person(browser, server);
  const page = learnerPerson.page;
  await join(page, code, 'Curious');
  await expect(page.getByText('You joined as Curious')).toBeVisible();

  await page.goto(`/w/${code}/instructor`);
  await expect(page.getByTestId('access-needed')).toContainText('This needs the instructor link');
  await page.goto(`/w/${code}/instructor#key=not-the-key`);
  await expect(page.getByTestId('access-needed')).toContainText('This needs the instructor link');
  await page.goto(`/w/${code}/present`);
  await expect(page.getByTestId('access-needed')).toContainText('This needs the instructor link');

  // The learner's own cookie goes with these requests: still not the instructor.
  expect((await page.request.get(`/api/workshops/${code}/board`)).status()).toBe(401);
  expect((await page.request.get(`/api/workshops/${code}/learners/${learner.id}`)).status()).toBe(401);
  expect((await page.request.get(`/api/workshops/${code}/export.csv`)).status()).toBe(401);
  expect(learnerPerson.problems.filter((p) => p.startsWith('request to another host'))).toEqual([]);
  await learnerPerson.context.close();
});
