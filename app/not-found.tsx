import type { Metadata } from 'next';
import { themeScript } from './components/theme/theme';

export const metadata: Metadata = {
  title: 'Page not found',
};

/**
 * An unknown address outside the languages' pages (proxy.ts sends every page address to
 * app/[locale], whose not-found.tsx says it in the page's language): a plain page. It uses
 * no next-intl on purpose: this element is rendered with every route, and setting the
 * request's locale here would set it for the page too.
 */
export default function NotFound() {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript() }} />
      </head>
      <body className="antialiased">
        <main className="mx-auto w-full max-w-3xl space-y-4 px-4 py-12 sm:px-6 sm:py-16">
          <p className="font-mono text-sm font-semibold text-red-700 dark:text-red-300">404</p>
          <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
          <p className="text-lg text-(--muted-fg)">There is no page at this address. It may have moved, or the link may be mistyped.</p>
          <p className="flex flex-wrap gap-x-6 gap-y-2">
            <a href="/" className="font-medium text-(--link) underline underline-offset-4 hover:text-(--link-hover)">
              Go to the home page
            </a>
            <a href="/lessons" className="font-medium text-(--link) underline underline-offset-4 hover:text-(--link-hover)">
              See the lessons
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
