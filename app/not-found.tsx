import type { Metadata } from 'next';
import SiteChrome from './components/layout/SiteChrome';
import NotFoundContent from './components/lesson/NotFoundContent';

export const metadata: Metadata = {
  title: 'Page not found',
};

export default function NotFound() {
  // Rendered in the bare root layout (any unknown address): it brings the site around it.
  return (
    <SiteChrome>
      <NotFoundContent />
    </SiteChrome>
  );
}
