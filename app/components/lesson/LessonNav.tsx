import Link from 'next/link';
import type { Lesson } from '../../../content/types';

function Card({ lesson, direction }: { lesson: Lesson; direction: 'previous' | 'next' }) {
  const next = direction === 'next';
  return (
    <Link
      href={`/lessons/${lesson.slug}`}
      rel={next ? 'next' : 'prev'}
      className={`group flex flex-col gap-1 rounded-xl border border-(--border) p-4 transition-colors hover:border-(--border-strong) hover:bg-(--surface) ${
        next ? 'text-right sm:col-start-2' : ''
      }`}
    >
      <span className="text-sm text-(--muted-fg)">
        {next ? 'Next' : 'Previous'} · Part {lesson.part}
      </span>
      <span className="font-semibold text-(--link) group-hover:underline">
        {next ? '' : '← '}
        {lesson.title}
        {next ? ' →' : ''}
      </span>
    </Link>
  );
}

/** Links to the lessons before and after this one. */
export default function LessonNav({ previous, next }: { previous?: Lesson; next?: Lesson }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="Previous and next lessons" className="mt-16 grid gap-4 sm:grid-cols-2">
      {previous && <Card lesson={previous} direction="previous" />}
      {next && <Card lesson={next} direction="next" />}
    </nav>
  );
}
