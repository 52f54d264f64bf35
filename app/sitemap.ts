import type { MetadataRoute } from 'next';
import { getLessons } from '../content/loader';

// Read SITE_URL when the sitemap is asked for, so one build serves any address.
export const dynamic = 'force-dynamic';

export default function sitemap(): MetadataRoute.Sitemap {
  const site = (process.env.SITE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  return [
    { url: `${site}/`, changeFrequency: 'weekly', priority: 1 },
    { url: `${site}/lessons`, changeFrequency: 'weekly', priority: 0.8 },
    { url: `${site}/playground`, changeFrequency: 'monthly', priority: 0.5 },
    // Every step of every lesson: the lesson's own URL is its first step.
    ...getLessons().flatMap((lesson) =>
      lesson.steps.map((step) => ({
        url: `${site}${step.path}`,
        changeFrequency: 'weekly' as const,
        priority: step.index === 0 ? 0.9 : 0.7,
      })),
    ),
  ];
}
