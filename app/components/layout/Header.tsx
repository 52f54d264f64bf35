import { useTranslations } from 'next-intl';
import Link from './SiteLink';
import LanguageSwitch from '../i18n/LanguageSwitch';
import { useLocalePath } from '../i18n/useLang';
import SearchLauncher from '../search/SearchLauncher';
import ThemeControl from '../theme/ThemeControl';
import Logo from './Logo';
import NavLinks from './NavLinks';

export default function Header() {
  const t = useTranslations('chrome');
  const path = useLocalePath();
  return (
    <header className="sticky top-0 z-40 border-b border-(--border) bg-(--page-bg)/90 backdrop-blur supports-[backdrop-filter]:bg-(--page-bg)/80">
      <div className="mx-auto flex h-14 w-full max-w-7xl items-center gap-1.5 px-3 sm:gap-4 sm:px-6 lg:px-8">
        <Link
          href={path('/')}
          aria-label={t('home')}
          className="inline-flex shrink-0 items-center gap-2 rounded-md font-semibold tracking-tight text-(--page-fg)"
        >
          <Logo />
          <span className="hidden md:inline">ZeroMQ Playground</span>
        </Link>
        <nav aria-label={t('mainNav')} className="min-w-0">
          <NavLinks />
        </nav>
        <div className="ml-auto flex items-center gap-1.5 sm:gap-3">
          <LanguageSwitch />
          <SearchLauncher />
          <ThemeControl />
        </div>
      </div>
    </header>
  );
}
