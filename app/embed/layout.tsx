import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { EMBED_PENDING_SCRIPT } from '../_lib/embed/pending';
import EmbedFrame from '../components/embed/EmbedFrame';
import Document from '../components/layout/Document';

export const metadata: Metadata = {
  // An embed repeats a lesson's snippet: search engines should index the lesson.
  robots: { index: false, follow: true },
};

/**
 * Hides the static page until the playground has read an address that asks
 * for another layout than the default (a variant, a file, read-only, output
 * only), so the reader never sees one layout jump to another. CSS shows it
 * after a few seconds anyway (globals.css), should the script never run.
 */
const PENDING = EMBED_PENDING_SCRIPT;

/** Embeds: just the playground, no header, footer or search, sized for an iframe (see README, "Embedding a snippet"). */
export default function EmbedLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <Document lang="en">
      <script dangerouslySetInnerHTML={{ __html: PENDING }} />
      <EmbedFrame>{children}</EmbedFrame>
    </Document>
  );
}
