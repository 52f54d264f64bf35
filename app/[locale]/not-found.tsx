import SiteChrome from '../components/layout/SiteChrome';
import NotFoundContent from '../components/lesson/NotFoundContent';

/** A 404 within a language's pages (the layout gives it its <html lang>). */
export default function LocaleNotFound() {
  return (
    <SiteChrome>
      <NotFoundContent />
    </SiteChrome>
  );
}
