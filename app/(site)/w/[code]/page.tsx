import type { Metadata } from 'next';
import { workshopCatalog } from '../../../components/workshop/catalog';
import WorkshopHome from '../../../components/workshop/WorkshopHome';

interface Props {
  params: Promise<{ code: string }>;
}

export const metadata: Metadata = { title: 'Workshop', robots: { index: false } };

/** The join link: `/w/ABC123` (any case). */
export default async function WorkshopPage({ params }: Props) {
  const { code } = await params;
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6 sm:py-14">
      <WorkshopHome code={decodeURIComponent(code).trim().toUpperCase().slice(0, 12)} catalog={workshopCatalog()} />
    </div>
  );
}
