import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLesson, getLessons } from '../../../../../content/loader';
import LessonStepPage, { stepMetadata } from '../../../../components/lesson/LessonStepPage';
import { pageLang } from '../../../../_lib/i18n';

interface Props {
  params: Promise<{ locale: string; slug: string }>;
}

// Every lesson is built ahead of time; any other slug is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return getLessons().map((lesson) => ({ slug: lesson.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLang(params);
  const lesson = getLesson((await params).slug, undefined, lang);
  return lesson ? stepMetadata(lesson, lesson.steps[0]!) : {};
}

/** A lesson's own URL is its first step. */
export default async function LessonPage({ params }: Props) {
  const lang = await pageLang(params);
  const { slug } = await params;
  const lessons = getLessons(undefined, lang);
  const lesson = lessons.find((l) => l.slug === slug);
  if (!lesson) notFound();
  return <LessonStepPage lessons={lessons} lesson={lesson} step={lesson.steps[0]!} />;
}
