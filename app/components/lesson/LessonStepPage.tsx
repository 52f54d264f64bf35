import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DEFAULT_LANG, splitLocalePath } from '../../../content/lang';
import { anchorMap } from '../../../content/steps';
import type { Lesson, Step } from '../../../content/types';
import { oembedDiscovery } from '../../_lib/embed/links';
import { languageAlternates } from '../../_lib/i18n';
import { renderLesson } from '../../_lib/render-lesson';
import DisclosureTriangle from '../icons/DisclosureTriangle';
import { lessonComponents } from '../mdx';
import MarkVisited from '../progress/MarkVisited';
import AnchorRedirect from './AnchorRedirect';
import LessonSidebar from './LessonSidebar';
import ReadingProgress from './ReadingProgress';
import StepList from './StepList';
import StepNav from './StepNav';
import Toc from './Toc';

/** The page's title and description: the lesson's, with the step's title after the first step. */
export function stepMetadata(lesson: Lesson, step: Step): Metadata {
  const title = step.index === 0 ? lesson.title : `${step.title} · ${lesson.title}`;
  return {
    title,
    description: lesson.summary,
    openGraph: { title, description: lesson.summary, type: 'article' },
    // oEmbed discovery: blog platforms turn a link to this page into an embed of its first snippet.
    // hreflang: the same step in every language (English is the source of its path).
    alternates: { ...languageAlternates(lesson.lang ?? DEFAULT_LANG, splitLocalePath(step.path).path), types: { 'application/json+oembed': oembedDiscovery(step.path) } },
  };
}

/** One step of a lesson: its part of the text, "step N of M", the list of steps, and the way on. */
export default async function LessonStepPage({ lessons, lesson, step }: { lessons: Lesson[]; lesson: Lesson; step: Step }) {
  const lang = lesson.lang ?? DEFAULT_LANG;
  const t = await getTranslations({ locale: lang, namespace: 'lesson' });
  const index = lessons.indexOf(lesson);
  const content = await renderLesson(lesson, step, lessons, lessonComponents(lesson));
  const steps = lesson.steps.map(({ index, slug, title, path }) => ({ index, slug, title, path }));
  const count = lesson.steps.length;

  return (
    <div className="mx-auto w-full max-w-7xl px-4 sm:px-6 lg:px-8">
      <ReadingProgress targetId="lesson" />
      <MarkVisited slug={lesson.slug} step={step.slug} />
      <AnchorRedirect anchors={anchorMap(lesson.steps)} here={step.path} />
      <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_14rem] lg:gap-10 xl:grid-cols-[14rem_minmax(0,1fr)_14rem]">
        <div className="hidden xl:block">
          <div className="sticky top-20 max-h-[calc(100dvh-6rem)] overflow-y-auto py-10 pr-2">
            <LessonSidebar lessons={lessons} current={lesson.slug} />
          </div>
        </div>

        <article id="lesson" className="min-w-0 py-8 sm:py-10" aria-labelledby="lesson-title">
          <header className={step.index === 0 ? 'mb-8 space-y-3' : 'mb-6 space-y-2'}>
            <p className="text-sm font-semibold tracking-wide uppercase">
              <span className="text-red-700 dark:text-red-400">{t('part', { part: lesson.part })}</span>
              {count > 1 && (
                <span className="font-normal text-(--muted-fg) normal-case" data-testid="step-of">
                  {` · ${t('stepOf', { step: step.index + 1, count })}`}
                </span>
              )}
            </p>
            <h1 id="lesson-title" className={step.index === 0 ? 'text-3xl font-bold tracking-tight text-balance sm:text-4xl' : 'text-2xl font-bold tracking-tight text-balance sm:text-3xl'}>
              {lesson.title}
            </h1>
            {step.index === 0 && <p className="max-w-[65ch] text-lg leading-relaxed text-(--muted-fg)">{lesson.summary}</p>}
          </header>

          {count > 1 && (
            <details className="mb-6 rounded-lg border border-(--border) bg-(--surface) px-4 py-2 lg:hidden">
              <summary className="flex cursor-pointer list-none items-center gap-2 py-1 text-sm select-none [&::-webkit-details-marker]:hidden">
                <DisclosureTriangle />
                <span className="font-semibold">{t('stepOf', { step: step.index + 1, count })}</span>
                <span className="min-w-0 truncate text-(--muted-fg)">· {step.title}</span>
              </summary>
              <div className="pt-2 pb-1">
                <StepList lesson={lesson.slug} steps={steps} current={step.index} />
              </div>
            </details>
          )}

          {lesson.untranslated && (
            <p role="note" data-testid="untranslated" className="mb-6 max-w-[46rem] rounded-lg border border-(--border) bg-(--surface) px-4 py-3 text-sm">
              {t('untranslated')}
            </p>
          )}
          {/* An untranslated lesson's text is English on a Korean page: said so for screen readers. */}
          <div className="prose max-w-[46rem]" lang={lesson.untranslated ? DEFAULT_LANG : undefined}>
            {content}
          </div>

          <div className="max-w-[46rem]">
            <StepNav lesson={lesson} step={step} previousLesson={lessons[index - 1]} nextLesson={lessons[index + 1]} t={t} />
          </div>
        </article>

        <div className="hidden lg:block">
          <div className="sticky top-20 max-h-[calc(100dvh-6rem)] space-y-8 overflow-y-auto py-10">
            {count > 1 && <StepList lesson={lesson.slug} steps={steps} current={step.index} />}
            {step.headings.length > 1 && <Toc headings={step.headings} />}
          </div>
        </div>
      </div>
    </div>
  );
}
