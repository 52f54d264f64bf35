import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { encodeShare, shareHash } from '../../app/components/editor/share';
import { editorReady, playground, setEditorValue, waitForEnd, watchPage, scrollToBlock } from './helpers';
import { siteTest as test } from './workshopServer';

/**
 * The web side in Chromium against a careful attacker: a page on another port of
 * the same host (same site, so the browser sends our cookies) tries CSRF and is
 * refused while the site's own pages work; every page kind runs under the script
 * policy with no violation, and the policy does stop injected script; an embed
 * never autoruns code that came in its address hash.
 */

const LESSON = '01-what-is-zeromq';
const SNIPPET = 'inproc-one-process';
const EMBED = `/embed/${LESSON}/${SNIPPET}`;

/** Pages served from another port of this machine: `pages[name]` is the HTML of `/<name>`. */
let other: Server;
let otherPort = 0;
let pages: Record<string, string> = {};

test.beforeAll(async () => {
  other = createServer((request, response) => {
    const html = pages[(request.url ?? '/').slice(1)];
    if (html === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><title>Another site</title></head><body>${html}</body></html>`);
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherPort = (other.address() as AddressInfo).port;
});

test.afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

/** Records every script-policy violation, in the page and in its frames. */
async function watchPolicy(context: BrowserContext) {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const record = window as unknown as { __violations?: string[] };
      (record.__violations ??= []).push(`${event.effectiveDirective} ${event.blockedURI} (${location.pathname})`);
    });
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);

test('a page on another port cannot end a workshop, join or start runs with our cookies; the site’s own pages can', async ({ browser, site }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: site.url });
  const page = await context.newPage();
  const problems = watchPage(page, site.url);

  // The instructor creates a workshop on the site: the page logs them in with a cookie.
  const created = await (await context.request.post('/api/workshops', { data: { title: 'CSRF', items: [{ lesson: LESSON }] } })).json();
  const code = created.code as string;
  await page.goto(created.instructorPath);
  await expect(page.getByRole('button', { name: 'End the workshop…' })).toBeVisible();
  expect((await context.cookies()).map((c) => c.name)).toContain(`zmqp_i_${code}`);

  // Then visits another site on this machine, which tries everything a page can without reading answers.
  const api = `${site.url}/api`;
  pages = {
    attack: `<h1>Cute cats</h1>
<form id="run" method="POST" action="${api}/runs" enctype="text/plain" target="sink"><input name='{"files":{"main.ts":"console.log(1)","x":"' value='"}}'></form>
<iframe name="sink" title="sink"></iframe>
<script>
  const opts = (body) => ({ method: "POST", mode: "no-cors", credentials: "include", body });
  Promise.allSettled([
    fetch("${api}/workshops/${code}/end", opts()),
    fetch("${api}/workshops/${code}/join", opts(JSON.stringify({ name: "Minted" }))),
    fetch("${api}/workshops/${code}/focus", opts(JSON.stringify({ lesson: "${LESSON}" }))),
    fetch("${api}/runs", opts(JSON.stringify({ files: { "main.ts": "console.log('pwned')" } }))),
    fetch("${api}/workshops/ZZZZZZ", { mode: "no-cors", credentials: "include" }),
  ]).then(() => { document.getElementById("run").submit(); });
</script>`,
  };
  // In a tab of its own (same browser, same cookies), so its refused requests stay out of the site's console.
  const attack = await context.newPage();
  const answers: string[] = [];
  attack.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === site.url) answers.push(`${response.request().method()} ${url.pathname} ${response.status()}`);
  });
  await attack.goto(`http://localhost:${otherPort}/attack`);
  await expect.poll(() => answers.length, { timeout: 20_000 }).toBe(6);
  expect(answers.sort()).toEqual([
    `GET /api/workshops/ZZZZZZ 403`,
    'POST /api/runs 403',
    'POST /api/runs 403',
    `POST /api/workshops/${code}/end 403`,
    `POST /api/workshops/${code}/focus 403`,
    `POST /api/workshops/${code}/join 403`,
  ]);
  // The form post (its answer is in the frame) was refused as well.
  const sink = attack.frame({ name: 'sink' })!;
  await expect.poll(() => sink.url()).toBe(`${api}/runs`);
  expect(JSON.parse((await sink.locator('body').textContent())!).error.code).toBe('cross-origin-request');

  // Nothing happened: the workshop runs on, nobody joined, and no run was started.
  const summary = await (await context.request.get(`/api/workshops/${code}`)).json();
  expect(summary.endedAt).toBeNull();
  expect(summary.focus).toBeNull();
  const board = await (await context.request.get(`/api/workshops/${code}/board`, { headers: { authorization: `Bearer ${created.instructorKey}` } })).json();
  expect(board.learners).toEqual([]);

  // The site's own pages: a learner joins and runs a snippet, the instructor ends the workshop.
  const learner = await browser.newContext({ baseURL: site.url });
  const learnerPage = await learner.newPage();
  const learnerProblems = watchPage(learnerPage, site.url);
  await learnerPage.goto(`/w/${code}`);
  await learnerPage.getByLabel('Your name').fill('Ada');
  await learnerPage.getByRole('button', { name: 'Join the workshop' }).click();
  await expect(learnerPage.getByText('You joined as Ada')).toBeVisible();
  await learnerPage.goto(`/lessons/${LESSON}#${SNIPPET}`);
  const block = playground(learnerPage, SNIPPET);
  await editorReady(block);
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(await waitForEnd(block)).toHaveAttribute('data-phase', 'ended');

  await page.goto(created.instructorPath);
  await expect(page.locator('[data-testid="learner-tile"][data-name="Ada"]')).toBeVisible();
  await page.getByRole('button', { name: 'End the workshop…' }).click();
  await page.getByRole('button', { name: 'End now' }).click();
  await expect.poll(async () => (await (await context.request.get(`/api/workshops/${code}`)).json()).endedAt).not.toBeNull();
  expect(problems).toEqual([]);
  expect(learnerProblems).toEqual([]);
  await learner.close();
  await context.close();
});

test('every kind of page runs under the script policy without a violation, and the policy stops injected script', async ({ browser, site }) => {
  test.setTimeout(150_000);
  const context = await browser.newContext({ baseURL: site.url });
  await watchPolicy(context);
  const page = await context.newPage();
  const problems = watchPage(page, site.url);

  // A lesson: its diagrams (mermaid) drawn and a snippet run.
  const lesson = await page.goto(`/lessons/${LESSON}`);
  const policy = lesson!.headers()['content-security-policy']!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'sha256-/);
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain('unsafe-inline');
  const diagram = page.locator('[data-mermaid]').first();
  await diagram.scrollIntoViewIfNeeded();
  await expect(diagram).toHaveAttribute('data-mermaid', 'drawn', { timeout: 20_000 });
  // The lesson's first step: its first snippet.
  const block = page.locator('[data-playground]').first();
  await scrollToBlock(block);
  await editorReady(block);
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForEnd(block);
  expect(await violations(page)).toEqual([]);

  // The policy is in force: injected markup's handlers and scripts do not run.
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.innerHTML = '<img src="/favicon.svg?x" onload="window.__injected = 1">';
    document.body.append(box);
    const script = document.createElement('script');
    script.textContent = 'window.__injected = 2';
    document.body.append(script);
  });
  await expect.poll(() => violations(page)).toHaveLength(2);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  expect((await violations(page)).every((v) => v.startsWith('script-src'))).toBe(true);
  problems.length = 0; // the two refusals above are logged as console errors

  // The playground: Monaco and its TypeScript worker (a type error is underlined), then a run.
  await page.goto('/playground');
  const scratch = playground(page, 'scratch');
  await editorReady(scratch);
  await setEditorValue(page, 'scratch', 'const n: number = "text";\nconsole.log("typed", n);\n');
  await expect(scratch.locator('.squiggly-error').first()).toBeAttached({ timeout: 20_000 });
  await scratch.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(scratch.getByRole('log', { name: 'Output' })).toContainText('typed text', { timeout: 30_000 });
  expect(await violations(page)).toEqual([]);

  // An embed, alone and inside another site's page, run there.
  const embed = await page.goto(`${EMBED}?variant=fixed`);
  expect(embed!.headers()['content-security-policy']).toMatch(/^frame-ancestors \*; script-src 'self' /);
  await editorReady(playground(page, SNIPPET));
  expect(await violations(page)).toEqual([]);
  pages = { post: `<iframe id="one" src="${site.url}${EMBED}?variant=fixed" title="A snippet" width="100%" height="600"></iframe>` };
  // (In a tab of its own: the other site's page is not the site's, for watchPage.)
  const blog = await context.newPage();
  await blog.goto(`http://127.0.0.1:${otherPort}/post`);
  const framed = blog.frameLocator('iframe#one').locator(`[data-playground="${SNIPPET}"]`);
  await framed.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(await waitForEnd(framed)).toHaveAttribute('data-status', 'ok');
  const inner = blog.frames().find((f) => f.url().startsWith(`${site.url}${EMBED}`))!;
  expect(await inner.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])).toEqual([]);
  await blog.close();

  // Workshop pages (rendered per request, with the nonce): create, join, the board.
  await page.goto('/w/new');
  await page.getByLabel('Title').fill('Policy');
  await page.getByLabel(/Part 1: /).check();
  await page.getByRole('button', { name: 'Create the workshop' }).click();
  const code = (await page.getByTestId('join-code').textContent())!.trim();
  const instructorLink = await page.getByTestId('instructor-link').inputValue();
  expect(await violations(page)).toEqual([]);
  const room = await page.goto(`/w/${code}`);
  expect(room!.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
  await page.getByLabel('Your name').fill('Grace');
  await page.getByRole('button', { name: 'Join the workshop' }).click();
  await expect(page.getByText('You joined as Grace')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.goto(instructorLink);
  await expect(page.locator('[data-testid="learner-tile"][data-name="Grace"]')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  expect(problems).toEqual([]);
  await context.close();
});

test('an embed with ?autorun=1 never runs code that came in its hash: the reader presses Run', async ({ page, baseURL }) => {
  const runs: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/runs') runs.push(request.postData() ?? '');
  });
  const code = 'console.log("from the hash");\n';
  const hash = shareHash(SNIPPET, 'fixed', await encodeShare({ 'main.ts': code }));
  await page.goto(`${EMBED}?variant=fixed&autorun=1${hash}`);
  const block = playground(page, SNIPPET);
  await expect(block.getByTestId('shared-banner')).toBeVisible();
  await editorReady(block);
  expect(await page.evaluate((id) => window.__zmqEditors![id]!.value(), SNIPPET)).toBe(code);
  // Past the frames in which autorun would have started (it starts on the first intersection).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(block.getByTestId('run-status')).toHaveAttribute('data-phase', 'idle');
  expect(runs).toEqual([]);
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(block.getByRole('log', { name: 'Output' })).toContainText('from the hash', { timeout: 30_000 });
  expect(runs).toHaveLength(1);

  // Without a hash, autorun runs the snippet's own code, as before.
  runs.length = 0;
  await page.goto(`${EMBED}?variant=fixed&autorun=1`);
  await expect.poll(() => runs.length, { timeout: 20_000 }).toBe(1);
  expect(runs[0]).not.toContain('from the hash');
  expect(baseURL).toBeTruthy();
});

test('malformed percent-encoding is a 400, never a 500', async ({ request }) => {
  for (const path of ['/lessons/%C0', '/embed/%C0/x', '/w/%E2%82', '/w/%E2%82/instructor', `/embed/${LESSON}/%C0`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(response.headers()['content-type'], path).toContain('text/html');
    expect(await response.text(), path).toContain('not valid');
  }
  const api = await request.get('/api/lessons/%C0');
  expect(api.status()).toBe(400);
  expect((await api.json()).error.code).toBe('invalid-url');
  // A valid escape still reaches Next.js.
  expect((await request.get('/lessons/%30%31-what-is-zeromq')).status()).toBeLessThan(500);
});

test('oEmbed without SITE_URL names the Host it was asked at, so it is private to the asker and varies by Host', async ({ request, baseURL }) => {
  const url = encodeURIComponent(`${baseURL}/lessons/${LESSON}`);
  const answer = await request.get(`/api/oembed?url=${url}`);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['cache-control']).toBe('private, max-age=3600');
  expect(answer.headers()['vary']).toContain('Host');
  expect((await answer.json()).html).toContain(`src="${baseURL}/embed/`);
});
