import { expect, test, type Page } from '@playwright/test';
import { anchorHref } from '../../content/steps';
import { horizontalOverflow, lessonOf, playground, stdoutOf, waitForEnd, watchPage, scrollToBlock } from './helpers';

/** The Messages view (what every socket did, drawn from a traced run of the real runner), and a hand on a running run: kill and restart a process. */

async function runTraced(page: Page, lesson: string, blockId: string) {
  await page.goto(anchorHref(lessonOf(lesson), blockId));
  const block = playground(page, blockId);
  await scrollToBlock(block);
  await expect(block.getByRole('button', { name: 'Trace sockets' })).toHaveAttribute('aria-pressed', 'true');
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForEnd(block, 40_000);
  await block.getByRole('tab', { name: /^Messages/ }).click();
  return block;
}

test('a traced REQ/REP hello: a lane per socket, the request and the reply as arrows, a replay and a table of the same events', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const block = await runTraced(page, '01-what-is-zeromq', 'hello-req-rep');
  const view = block.getByTestId('messages');
  const lanes = view.getByTestId('messages-lane');
  await expect(lanes).toHaveCount(2);
  await expect(lanes.nth(0)).toContainText('server');
  await expect(lanes.nth(0)).toContainText('REP');
  await expect(lanes.nth(1)).toContainText('client');
  await expect(lanes.nth(1)).toContainText('REQ');
  const delivered = view.locator('[data-testid="messages-message"][data-status="delivered"]');
  await expect(delivered.first()).toContainText('"Hello"');
  expect(await delivered.count()).toBeGreaterThanOrEqual(2);
  await expect(view.locator('[data-status="lost"]')).toHaveCount(0);

  // The scrubber steps back to the start: nothing drawn, then Replay draws it again.
  const total = Number((await view.getByTestId('messages-position').textContent())!.split(' of ')[1]!.split(' ')[0]);
  await view.getByRole('slider', { name: 'Events shown' }).fill('0');
  await expect(view.getByTestId('messages-position')).toContainText(`0 of ${total} events`);
  await expect(view.getByTestId('messages-message')).toHaveCount(0);
  await view.getByRole('button', { name: 'Replay' }).click();
  await expect(view.getByTestId('messages-position')).toContainText(`${total} of ${total} events`, { timeout: 30_000 });
  await expect(delivered.first()).toBeVisible();

  // The text alternative lists every event.
  await view.getByText('The same events as a table').click();
  await expect(view.getByTestId('messages-table').locator('tbody tr')).toHaveCount(total);
  await expect(view.getByTestId('messages-table')).toContainText('send ["Hello"]');

  // Terminals are one click away, with the output they had.
  await block.getByRole('tab', { name: 'Terminals' }).click();
  await expect(block.getByRole('log', { name: 'client output' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('the deadlock drawn: both sockets waiting in receive', async ({ page }) => {
  const block = await runTraced(page, '12-debugging', 'deadlock');
  const lanes = block.getByTestId('messages-lane');
  await expect(lanes).toHaveCount(2);
  for (const lane of await lanes.all()) await expect(lane).toHaveAttribute('data-state', 'waiting');
  await expect(block.getByTestId('messages').getByText('waiting in receive').first()).toBeVisible();
});

test('switching the trace off runs without it: no Messages tab', async ({ page }) => {
  await page.goto(anchorHref(lessonOf('01-what-is-zeromq'), 'hello-req-rep'));
  const block = playground(page, 'hello-req-rep');
  await block.getByRole('button', { name: 'Trace sockets' }).click();
  await expect(block.getByRole('button', { name: 'Trace sockets' })).toHaveAttribute('aria-pressed', 'false');
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForEnd(block);
  await expect(block.getByRole('tablist', { name: 'Output' })).toHaveCount(0);
  await expect(block.getByRole('log', { name: 'client output' })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
  test('the Messages view fits: lanes scroll inside it, the page does not scroll sideways @phone', async ({ page }) => {
    const block = await runTraced(page, '03-advanced-patterns', 'router-envelope');
    await expect(block.getByTestId('messages-lane')).toHaveCount(3);
    await expect(block.locator('[data-testid="messages-message"][data-status="delivered"]').first()).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});

test('an embed with ?trace=1 runs traced and opens on Messages, for a snippet the lesson does not trace', async ({ page }) => {
  await page.goto('/embed/01-what-is-zeromq/hello-one-process?trace=1');
  const block = page.locator('[data-playground="hello-one-process"]');
  await expect(block.getByRole('button', { name: 'Trace sockets' })).toHaveAttribute('aria-pressed', 'true');
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForEnd(block);
  await expect(block.getByRole('tab', { name: /^Messages/ })).toHaveAttribute('aria-selected', 'true');
  await expect(block.getByTestId('messages-lane').first()).toBeVisible();
  await expect(block.locator('[data-testid="messages-message"][data-status="delivered"]').first()).toBeVisible();
});

test('kill the server while the client asks: the client retries; restart it: the replies carry on', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(anchorHref(lessonOf('04-distributed-system'), 'kill-the-server'));
  const block = playground(page, 'kill-the-server');
  await scrollToBlock(block);
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  const controls = block.getByTestId('process-controls');
  await expect.poll(() => stdoutOf(block, 'client'), { timeout: 30_000 }).toContain('reply to request 2');
  await controls.getByRole('button', { name: 'Kill server' }).click();
  await expect.poll(() => stdoutOf(block, 'client'), { timeout: 15_000 }).toMatch(/retry 1\/5/);
  await expect(block.getByRole('log', { name: 'server output' })).toContainText('SIGKILL');
  await controls.getByRole('button', { name: 'Restart server' }).click();
  await expect.poll(async () => (await stdoutOf(block, 'server')).split('ready on').length - 1, { timeout: 15_000 }).toBe(2);
  // A reply after the retry: the client carried on with the new server.
  await expect.poll(async () => /retry 1\/5[\s\S]*reply to request/.test(await stdoutOf(block, 'client')), { timeout: 15_000 }).toBe(true);
  await expect(controls.getByRole('button', { name: 'Kill server' })).toBeVisible();
  await block.getByRole('button', { name: 'Stop' }).click();
  await waitForEnd(block);
});
