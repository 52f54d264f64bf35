import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLesson, getLessons } from '../../../../content/loader';
import EmbedPlayground from '../../../components/embed/EmbedPlayground';
import { preloadEditorAssets } from '../../../components/editor/preloadEditor';
import { preparePlayground, prepareVariant } from '../../../components/playground/prepare';

interface Props {
  params: Promise<{ lesson: string; snippet: string }>;
}

// One page per snippet, built ahead of time; its options are read in the browser. Any other
// address renders notFound() here (not dynamicParams = false, whose 404 is the site's, not the frame's).

export function generateStaticParams() {
  return getLessons().flatMap((lesson) => lesson.snippets.map((snippet) => ({ lesson: lesson.slug, snippet })));
}

function find(slug: string, id: string) {
  const lesson = getLesson(slug);
  const snippet = lesson?.snippetDetails.find((s) => s.id === id);
  return lesson && snippet ? { lesson, snippet } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lesson, snippet } = await params;
  const found = find(lesson, snippet);
  return found ? { title: `${found.snippet.title} · ${found.lesson.title}` } : {};
}

export default async function EmbedPage({ params }: Props) {
  preloadEditorAssets();
  const { lesson: slug, snippet: id } = await params;
  const found = find(slug, id);
  if (!found) notFound();
  const base = await preparePlayground(found.lesson, id);
  // Every variant, the solution included: the embed's address chooses which one shows.
  const variants = await Promise.all(found.snippet.variants.map(prepareVariant));
  return <EmbedPlayground data={{ ...base, variants, others: [] }} lessonTitle={found.lesson.title} />;
}
