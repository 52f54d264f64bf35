/** An embed's page in a language (app/embed/[lesson]/[snippet] and its ko/): the snippet, set up in the browser. */
import 'server-only';
import type { Metadata } from 'next';
import { DEFAULT_LANG, type Lang } from '../../../content/lang';
import { messagesOf } from '../../../i18n/messages';
import { notFound } from 'next/navigation';
import { getLesson, getLessons } from '../../../content/loader';
import EmbedPlayground from '../../components/embed/EmbedPlayground';
import IntlClientProvider from '../../components/i18n/IntlClientProvider';
import { preloadEditorAssets } from '../../components/editor/preloadEditor';
import { preparePlayground, prepareVariant } from '../../components/playground/prepare';

export interface EmbedPageProps {
  params: Promise<{ lesson: string; snippet: string }>;
}

/** Every snippet of every lesson (the English and the Korean embeds alike). */
export function embedParams() {
  return getLessons().flatMap((lesson) => lesson.snippets.map((snippet) => ({ lesson: lesson.slug, snippet })));
}

function find(slug: string, id: string, lang: Lang = DEFAULT_LANG) {
  const lesson = getLesson(slug, undefined, lang);
  const snippet = lesson?.snippetDetails.find((s) => s.id === id);
  return lesson && snippet ? { lesson, snippet } : null;
}

/** The embed's title in `lang`. */
export async function embedMetadata({ params }: EmbedPageProps, lang: Lang): Promise<Metadata> {
  const { lesson, snippet } = await params;
  const found = find(lesson, snippet, lang);
  return found ? { title: `${found.snippet.title} · ${found.lesson.title}` } : {};
}

/** The embed in `lang` (`?lang=ko` is rewritten to ./ko, next.config.js): its snippet's words and the playground's. */
export async function embedPage({ params }: EmbedPageProps, lang: Lang) {
  preloadEditorAssets();
  const { lesson: slug, snippet: id } = await params;
  const found = find(slug, id, lang);
  if (!found) notFound();
  const base = await preparePlayground(found.lesson, id);
  // Every variant, the solution included: the embed's address chooses which one shows.
  const variants = await Promise.all(found.snippet.variants.map(prepareVariant));
  const playground = <EmbedPlayground data={{ ...base, variants, others: [] }} lessonTitle={found.lesson.title} />;
  if (lang === DEFAULT_LANG) return playground;
  return (
    <IntlClientProvider locale={lang} messages={messagesOf(lang)}>
      <div lang={lang}>{playground}</div>
    </IntlClientProvider>
  );
}

