import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = {
  title: 'Page not found',
};

export default function NotFound() {
  return (
    <section aria-labelledby="not-found-heading" className="max-w-prose space-y-4">
      <p className="font-mono text-sm font-semibold text-red-700 dark:text-red-300">404</p>
      <h1 id="not-found-heading" className="text-3xl font-bold tracking-tight">
        Page not found
      </h1>
      <p className="text-lg text-zinc-700 dark:text-zinc-300">
        There is no page at this address. It may have moved, or the link may be mistyped.
      </p>
      <p>
        <Link
          href="/"
          className="font-medium text-blue-700 underline underline-offset-4 hover:text-blue-900 dark:text-sky-300 dark:hover:text-sky-200"
        >
          Go to the home page
        </Link>
      </p>
    </section>
  );
}
