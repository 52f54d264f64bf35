// Measures the playground's editor and terminal in Debian's Chromium (not part of the test suite):
//   npm run build --silent && PORT=3200 node dist/server.mjs &
//   BASE=http://localhost:3200 node bench/editor-load.mjs [/lessons/01-what-is-zeromq#hello-req-rep] [--runs 10]
// 1. What the playground loads, raw and gzip: the /vendor/monaco files (editor, CSS, font,
//    workers, type definitions) and the JavaScript chunks fetched after the page's own
//    (the editor's and xterm.js's lazy chunks), with a run so the terminal loads too.
// 2. Time from navigation start to an editor that accepts typing: the page is opened at the
//    playground's anchor, the block's editor replaces its placeholder (data-editor="ready"),
//    a key is pressed and the time its character reaches the editor's model is taken
//    (performance.now(), whose zero is the navigation start). Median of N loads, each in a
//    new browser context (cold: empty cache), and N reloads in one context (warm: cached).
// --against URL: also measures a second server (say, a build of the code before a change) in
//    the same run, its cold loads taking turns with BASE's, so a busy host slows both alike.
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';

const base = process.env.BASE ?? 'http://localhost:3200';
const args = process.argv.slice(2);
const target = args.find((a) => a.startsWith('/')) ?? '/lessons/01-what-is-zeromq#hello-req-rep';
const runs = Number(args[args.indexOf('--runs') + 1]) || 10;
const against = args.includes('--against') ? args[args.indexOf('--against') + 1] : null;
const blockId = new URL(target, base).hash.replace(/^#/, '').split('?')[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});

const kb = (bytes) => +(bytes / 1024).toFixed(1);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return +(s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2).toFixed(0);
};

/** Opens the page, waits for the editor, types one key; returns the page's own timings (ms from navigation start). */
async function measure(page, origin = base) {
  await page.goto(origin + target, { waitUntil: 'commit' });
  const block = page.locator(`[id="${blockId}"]`);
  await block.locator('[data-editor="ready"]').waitFor({ timeout: 60_000 });
  const ready = await page.evaluate(() => performance.now());
  await page.evaluate((id) => {
    const editor = window.__zmqEditors[id].editor;
    editor.focus();
    editor.setPosition({ lineNumber: 1, column: 1 });
    window.__typedAt = null;
    const listener = editor.onDidChangeModelContent(() => {
      window.__typedAt = performance.now();
      listener.dispose();
    });
  }, blockId);
  await page.keyboard.type('x');
  await page.waitForFunction(() => window.__typedAt !== null);
  const typed = await page.evaluate(() => window.__typedAt);
  const value = await page.evaluate((id) => window.__zmqEditors[id].value(), blockId);
  if (!value.startsWith('x')) throw new Error('the typed key did not reach the editor');
  const nav = await page.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { load: entry.loadEventEnd, fcp: fcp?.startTime ?? null };
  });
  await page.evaluate(() => localStorage.clear()); // the next load starts from the lesson's code
  return { ready, typed, ...nav };
}

// 1. Sizes: everything fetched while the page loads, the editor appears and one run streams.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const pageScripts = new Set();
  const fetched = new Map();
  page.on('response', async (response) => {
    const url = response.url();
    if (!url.startsWith(base)) return;
    try {
      const body = await response.body();
      const text = body.toString('latin1');
      // What a lazy chunk holds, by a name only it has.
      const kind = !url.includes('/_next/') ? null : text.includes('xterm-helper-textarea') ? 'xterm.js' : text.includes('__zmqEditors') ? 'code editor' : text.includes('createDiffEditor') ? 'diff view' : null;
      fetched.set(url, { raw: body.length, gzip: gzipSync(body).length, encoding: response.headers()['content-encoding'] ?? 'none', kind });
    } catch {
      // Event streams have no body to read here.
    }
  });
  const html = await (await fetch(base + target)).text();
  for (const m of html.matchAll(/<script[^>]*src="([^"]+)"/g)) pageScripts.add(new URL(m[1], base).href);
  for (const m of html.matchAll(/<link rel="preload" as="script"[^>]*href="([^"]+)"/g)) pageScripts.add(new URL(m[1], base).href);
  await measure(page);
  const block = page.locator(`[id="${blockId}"]`);
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await block.locator('[data-testid="run-status"][data-phase="ended"]').waitFor({ timeout: 60_000 });
  await block.locator('.xterm').first().waitFor();
  // A diff view too (its own small chunk; Monaco's diff editor is in editor.js).
  await page.evaluate((id) => window.__zmqEditors[id].editor.trigger('bench', 'type', { text: '// x\n' }), blockId);
  await block.getByRole('button', { name: 'My changes' }).click();
  await block.locator('.monaco-diff-editor').waitFor();
  await page.waitForLoadState('networkidle');

  const groups = { monaco: [], playgroundChunks: [], otherLazy: [] };
  for (const [url, size] of fetched) {
    const path = url.replace(base, '');
    if (path.startsWith('/vendor/monaco/')) groups.monaco.push({ path, ...size });
    else if (path.startsWith('/_next/static/') && path.endsWith('.js') && !pageScripts.has(url)) {
      (size.kind ? groups.playgroundChunks : groups.otherLazy).push({ path, ...size });
    }
  }
  const sum = (list) => ({ raw: kb(list.reduce((n, f) => n + f.raw, 0)), gzip: kb(list.reduce((n, f) => n + f.gzip, 0)) });
  console.log('KB, raw / gzip (gzip of the file as served; the server compresses on the fly)');
  for (const [name, list] of Object.entries(groups)) {
    if (name === 'otherLazy') {
      console.log(`other scripts fetched after the page's own (route prefetches, diagrams): ${list.length}, ${JSON.stringify(sum(list))}`);
      continue;
    }
    console.log(`${name}: ${JSON.stringify(sum(list))}`);
    for (const f of list.sort((a, b) => b.raw - a.raw)) {
      console.log(`   ${(f.kind ? `${f.kind} ${f.path}` : f.path).padEnd(58)} raw ${String(kb(f.raw)).padStart(7)}   gzip ${String(kb(f.gzip)).padStart(6)}   served ${f.encoding}`);
    }
  }
  await context.close();
}

// 2. Navigation start → editor accepts typing.
const cold = [];
const coldAgainst = [];
for (let i = 0; i <= runs; i++) {
  for (const [origin, list] of against ? [[base, cold], [against, coldAgainst]] : [[base, cold]]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const result = await measure(await context.newPage(), origin);
    if (i > 0) list.push(result); // the first load warms the server
    await context.close();
  }
}
const warm = [];
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  for (let i = 0; i <= runs; i++) {
    await page.goto('about:blank'); // a new document each time (a same-page hash change is not a load)
    const result = await measure(page);
    if (i > 0) warm.push(result);
  }
  await context.close();
}
const lists = [['cold (empty cache)', cold], ['warm (cached)', warm], ...(against ? [[`cold, ${against} (taking turns with the above)`, coldAgainst]] : [])];
for (const [name, list] of lists) {
  console.log(
    `${name}, ${list.length} loads, median ms from navigation start: first paint ${median(list.map((r) => r.fcp ?? 0))}, load ${median(list.map((r) => r.load))}, editor ready ${median(list.map((r) => r.ready))}, first key in the editor ${median(list.map((r) => r.typed))}  (all: ${list.map((r) => Math.round(r.typed)).join(' ')})`,
  );
}
await browser.close();
