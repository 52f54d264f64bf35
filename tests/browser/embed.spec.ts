import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { resizeScript } from '../../app/_lib/embed/links';
import { editorReady, lessons, playground, setEditorValue, waitForEnd, watchPage } from './helpers';

// A snippet with two variants: `fixed` is one quick process, `broken` two files.
const LESSON = '01-what-is-zeromq';
const SNIPPET = 'inproc-one-process';
const EMBED = `/embed/${LESSON}/${SNIPPET}`;

/**
 * A writer's page on another origin (its own port): it embeds the iframes
 * given and sizes them with the resize script a writer copies.
 */
let host: Server;
let hostOrigin: string;
let frames: Record<string, string> = {};

test.beforeAll(async () => {
  host = createServer((request, response) => {
    const src = frames[(request.url ?? '/').slice(1)];
    if (!src) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><title>A blog post</title></head><body>
<h1>A blog post about ZeroMQ</h1>
<iframe id="one" src="${src}" title="A snippet" width="100%" height="150" style="border:0"></iframe>
${src.includes('/embed/') ? resizeScript(new URL(src).origin) : ''}
<script>addEventListener("message", function (e) { window.lastMessage = e.data; });</script>
</body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

/** Every request, from the host page and its frames, must stay on this machine. */
function watchRequests(page: Page) {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && !['localhost', '127.0.0.1'].includes(url.hostname)) outside.push(request.url());
  });
  return outside;
}

const frameHeight = async (page: Page) => (await page.locator('iframe#one').boundingBox())!.height;

test('a snippet embedded on another origin runs, and its iframe grows with the output', async ({ page, baseURL, context }) => {
  const outside = watchRequests(page);
  frames = { post: `${baseURL}${EMBED}?variant=fixed&id=first-embed` };
  await page.goto(`${hostOrigin}/post`);
  const frame = page.frameLocator('iframe#one');
  const block = frame.locator(`[data-playground="${SNIPPET}"]`);
  await expect(block).toHaveAttribute('data-variant', 'fixed');
  // The embed reported its height: the iframe is no longer the host's 150 px.
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(300);
  await expect(frame.getByRole('link', { name: /Open in ZeroMQ Playground/ })).toHaveAttribute('href', `/lessons/${LESSON}#${SNIPPET}?variant=fixed`);
  await expect(frame.locator('header, footer')).toHaveCount(0);
  const before = await frameHeight(page);
  // Nothing runs until the reader asks (autorun is off by default).
  await expect(block.getByTestId('run-status')).toHaveAttribute('data-phase', 'idle');

  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(block.getByRole('log', { name: 'Output' })).toContainText('client: received World', { timeout: 30_000 });
  await expect((await waitForEnd(block))).toHaveAttribute('data-status', 'ok');
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(before);
  // The message names the embed as the host asked (?id=).
  expect(await page.evaluate(() => (window as unknown as { lastMessage: unknown }).lastMessage)).toMatchObject({ type: 'zmq-playground:resize', id: 'first-embed' });
  // The frame shows all of its content: nothing scrolls inside it, once the last resize
  // message is in (the end of a run changes the height again: the exit lines come, the
  // process controls go).
  const inner = page.frames().find((f) => f.url().startsWith(`${baseURL}${EMBED}`))!;
  await expect.poll(() => inner.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(1);

  // No cookies, nothing kept in storage, no request leaves the machine.
  expect(await context.cookies()).toEqual([]);
  // (Chromium may deny a third-party frame its storage altogether; then it holds nothing either.)
  expect(await inner.evaluate(() => { try { return localStorage.length; } catch { return 0; } })).toBe(0);
  expect(outside).toEqual([]);
});

test('a lesson page refuses to be framed; embeds, their 404s and nothing else may be', async ({ page, baseURL, request }) => {
  const lesson = `/lessons/${LESSON}`;
  frames = { lesson: `${baseURL}${lesson}` };
  const refused = page.waitForEvent('console', (message) => /refused to (display|frame)|frame-ancestors/i.test(message.text()));
  await page.goto(`${hostOrigin}/lesson`);
  await refused;
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  // Chromium puts its own error page in the frame: the lesson's document never loads there.
  expect(frame.url()).not.toContain(lesson);
  await expect(page.frameLocator('iframe#one').locator('article#lesson')).toHaveCount(0);

  for (const path of [lesson, '/', '/api/lessons']) {
    const response = await request.get(path);
    expect(response.headers()['x-frame-options'], path).toBe('DENY');
    expect(response.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
  }
  for (const [path, status] of [[EMBED, 200], [`/embed/${LESSON}/no-such-snippet`, 404]] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    expect(response.headers()['x-frame-options'], path).toBeUndefined();
    expect(response.headers()['content-security-policy'], path).toMatch(/^frame-ancestors \*; script-src /);
    expect(response.headers()['set-cookie'], path).toBeUndefined();
  }
});

test('embed options: variant, file, read-only, dark theme, output only, autorun, and clear errors', async ({ page }) => {
  await page.goto(`${EMBED}?variant=broken&file=client.ts&readonly=1&theme=dark`);
  const block = playground(page, SNIPPET);
  await expect(block).toHaveAttribute('data-variant', 'broken');
  await expect(block.getByRole('tab', { name: /client\.ts/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await editorReady(block);
  expect(await page.evaluate((id) => window.__zmqEditors![id]!.editor.getRawOptions().readOnly, SNIPPET)).toBe(true);

  // Output only, and autorun: it runs by itself once visible (no click on Run).
  await page.goto(`${EMBED}?output=only&autorun=1&theme=purple`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  await expect(block.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  await expect(block.getByRole('tabpanel')).toBeHidden();
  await expect(block.getByRole('tab')).toHaveCount(0);
  await expect(block.getByRole('log', { name: 'server output' })).toContainText('waiting for a request', { timeout: 30_000 });
  await block.getByRole('button', { name: 'Stop', exact: true }).click();

  await page.goto(`${EMBED}?variant=main`);
  await expect(page.getByTestId('embed-error')).toContainText('no variant “main”');
  await expect(page.getByTestId('embed-error')).toContainText('broken, fixed');

  const missing = await page.goto(`/embed/${LESSON}/no-such-snippet`);
  expect(missing!.status()).toBe(404);
  await expect(page.getByTestId('embed-error')).toContainText('This snippet does not exist');
  await expect(page.locator('header')).toHaveCount(0);
});

test('output only: Run, Stop and the output, and where it comes from; no Reset, Share, Embed or editor keys', async ({ page }) => {
  await page.goto(`${EMBED}?variant=fixed&output=only`);
  const block = playground(page, SNIPPET);
  await expect(block).toHaveAttribute('data-variant', 'fixed');
  const visibleButtons = () =>
    block.getByRole('button').evaluateAll((buttons) =>
      buttons.filter((b) => (b as HTMLElement).offsetParent !== null).map((b) => b.textContent!.trim()),
    );
  // Run and Stop, and the output's own Trace, Input and Clear: nothing that acts on code the reader cannot see.
  await expect.poll(visibleButtons).toEqual(['Run', 'Stop', 'Trace sockets', 'Input', 'Clear']);
  for (const name of [/Reset/, /Share/, /Embed/]) await expect(block.getByRole('button', { name })).toHaveCount(0);
  await expect(block).not.toContainText('Ctrl+Enter');
  await expect(block).not.toContainText('leaves the editor');
  expect(await block.getAttribute('aria-describedby')).toBeNull();
  // Where it comes from: the snippet's title and the link back to its lesson.
  const title = lessons().find((l) => l.slug === LESSON)!.snippetDetails.find((x) => x.id === SNIPPET)!.title;
  await expect(block).toHaveAccessibleName(title);
  await expect(block.getByText(title, { exact: true })).toBeVisible();
  await expect(page.getByTestId('embed-open')).toBeVisible();

  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(block.getByRole('log', { name: 'Output' })).toContainText('client: received World', { timeout: 30_000 });
  await expect(await waitForEnd(block)).toHaveAttribute('data-status', 'ok');
  // After a run the output adds its own (Copy): still nothing for the code.
  const after = await visibleButtons();
  expect(after.slice(0, 2)).toEqual(['Run', 'Stop']);
  expect(after.filter((name) => /Reset|Share|Embed/.test(name))).toEqual([]);
});

test('edited code travels in the hash: Share in an embed, the link back, and Copy embed code on the site', async ({ page, baseURL, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems = watchPage(page, baseURL!);
  await page.goto(`${EMBED}?variant=fixed&theme=light`);
  const block = playground(page, SNIPPET);
  await editorReady(block);
  const code = 'console.log("edited in an embed");\n';
  await setEditorValue(page, SNIPPET, code);
  await block.getByRole('button', { name: 'Share' }).click();
  const link = await block.locator('[data-share-link]').inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}${EMBED}\\?variant=fixed&theme=light#${SNIPPET}\\?variant=fixed&code=`));
  await expect(page.getByTestId('embed-open')).toHaveAttribute('href', new RegExp(`^/lessons/${LESSON}#${SNIPPET}\\?variant=fixed&code=`));

  // The link opens the embed with that code, and nothing of it was saved.
  await page.goto('about:blank');
  await page.goto(link);
  await expect(block.getByTestId('shared-banner')).toBeVisible();
  await editorReady(block);
  expect(await page.evaluate((id) => window.__zmqEditors![id]!.value(), SNIPPET)).toBe(code);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  // On the lesson page: Embed copies an iframe of this snippet, with the edits in its hash when asked.
  await page.goto(`/lessons/${LESSON}#${SNIPPET}`);
  const site = playground(page, SNIPPET);
  await editorReady(site);
  await setEditorValue(page, SNIPPET, code);
  await site.getByRole('button', { name: 'Embed' }).click();
  await expect(site.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const html = await site.locator('[data-embed-code]').inputValue();
  expect(html).toMatch(new RegExp(`^<iframe src="${baseURL}${EMBED}#${SNIPPET}\\?variant=broken&amp;code=[A-Za-z0-9_-]+" title="[^"]+" width="100%" height="\\d+" loading="lazy" style="border:0" allow="clipboard-write"></iframe>`));
  expect(html).toContain('zmq-playground:resize');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(html);
  await site.getByRole('checkbox', { name: 'With my edits' }).uncheck();
  await expect(site.locator('[data-embed-code]')).toHaveValue(new RegExp(`^<iframe src="${baseURL}${EMBED}" `));
  expect(problems).toEqual([]);
});

test('oEmbed turns a lesson link into the embed; lesson pages announce it', async ({ page, request, baseURL }) => {
  const lesson = lessons().find((l) => l.slug === LESSON)!;
  const first = lesson.body.match(/<Playground\s[^>]*?snippet="([^"]+)"/)![1];
  const ask = (query: string) => request.get(`/api/oembed?${query}`);
  const answer = await ask(`url=${encodeURIComponent(`${baseURL}/lessons/${LESSON}#${SNIPPET}?variant=fixed`)}&maxwidth=600&format=json`);
  expect(answer.status()).toBe(200);
  const body = await answer.json();
  expect(body).toMatchObject({ type: 'rich', version: '1.0', provider_name: 'ZeroMQ Playground', width: 600 });
  expect(body.html).toContain(`src="${baseURL}${EMBED}?variant=fixed"`);

  const whole = await (await ask(`url=${encodeURIComponent(`${baseURL}/lessons/${LESSON}`)}`)).json();
  expect(whole.html).toContain(`/embed/${LESSON}/${first}"`);
  expect((await ask(`url=${encodeURIComponent(`${baseURL}/lessons/${LESSON}`)}&format=xml`)).status()).toBe(501);
  const foreign = await ask(`url=${encodeURIComponent('https://example.com/lessons/x')}`);
  expect(foreign.status()).toBe(404);
  expect((await foreign.json()).error.code).toBe('unknown-url');
  expect((await ask('url=%E0%A4%A')).status()).toBe(404);

  await page.goto(`/lessons/${LESSON}`);
  const discovery = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
  const discovered = await request.get(discovery!);
  expect((await discovered.json()).html).toContain(`/embed/${LESSON}/${first}"`);
});
