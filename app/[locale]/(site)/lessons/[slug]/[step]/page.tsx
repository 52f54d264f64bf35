import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getLesson, getLessons } from '../../../../../../content/loader';
import LessonStepPage, { stepMetadata } from '../../../../../components/lesson/LessonStepPage';
import { pageLang } from '../../../../../_lib/i18n';

interface Props {
  params: Promise<{ locale: string; slug: string; step: string }>;
}

// Every step is built ahead of time; any other path is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  // The first step too: its own slug sends readers to the lesson's URL, where it lives.
  return getLessons().flatMap((lesson) => lesson.steps.map((step) => ({ slug: lesson.slug, step: step.slug })));
}

async function find(params: Props['params']) {
  const lang = await pageLang(params);
  const { slug, step } = await params;
  const lesson = getLesson(slug, undefined, lang);
  return { lessons: getLessons(undefined, lang), lesson, step: lesson?.steps.find((s) => s.slug === step) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lesson, step } = await find(params);
  return lesson && step ? stepMetadata(lesson, step) : {};
}

export default async function StepPage({ params }: Props) {
  const { lessons, lesson, step } = await find(params);
  if (!lesson || !step) notFound();
  if (step.index === 0) permanentRedirect(step.path);
  return <LessonStepPage lessons={lessons} lesson={lesson} step={step} />;
}
