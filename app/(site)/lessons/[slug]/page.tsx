import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLesson, getLessons } from '../../../../content/loader';
import LessonStepPage, { stepMetadata } from '../../../components/lesson/LessonStepPage';

interface Props {
  params: Promise<{ slug: string }>;
}

// Every lesson is built ahead of time; any other slug is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return getLessons().map((lesson) => ({ slug: lesson.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = getLesson((await params).slug);
  return lesson ? stepMetadata(lesson, lesson.steps[0]!) : {};
}

/** A lesson's own URL is its first step. */
export default async function LessonPage({ params }: Props) {
  const { slug } = await params;
  const lessons = getLessons();
  const lesson = lessons.find((l) => l.slug === slug);
  if (!lesson) notFound();
  return <LessonStepPage lessons={lessons} lesson={lesson} step={lesson.steps[0]!} />;
}
