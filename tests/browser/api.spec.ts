import { expect, test } from '@playwright/test';
import { lessons } from './helpers';

test('/sitemap.xml lists home, playground and every lesson with absolute URLs', async ({ request }) => {
  const response = await request.get('/sitemap.xml');
  expect(response.status()).toBe(200);
  const xml = await response.text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  for (const loc of locs) expect(loc).toMatch(/^https?:\/\//);
  const paths = locs.map((loc) => new URL(loc).pathname);
  expect(paths).toContain('/');
  expect(paths).toContain('/playground');
  // Every step of every lesson; the first is the lesson's own URL.
  for (const lesson of lessons()) {
    expect(paths).toContain(`/lessons/${lesson.slug}`);
    for (const step of lesson.steps) expect(paths).toContain(step.path);
  }
});

test('GET /api/lessons: the summaries, ordered by part', async ({ request }) => {
  const response = await request.get('/api/lessons');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/json/);
  const body = (await response.json()) as { lessons: Record<string, unknown>[] };
  expect(body.lessons.map((l) => l.slug)).toEqual(lessons().map((l) => l.slug));
  for (const lesson of body.lessons) {
    expect(Object.keys(lesson).sort()).toEqual(['part', 'slug', 'snippets', 'summary', 'title']);
    expect(typeof lesson.part).toBe('number');
    expect(Array.isArray(lesson.snippets)).toBe(true);
  }
  const parts = body.lessons.map((l) => l.part as number);
  expect(parts).toEqual([...parts].sort((a, b) => a - b));
});

test('GET /api/lessons/<slug>: snippets with variants that can be posted to /api/runs', async ({ request }) => {
  const lesson = lessons()[0]!;
  const response = await request.get(`/api/lessons/${lesson.slug}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    slug: string;
    part: number;
    title: string;
    summary: string;
    snippets: { id: string; title: string; variants: { id: string; label: string; files: Record<string, string> }[] }[];
    steps: { slug: string; title: string; path: string; snippets: string[] }[];
  };
  expect(body).toMatchObject({ slug: lesson.slug, part: lesson.part, title: lesson.title, summary: lesson.summary });
  expect(body.snippets.map((s) => s.id)).toEqual(lesson.snippets);
  // Additive: the lesson's steps, each a page of its own that shows its snippets.
  expect(body.steps).toEqual(lesson.steps.map(({ slug, title, path, snippets }) => ({ slug, title, path, snippets })));
  expect(body.steps[0]!.path).toBe(`/lessons/${lesson.slug}`);
  for (const snippet of body.snippets) {
    expect(typeof snippet.title).toBe('string');
    expect(snippet.variants.length).toBeGreaterThan(0);
    for (const variant of snippet.variants) {
      expect(['broken', 'fixed', 'main', 'starter', 'solution']).toContain(variant.id);
      expect(typeof variant.label).toBe('string');
      expect(Object.keys(variant.files).length).toBeGreaterThan(0);
    }
  }
});

test('GET /api/lessons/<unknown>: a 404 with a JSON error', async ({ request }) => {
  const response = await request.get('/api/lessons/99-no-such-lesson');
  expect(response.status()).toBe(404);
  expect(response.headers()['content-type']).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
});
