import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Lang } from '../../../content/lang';
import { messagesOf } from '../../../i18n/messages';
import IntlClientProvider from '../i18n/IntlClientProvider';
import { themeScript } from '../theme/theme';

/**
 * The page's <html> in its language, with the theme script and the UI's strings for client
 * components. Every root (app/[locale], app/embed, app/not-found) renders through it.
 */
export default function Document({ lang, children }: { lang: Lang; children: ReactNode }) {
  // Static rendering: next-intl reads the locale from here, not from the request's headers.
  setRequestLocale(lang);
  return (
    // The inline script sets class="dark" and data-theme before the first paint: React leaves them be.
    <html lang={lang} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript() }} />
      </head>
      <body className="antialiased">
        <IntlClientProvider locale={lang} messages={messagesOf(lang)}>
          {children}
        </IntlClientProvider>
      </body>
    </html>
  );
}
