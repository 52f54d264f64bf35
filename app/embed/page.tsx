import { notFound } from 'next/navigation';

/** /embed alone: the embed's own 404 (app/embed/not-found.tsx), small enough for a frame. */
export default function EmbedIndex() {
  notFound();
}
