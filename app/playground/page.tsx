import type { Metadata } from 'next';
import QuickRun from '../components/QuickRun';

export const metadata: Metadata = {
  title: 'Playground',
  description: 'A scratchpad: write a TypeScript ZeroMQ program and run it in the sandbox.',
};

export default function PlaygroundPage() {
  return (
    <div className="mx-auto w-full max-w-4xl space-y-6 px-4 py-10 sm:px-6 sm:py-14">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Playground</h1>
        <p className="max-w-prose text-lg leading-relaxed text-(--muted-fg)">
          A scratchpad for your own experiments. This program creates a reply socket and a request socket in one
          process: the request socket sends <q>Hello</q>, the reply socket answers <q>World</q>. Press{' '}
          <strong className="text-(--page-fg)">Run</strong>, or change the code first.
        </p>
      </header>
      <section aria-labelledby="try-heading" className="space-y-4">
        <h2 id="try-heading" className="sr-only">
          Try the runner
        </h2>
        <QuickRun />
      </section>
    </div>
  );
}
