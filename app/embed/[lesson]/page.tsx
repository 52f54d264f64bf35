import { notFound } from 'next/navigation';

/** /embed/<lesson> without a snippet: the embed's own 404 (app/embed/not-found.tsx). */
export default function EmbedLessonIndex() {
  notFound();
}
