import Link from 'next/link';
import { getLessons } from '../../content/loader';
import LessonList from '../components/lesson/LessonList';
import ContinueLink from '../components/progress/ContinueLink';
import ResetProgress from '../components/progress/ResetProgress';

export default function HomePage() {
  const lessons = getLessons();
  const first = lessons[0];

  return (
    <div className="mx-auto w-full max-w-3xl space-y-14 px-4 py-10 sm:px-6 sm:py-16">
      <section aria-labelledby="intro-heading" className="space-y-6">
        <h1 id="intro-heading" className="text-4xl font-bold tracking-tight text-balance sm:text-5xl">
          Learn ZeroMQ by running it
        </h1>
        <div className="max-w-prose space-y-3 text-lg leading-relaxed text-(--muted-fg)">
          <p>
            ZeroMQ Playground is an interactive tutorial for the ZeroMQ messaging library. Each lesson explains a
            pattern — request/reply, publish/subscribe, pipelines and more — next to small TypeScript programs.
          </p>
          <p>
            Press Run and the programs start on the server in an isolated sandbox, several processes side by side on a
            private network, and you watch their output as it happens.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {first && (
            <Link
              href={`/lessons/${first.slug}`}
              data-testid="start-here"
              className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-red-700 px-5 py-2 font-semibold text-white transition-colors hover:bg-red-800 dark:bg-red-400 dark:text-zinc-950 dark:hover:bg-red-300"
            >
              Start here
              <span className="sr-only">: part {first.part}, {first.title}</span>
              <span aria-hidden="true">→</span>
            </Link>
          )}
          <ContinueLink lessons={lessons.map(({ slug, part, title }) => ({ slug, part, title }))} />
          <Link
            href="/playground"
            className="inline-flex min-h-11 items-center px-2 font-medium text-(--link) underline-offset-4 hover:underline"
          >
            Or open the playground
          </Link>
        </div>
      </section>

      <section aria-labelledby="lessons-heading" className="space-y-5">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="lessons-heading" className="text-2xl font-semibold tracking-tight">
            The lessons
          </h2>
          <p className="text-sm text-(--muted-fg)">
            {lessons.length} {lessons.length === 1 ? 'part' : 'parts'}
          </p>
        </div>
        <LessonList lessons={lessons} />
        <ResetProgress />
      </section>
    </div>
  );
}
