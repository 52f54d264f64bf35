import { notFound } from 'next/navigation';

/** Any address under a language that no page has: its 404 (app/[locale]/not-found.tsx), in that language. */
export default function UnknownPage() {
  notFound();
}
