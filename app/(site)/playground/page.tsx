import type { Metadata } from 'next';
import { loadTemplates } from '../../../content/templates';
import { preloadEditorAssets } from '../../components/editor/preloadEditor';
import ScratchPlayground, { type ScratchTemplate } from '../../components/playground/scratch/ScratchPlayground';

export const metadata: Metadata = {
  title: 'Playground',
  description: 'A scratchpad: write a TypeScript ZeroMQ program in several files and processes, or start from a template, and run it in the sandbox.',
};

/** The program shown when the page loads: REQ/REP "Hello" → "World" in one process. */
const HELLO_WORLD = `import * as zmq from "zeromq";

// The reply socket plays the server: it binds an address and answers.
const reply = new zmq.Reply();
await reply.bind("tcp://127.0.0.1:5555");

// The request socket plays the client: it connects and asks.
const request = new zmq.Request();
request.connect("tcp://127.0.0.1:5555");

await request.send("Hello");

const [question] = await reply.receive();
console.log("Server received:", question.toString());
await reply.send("World");

const [answer] = await request.receive();
console.log("Client received:", answer.toString());

request.close();
reply.close();
`;

export default function PlaygroundPage() {
  preloadEditorAssets();
  // Read at build time (templates/ is data, like lessons/): the page stays static.
  const templates: ScratchTemplate[] = loadTemplates().map((t) => ({
    id: t.id,
    title: t.title,
    label: t.variant.label,
    program: { files: t.variant.files, processes: t.variant.processes ?? [{ name: 'main', entry: Object.keys(t.variant.files)[0]! }] },
  }));
  return (
    <div className="mx-auto w-full max-w-4xl space-y-6 px-4 py-10 sm:px-6 sm:py-14">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Playground</h1>
        <p className="max-w-prose text-lg leading-relaxed text-(--muted-fg)">
          A scratchpad for your own experiments. This program creates a reply socket and a request socket in one
          process: the request socket sends <q>Hello</q>, the reply socket answers <q>World</q>. Press{' '}
          <strong className="text-(--page-fg)">Run</strong>, or change the code first: add files and processes (each
          process gets its own terminal), or start from a template. Your program stays in this browser.
        </p>
      </header>
      <section aria-labelledby="try-heading" className="space-y-4">
        <h2 id="try-heading" className="sr-only">
          Try the runner
        </h2>
        <ScratchPlayground initial={{ files: { 'main.ts': HELLO_WORLD }, processes: [{ name: 'main', entry: 'main.ts' }] }} templates={templates} />
      </section>
    </div>
  );
}
