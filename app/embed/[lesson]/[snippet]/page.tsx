import type { Metadata } from 'next';
import { DEFAULT_LANG } from '../../../../content/lang';
import { embedMetadata, embedPage, embedParams, type EmbedPageProps } from '../../../_lib/embed/page';

// One page per snippet, built ahead of time; its options are read in the browser. Any other
// address renders notFound() here (not dynamicParams = false, whose 404 is the site's, not the frame's).
export const generateStaticParams = embedParams;

export function generateMetadata(props: EmbedPageProps): Promise<Metadata> {
  return embedMetadata(props, DEFAULT_LANG);
}

export default function EmbedPage(props: EmbedPageProps) {
  return embedPage(props, DEFAULT_LANG);
}
