import type { Metadata } from 'next';
import { embedMetadata, embedPage, embedParams, type EmbedPageProps } from '../../../../_lib/embed/page';

/** The Korean embed: `/embed/<lesson>/<snippet>?lang=ko` comes here (next.config.js rewrites it). */
export const generateStaticParams = embedParams;

export function generateMetadata(props: EmbedPageProps): Promise<Metadata> {
  return embedMetadata(props, 'ko');
}

export default function KoreanEmbedPage(props: EmbedPageProps) {
  return embedPage(props, 'ko');
}
