import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getLessons } from '../../../../content/loader';
import LessonList from '../../../components/lesson/LessonList';
import ResetProgress from '../../../components/progress/ResetProgress';
import { languageAlternates, pageLang } from '../../../_lib/i18n';

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLang(params);
  const t = await getTranslations({ locale: lang, namespace: 'lessons' });
  return { title: t('title'), description: t('description'), alternates: languageAlternates(lang, '/lessons') };
}

export default async function LessonsPage({ params }: Props) {
  const lang = await pageLang(params);
  const t = await getTranslations({ locale: lang, namespace: 'lessons' });
  const lessons = getLessons(undefined, lang);
  return (
    <div className="mx-auto w-full max-w-3xl space-y-8 px-4 py-10 sm:px-6 sm:py-14">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t('title')}</h1>
        <p className="text-lg text-(--muted-fg)">
          {t('intro')}
        </p>
      </header>
      <LessonList lessons={lessons} headingLevel={2} />
      <ResetProgress />
    </div>
  );
}
