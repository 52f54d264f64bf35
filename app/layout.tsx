import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';

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

function Mark() {
  return (
    <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false" className="shrink-0">
      <rect width="32" height="32" rx="7" className="fill-red-700 dark:fill-red-400" />
      <g className="fill-white stroke-white dark:fill-zinc-950 dark:stroke-zinc-950">
        <circle cx="9" cy="16" r="4" stroke="none" />
        <circle cx="23" cy="9" r="3" stroke="none" />
        <circle cx="23" cy="23" r="3" stroke="none" />
        <path d="M12.5 14.2 20.2 10.4M12.5 17.8l7.7 3.8" fill="none" strokeWidth="2.2" strokeLinecap="round" />
      </g>
    </svg>
  );
}

export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col antialiased">
        <a
          href="#main"
          className="sr-only rounded-md bg-zinc-900 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:z-50 dark:bg-zinc-100 dark:text-zinc-900"
        >
          Skip to main content
        </a>

        <header className="border-b border-zinc-200 dark:border-zinc-800">
          <div className="mx-auto flex w-full max-w-4xl items-center px-4 py-3 sm:px-6">
            <Link
              href="/"
              className="inline-flex items-center gap-2 rounded-md text-lg font-semibold tracking-tight text-zinc-900 no-underline dark:text-zinc-100"
            >
              <Mark />
              <span>ZeroMQ Playground</span>
            </Link>
          </div>
        </header>

        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-8 outline-none sm:px-6 sm:py-12">
          {children}
        </main>

        <footer className="border-t border-zinc-200 dark:border-zinc-800">
          <div className="mx-auto w-full max-w-4xl px-4 py-6 text-sm text-zinc-600 sm:px-6 dark:text-zinc-400">
            <p>ZeroMQ Playground is a learning tool. Programs run on this server in an isolated sandbox with strict time and memory limits.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
