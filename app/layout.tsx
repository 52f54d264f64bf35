import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import Footer from './components/layout/Footer';
import Header from './components/layout/Header';
import { themeScript } from './components/theme/theme';
import WorkshopBar from './components/workshop/WorkshopBar';

import './globals.css';

export const metadata: Metadata = {
  title: {
    default: 'ZeroMQ Playground',
    template: '%s · ZeroMQ Playground',
  },
  description:
    'An interactive ZeroMQ tutorial: read about a messaging pattern, then edit and run real TypeScript ZeroMQ programs in a server-side sandbox.',
  icons: {
    icon: [{ url: '/favicon.svg', type: 'image/svg+xml' }],
  },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    // The inline script sets class="dark" and data-theme before the first paint: React leaves them be.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript() }} />
      </head>
      <body className="flex min-h-dvh flex-col antialiased">
        <a
          href="#main"
          className="sr-only rounded-md bg-zinc-900 px-3 py-2 text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 dark:bg-zinc-100 dark:text-zinc-900"
        >
          Skip to main content
        </a>
        <Header />
        <main id="main" tabIndex={-1} className="w-full flex-1 outline-none">
          {children}
        </main>
        <Footer />
        {/* Renders nothing unless this browser joined a workshop. */}
        <WorkshopBar />
      </body>
    </html>
  );
}
