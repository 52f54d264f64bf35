import { useTranslations } from 'next-intl';
import Link from '../layout/SiteLink';
import { getLessons } from '../../../content/loader';
import { useLang, useLocalePath } from '../i18n/useLang';
import LessonList from './LessonList';

/** A 404 that helps: say so plainly, link home, and list the lessons. */
export default function NotFoundContent({ what = 'page' }: { what?: 'page' | 'lesson' }) {
  const lang = useLang();
  const t = useTranslations('notFound');
  const path = useLocalePath();
  const lessons = getLessons(undefined, lang);
  return (
    <div className="mx-auto w-full max-w-3xl space-y-10 px-4 py-12 sm:px-6 sm:py-16">
      <section aria-labelledby="not-found-heading" className="space-y-4">
        <p className="font-mono text-sm font-semibold text-red-700 dark:text-red-300">404</p>
        <h1 id="not-found-heading" className="text-3xl font-bold tracking-tight">
          {t(what === 'lesson' ? 'lessonTitle' : 'pageTitle')}
        </h1>
        <p className="text-lg text-(--muted-fg)">
          {t(what === 'lesson' ? 'lessonText' : 'pageText')}
        </p>
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          <Link href={path('/')} className="font-medium text-(--link) underline underline-offset-4 hover:text-(--link-hover)">
            {t('home')}
          </Link>
          <Link href={path('/playground')} className="font-medium text-(--link) underline underline-offset-4 hover:text-(--link-hover)">
            {t('playground')}
          </Link>
        </p>
      </section>
      {lessons.length > 0 && (
        <section aria-labelledby="not-found-lessons" className="space-y-4">
          <h2 id="not-found-lessons" className="text-xl font-semibold tracking-tight">
            {t('lessons')}
          </h2>
          <LessonList lessons={lessons} progress={false} />
        </section>
      )}
    </div>
  );
}
