import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { themeScript } from './components/theme/theme';

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
      {/* Pages add the site's header and footer (app/(site)/layout.tsx); embeds (app/embed) do not. */}
      <body className="antialiased">{children}</body>
    </html>
  );
}
