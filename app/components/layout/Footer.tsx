import { useTranslations } from 'next-intl';
import Link from './SiteLink';
import { useLocalePath } from '../i18n/useLang';

export default function Footer() {
  const t = useTranslations('chrome');
  const path = useLocalePath();
  return (
    <footer className="mt-16 border-t border-(--border)">
      <div className="mx-auto flex w-full max-w-7xl flex-col gap-4 px-4 py-8 text-sm text-(--muted-fg) sm:flex-row sm:items-start sm:justify-between sm:px-6 lg:px-8">
        <p className="max-w-prose">
          {t('footer')}
        </p>
        <nav aria-label={t('footerNav')}>
          <ul className="flex gap-4">
            <li>
              <Link href={path('/lessons')} className="underline-offset-4 hover:text-(--page-fg) hover:underline">
                {t('lessons')}
              </Link>
            </li>
            <li>
              <Link href={path('/playground')} className="underline-offset-4 hover:text-(--page-fg) hover:underline">
                {t('playground')}
              </Link>
            </li>
            <li>
              <Link href={path('/w/new')} className="underline-offset-4 hover:text-(--page-fg) hover:underline">
                {t('workshop')}
              </Link>
            </li>
            <li>
              <a href="/sitemap.xml" className="underline-offset-4 hover:text-(--page-fg) hover:underline">
                {t('sitemap')}
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
