import type { MetadataRoute } from 'next';
import { LANGS, localePath } from '../content/lang';
import { getLessons } from '../content/loader';

// Read SITE_URL when the sitemap is asked for, so one build serves any address.
export const dynamic = 'force-dynamic';

/** Every page in every language (English at the site's URLs, Korean under /ko), each with its alternates. */
export default function sitemap(): MetadataRoute.Sitemap {
  const site = (process.env.SITE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  const url = (path: string) => `${site}${path === '/' ? '/' : path}`;
  const pages: { path: string; changeFrequency: 'weekly' | 'monthly'; priority: number }[] = [
    { path: '/', changeFrequency: 'weekly', priority: 1 },
    { path: '/lessons', changeFrequency: 'weekly', priority: 0.8 },
    { path: '/playground', changeFrequency: 'monthly', priority: 0.5 },
    // Every step of every lesson: the lesson's own URL is its first step.
    ...getLessons().flatMap((lesson) =>
      lesson.steps.map((step) => ({ path: step.path, changeFrequency: 'weekly' as const, priority: step.index === 0 ? 0.9 : 0.7 })),
    ),
  ];
  return LANGS.flatMap((lang) =>
    pages.map(({ path, changeFrequency, priority }) => ({
      url: url(localePath(lang, path)),
      changeFrequency,
      priority,
      alternates: { languages: Object.fromEntries(LANGS.map((other) => [other, url(localePath(other, path))])) },
    })),
  );
}
