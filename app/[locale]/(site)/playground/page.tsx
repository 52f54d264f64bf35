import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { loadTemplates } from '../../../../content/templates';
import { preloadEditorAssets } from '../../../components/editor/preloadEditor';
import ScratchPlayground, { type ScratchTemplate } from '../../../components/playground/scratch/ScratchPlayground';
import { languageAlternates, pageLang } from '../../../_lib/i18n';

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLang(params);
  const t = await getTranslations({ locale: lang, namespace: 'playgroundPage' });
  return { title: t('title'), description: t('description'), alternates: languageAlternates(lang, '/playground') };
}

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

export default async function PlaygroundPage({ params }: Props) {
  const lang = await pageLang(params);
  const t = await getTranslations({ locale: lang, namespace: 'playgroundPage' });
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
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t('title')}</h1>
        <p className="max-w-prose text-lg leading-relaxed text-(--muted-fg)">
          {t.rich('intro', { q: (chunks) => <q>{chunks}</q>, strong: (chunks) => <strong className="text-(--page-fg)">{chunks}</strong> })}
        </p>
      </header>
      <section aria-labelledby="try-heading" className="space-y-4">
        <h2 id="try-heading" className="sr-only">
          {t('try')}
        </h2>
        <ScratchPlayground initial={{ files: { 'main.ts': HELLO_WORLD }, processes: [{ name: 'main', entry: 'main.ts' }] }} templates={templates} />
      </section>
    </div>
  );
}
