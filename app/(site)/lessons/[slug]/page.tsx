import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { oembedDiscovery } from '../../../_lib/embed/links';
import { getLesson, getLessons } from '../../../../content/loader';
import { renderLesson } from '../../../_lib/render-lesson';
import LessonNav from '../../../components/lesson/LessonNav';
import LessonSidebar from '../../../components/lesson/LessonSidebar';
import ReadingProgress from '../../../components/lesson/ReadingProgress';
import Toc from '../../../components/lesson/Toc';
import { lessonComponents } from '../../../components/mdx';
import MarkVisited from '../../../components/progress/MarkVisited';

interface Props {
  params: Promise<{ slug: string }>;
}

// Every lesson is built ahead of time; any other slug is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return getLessons().map((lesson) => ({ slug: lesson.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const lesson = getLesson(slug);
  if (!lesson) return {};
  return {
    title: lesson.title,
    description: lesson.summary,
    openGraph: { title: lesson.title, description: lesson.summary, type: 'article' },
    // oEmbed discovery: blog platforms turn a link to this lesson into an embed of its first snippet.
    alternates: { types: { 'application/json+oembed': oembedDiscovery(lesson.slug) } },
  };
}

export default async function LessonPage({ params }: Props) {
  const { slug } = await params;
  const lessons = getLessons();
  const index = lessons.findIndex((lesson) => lesson.slug === slug);
  if (index === -1) notFound();
  const lesson = lessons[index]!;
  const content = await renderLesson(lesson, lessonComponents(lesson));

  return (
    <div className="mx-auto w-full max-w-7xl px-4 sm:px-6 lg:px-8">
      <ReadingProgress targetId="lesson" />
      <MarkVisited slug={lesson.slug} />
      <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_14rem] lg:gap-10 xl:grid-cols-[14rem_minmax(0,1fr)_14rem]">
        <div className="hidden xl:block">
          <div className="sticky top-20 max-h-[calc(100dvh-6rem)] overflow-y-auto py-10 pr-2">
            <LessonSidebar lessons={lessons} current={lesson.slug} />
          </div>
        </div>

        <article id="lesson" className="min-w-0 py-8 sm:py-10" aria-labelledby="lesson-title">
          <header className="mb-8 space-y-3">
            <p className="text-sm font-semibold tracking-wide text-red-700 uppercase dark:text-red-400">
              Part {lesson.part}
            </p>
            <h1 id="lesson-title" className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">
              {lesson.title}
            </h1>
            <p className="max-w-[65ch] text-lg leading-relaxed text-(--muted-fg)">{lesson.summary}</p>
          </header>

          {lesson.headings.length > 0 && (
            <div className="mb-8 lg:hidden">
              <Toc headings={lesson.headings} variant="inline" />
            </div>
          )}

          <div className="prose max-w-[46rem]">{content}</div>

          <div className="max-w-[46rem]">
            <LessonNav previous={lessons[index - 1]} next={lessons[index + 1]} />
          </div>
        </article>

        {lesson.headings.length > 0 && (
          <div className="hidden lg:block">
            <div className="sticky top-20 max-h-[calc(100dvh-6rem)] overflow-y-auto py-10">
              <Toc headings={lesson.headings} variant="sidebar" />
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
