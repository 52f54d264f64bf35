import type { ReactNode } from 'react';
import SiteChrome from '../../components/layout/SiteChrome';

/** Every page of the site proper (the route group adds no URL segment). */
export default function SiteLayout({ children }: Readonly<{ children: ReactNode }>) {
  return <SiteChrome>{children}</SiteChrome>;
}
