import QuickRun from './components/QuickRun';

export default function HomePage() {
  return (
    <div className="space-y-12">
      <section aria-labelledby="intro-heading" className="space-y-4">
        <h1 id="intro-heading" className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">
          Learn ZeroMQ by running it
        </h1>
        <div className="max-w-prose space-y-3 text-lg leading-relaxed text-zinc-700 dark:text-zinc-300">
          <p>
            ZeroMQ Playground is an interactive tutorial for the ZeroMQ messaging library. Each lesson explains a
            pattern — request/reply, publish/subscribe, pipelines and more — next to small TypeScript programs that you
            can edit and run from your browser.
          </p>
          <p>
            The programs run on the server in an isolated sandbox, several processes side by side on a private network,
            and you watch their output as it happens.
          </p>
        </div>
      </section>

      <section aria-labelledby="try-heading" className="space-y-4">
        <h2 id="try-heading" className="text-2xl font-semibold tracking-tight">
          Try the runner
        </h2>
        <p className="max-w-prose leading-relaxed text-zinc-700 dark:text-zinc-300">
          This program creates a reply socket and a request socket in one process. The request socket sends{' '}
          <q>Hello</q>, the reply socket answers <q>World</q>. Press <strong>Run</strong>, or change the code first.
        </p>
        <QuickRun />
      </section>
    </div>
  );
}
