import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';

import './globals.css';

export const metadata: Metadata = {
  title: {
    default: 'ZeroMQ Playground',
    template: '%s · ZeroMQ Playground',
  },
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

/**
 * The root passes its children through: each language's pages (app/[locale]/layout.tsx),
 * the embeds (app/embed/layout.tsx) and the 404 of an unknown address (app/not-found.tsx)
 * write their own <html>, each with its own `lang`.
 */
export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return children;
}
