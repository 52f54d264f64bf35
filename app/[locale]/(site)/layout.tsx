import type { ReactNode } from 'react';
import { pageLang } from '../../_lib/i18n';
import SiteChrome from '../../components/layout/SiteChrome';

/** Every page of the site proper (the route group adds no URL segment). */
export default async function SiteLayout({ children, params }: Readonly<{ children: ReactNode; params: Promise<{ locale: string }> }>) {
  // Each layout sets the locale for static rendering (next-intl): segments may be rendered apart.
  await pageLang(params);
  return <SiteChrome>{children}</SiteChrome>;
}
