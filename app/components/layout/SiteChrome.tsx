import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import Footer from './Footer';
import Header from './Header';
import LazyWorkshopBar from './LazyWorkshopBar';

/**
 * The site around a page: skip link, header, main and footer. Embeds
 * (app/embed) have none of it, so it lives here rather than in the root layout.
 */
export default function SiteChrome({ children }: { children: ReactNode }) {
  const t = useTranslations('chrome');
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only rounded-md bg-zinc-900 px-3 py-2 text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 dark:bg-zinc-100 dark:text-zinc-900"
      >
        {t('skip')}
      </a>
      <Header />
      {/* Renders nothing unless this browser joined a workshop: a strip under the header, its code loaded only then. */}
      <LazyWorkshopBar />
      <main id="main" tabIndex={-1} className="w-full flex-1 outline-none">
        {children}
      </main>
      <Footer />
    </div>
  );
}
