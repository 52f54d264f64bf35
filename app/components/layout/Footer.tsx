import Link from 'next/link';

export default function Footer() {
  return (
    <footer className="mt-16 border-t border-(--border)">
      <div className="mx-auto flex w-full max-w-7xl flex-col gap-4 px-4 py-8 text-sm text-(--muted-fg) sm:flex-row sm:items-start sm:justify-between sm:px-6 lg:px-8">
        <p className="max-w-prose">
          ZeroMQ Playground is a learning tool. Programs run on this server in an isolated sandbox with strict time and
          memory limits. Your progress stays in this browser.
        </p>
        <nav aria-label="Footer">
          <ul className="flex gap-4">
            <li>
              <Link href="/lessons" className="underline-offset-4 hover:text-(--page-fg) hover:underline">
                Lessons
              </Link>
            </li>
            <li>
              <Link href="/playground" className="underline-offset-4 hover:text-(--page-fg) hover:underline">
                Playground
              </Link>
            </li>
            <li>
              <Link href="/w/new" className="underline-offset-4 hover:text-(--page-fg) hover:underline">
                Run a workshop
              </Link>
            </li>
            <li>
              <a href="/sitemap.xml" className="underline-offset-4 hover:text-(--page-fg) hover:underline">
                Sitemap
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
