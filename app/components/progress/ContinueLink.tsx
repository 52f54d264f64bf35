'use client';

import Link from 'next/link';
import { useProgress } from './useProgress';

/** Once some lessons are visited: a link to the first one not visited yet. */
export default function ContinueLink({ lessons }: { lessons: { slug: string; part: number; title: string }[] }) {
  const progress = useProgress();
  const started = lessons.some((lesson) => lesson.slug in progress.visited);
  const next = lessons.find((lesson) => !(lesson.slug in progress.visited));
  if (!started || !next) return null;
  return (
    <Link
      href={`/lessons/${next.slug}`}
      className="inline-flex min-h-11 items-center rounded-lg border border-(--border-strong) px-4 py-2 font-semibold transition-colors hover:bg-(--surface-strong)"
    >
      Continue with part {next.part}: {next.title}
    </Link>
  );
}
