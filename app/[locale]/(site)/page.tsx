import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from '../../components/layout/SiteLink';
import { localePath } from '../../../content/lang';
import { getLessons } from '../../../content/loader';
import LessonList from '../../components/lesson/LessonList';
import ContinueLink from '../../components/progress/ContinueLink';
import ResetProgress from '../../components/progress/ResetProgress';
import { languageAlternates, pageLang } from '../../_lib/i18n';

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { alternates: languageAlternates(await pageLang(params), '/') };
}

export default async function HomePage({ params }: Props) {
  const lang = await pageLang(params);
  const t = await getTranslations({ locale: lang, namespace: 'home' });
  const lessons = getLessons(undefined, lang);
  const first = lessons[0];

  return (
    <div className="mx-auto w-full max-w-3xl space-y-14 px-4 py-10 sm:px-6 sm:py-16">
      <section aria-labelledby="intro-heading" className="space-y-6">
        <h1 id="intro-heading" className="text-4xl font-bold tracking-tight text-balance sm:text-5xl">
          {t('title')}
        </h1>
        <div className="max-w-prose space-y-3 text-lg leading-relaxed text-(--muted-fg)">
          <p>{t('intro1')}</p>
          <p>{t('intro2')}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {first && (
            <Link
              href={localePath(lang, `/lessons/${first.slug}`)}
              data-testid="start-here"
              className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-red-700 px-5 py-2 font-semibold text-white transition-colors hover:bg-red-800 dark:bg-red-400 dark:text-zinc-950 dark:hover:bg-red-300"
            >
              {t('start')}
              <span className="sr-only">{t('startPart', { part: first.part, title: first.title })}</span>
              <span aria-hidden="true">→</span>
            </Link>
          )}
          <ContinueLink lessons={lessons.map(({ slug, part, title }) => ({ slug, part, title }))} />
          <Link
            href={localePath(lang, '/playground')}
            className="inline-flex min-h-11 items-center px-2 font-medium text-(--link) underline-offset-4 hover:underline"
          >
            {t('orPlayground')}
          </Link>
        </div>
      </section>

      <section aria-labelledby="lessons-heading" className="space-y-5">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="lessons-heading" className="text-2xl font-semibold tracking-tight">
            {t('lessons')}
          </h2>
          <p className="text-sm text-(--muted-fg)">
            {t('parts', { count: lessons.length })}
          </p>
        </div>
        <LessonList lessons={lessons} />
        <ResetProgress />
      </section>
    </div>
  );
}
