'use client';

import { useTranslations } from 'next-intl';
import Link from '../layout/SiteLink';
import { useLocalePath } from '../i18n/useLang';
import { useProgress } from './useProgress';

/** Once some lessons are visited: a link to the first one not visited yet. */
export default function ContinueLink({ lessons }: { lessons: { slug: string; part: number; title: string }[] }) {
  const progress = useProgress();
  const t = useTranslations('lesson');
  const path = useLocalePath();
  const started = lessons.some((lesson) => lesson.slug in progress.visited);
  const next = lessons.find((lesson) => !(lesson.slug in progress.visited));
  if (!started || !next) return null;
  return (
    <Link
      href={path(`/lessons/${next.slug}`)}
      className="inline-flex min-h-11 items-center rounded-lg border border-(--border-strong) px-4 py-2 font-semibold transition-colors hover:bg-(--surface-strong)"
    >
      {t('continue', { part: next.part, title: next.title })}
    </Link>
  );
}
