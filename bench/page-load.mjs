// Measures a page of the built site in Debian's Chromium (not part of the test suite):
//   npm run build --silent && PORT=3200 node dist/server.mjs &
//   BASE=http://localhost:3200 node bench/page-load.mjs /lessons/01-what-is-zeromq
// 1. First-load JavaScript: the module scripts named by the page's HTML (script tags and
//    script preloads, without the noModule polyfill), each gzipped; and every script the
//    browser actually fetched until the network went idle, without scrolling (which adds
//    Next's prefetches of linked routes).
// 2. First Contentful Paint from the Performance API: median of 10 cold loads, each in a
//    new browser context (empty cache), after one load that warms the server.
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
const base = process.env.BASE ?? "http://localhost:3200";
const path = process.argv[2] ?? '/lessons/01-what-is-zeromq';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

// 1. JS: scripts referenced by the HTML, and scripts actually fetched until network idle (no scrolling).
{
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const fetched = new Map();
  page.on('response', async (r) => {
    if (r.request().resourceType() !== 'script') return;
    try { const body = await r.body(); fetched.set(r.url(), { raw: body.length, gz: gzipSync(body).length, enc: r.headers()['content-encoding'] ?? 'none' }); } catch {}
  });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  const html = await (await fetch(base + path)).text();
  // Module scripts only: the noModule polyfill script is never loaded by current browsers.
  const tags = [...html.matchAll(/<script([^>]*)src="([^"]+)"([^>]*)>/g)].filter((m) => !/noModule/i.test(m[1] + m[3])).map((m) => new URL(m[2], base).href);
  const preloads = [...html.matchAll(/<link rel="preload" as="script"[^>]*href="([^"]+)"/g)].map((m) => new URL(m[1], base).href);
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  let sumTags = { raw: 0, gz: 0 };
  for (const url of new Set([...tags, ...preloads])) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    sumTags.raw += body.length; sumTags.gz += gzipSync(body).length;
  }
  let sumFetched = { raw: 0, gz: 0 };
  for (const v of fetched.values()) { sumFetched.raw += v.raw; sumFetched.gz += v.gz; }
  const inlineBytes = inline.join('').length;
  console.log(JSON.stringify({ path, scriptTags: new Set([...tags, ...preloads]).size, htmlScriptsKB: { raw: +(sumTags.raw / 1024).toFixed(1), gzip: +(sumTags.gz / 1024).toFixed(1) },
    fetchedScripts: fetched.size, fetchedKB: { raw: +(sumFetched.raw / 1024).toFixed(1), gzip: +(sumFetched.gz / 1024).toFixed(1) },
    encodings: [...new Set([...fetched.values()].map((v) => v.enc))], htmlKB: { raw: +(html.length / 1024).toFixed(1), gzip: +(gzipSync(html).length / 1024).toFixed(1) }, inlineScriptKB: +(inlineBytes / 1024).toFixed(1) }));
  for (const [u, v] of fetched) console.log('  ', u.replace(base, ''), v.raw, v.gz);
  await ctx.close();
}

// 2. First Contentful Paint, cold loads (a new browser context each: empty cache).
const runs = [];
for (let i = 0; i < 11; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(base + path, { waitUntil: 'load' });
  const m = await page.evaluate(() => new Promise((resolve) => {
    const get = () => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      if (!fcp) return setTimeout(get, 20);
      const nav = performance.getEntriesByType('navigation')[0];
      resolve({ fcp: fcp.startTime, ttfb: nav.responseStart, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd });
    };
    get();
  }));
  if (i > 0) runs.push(m); // the first load warms the server, not the browser
  await ctx.close();
}
const median = (k) => { const xs = runs.map((r) => r[k]).sort((a, b) => a - b); return +xs[Math.floor(xs.length / 2)].toFixed(1); };
console.log(JSON.stringify({ loads: runs.length, medianMs: { ttfb: median('ttfb'), fcp: median('fcp'), domContentLoaded: median('dcl'), load: median('load') }, fcpAll: runs.map((r) => Math.round(r.fcp)) }));
await browser.close();
