import type { Metadata } from 'next';
import Document from './components/layout/Document';
import SiteChrome from './components/layout/SiteChrome';
import NotFoundContent from './components/lesson/NotFoundContent';

export const metadata: Metadata = {
  title: 'Page not found',
};

export default function NotFound() {
  // Any unknown address outside a language's pages (app/[locale]/not-found.tsx has those): the site around it.
  return (
    <Document lang="en">
      <SiteChrome>
        <NotFoundContent />
      </SiteChrome>
    </Document>
  );
}
