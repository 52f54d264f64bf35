import type { getTranslations } from 'next-intl/server';
import Link from '../layout/SiteLink';
import type { Lesson, Step } from '../../../content/types';

interface Target {
  href: string;
  label: string;
  title: string;
}

function Card({ target, direction }: { target: Target; direction: 'previous' | 'next' }) {
  const next = direction === 'next';
  return (
    <Link
      href={target.href}
      rel={next ? 'next' : 'prev'}
      className={`group flex flex-col gap-1 rounded-xl border border-(--border) p-4 transition-colors hover:border-(--border-strong) hover:bg-(--surface) ${
        next ? 'text-right sm:col-start-2' : ''
      }`}
    >
      <span className="text-sm text-(--muted-fg)">
        {target.label}
      </span>
      <span className="font-semibold text-(--link) group-hover:underline">
        {next ? '' : '← '}
        {target.title}
        {next ? ' →' : ''}
      </span>
    </Link>
  );
}

const lastStep = (lesson: Lesson) => lesson.steps[lesson.steps.length - 1]!;

/** The step before and after this one; past a lesson's last step, the next lesson (and back). */
type LessonStrings = Awaited<ReturnType<typeof getTranslations<'lesson'>>>;

export default function StepNav({ lesson, step, previousLesson, nextLesson, t }: { lesson: Lesson; step: Step; previousLesson?: Lesson; nextLesson?: Lesson; t: LessonStrings }) {
  const count = lesson.steps.length;
  const before = lesson.steps[step.index - 1];
  const after = lesson.steps[step.index + 1];
  const previous: Target | undefined = before
    ? { href: before.path, label: t('previous', { where: t('stepOf', { step: before.index + 1, count }) }), title: before.title }
    : previousLesson && { href: lastStep(previousLesson).path, label: t('previous', { where: t('part', { part: previousLesson.part }) }), title: previousLesson.title };
  const next: Target | undefined = after
    ? { href: after.path, label: t('next', { where: t('stepOf', { step: after.index + 1, count }) }), title: after.title }
    : nextLesson && { href: nextLesson.steps[0]!.path, label: t('next', { where: t('part', { part: nextLesson.part }) }), title: nextLesson.title };
  if (!previous && !next) return null;
  return (
    <nav aria-label={t('prevNextNav')} className="mt-16 grid gap-4 sm:grid-cols-2">
      {previous && <Card target={previous} direction="previous" />}
      {next && <Card target={next} direction="next" />}
    </nav>
  );
}
