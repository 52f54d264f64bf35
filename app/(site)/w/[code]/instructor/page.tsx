import type { Metadata } from 'next';
import { workshopCatalog } from '../../../../components/workshop/catalog';
import InstructorBoard from '../../../../components/workshop/InstructorBoard';

interface Props {
  params: Promise<{ code: string }>;
}

export const metadata: Metadata = { title: 'Instructor board', robots: { index: false }, referrer: 'no-referrer' };

/** The secret instructor link lands here: `/w/CODE/instructor#key=…`. */
export default async function InstructorPage({ params }: Props) {
  const { code } = await params;
  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
      <InstructorBoard code={decodeURIComponent(code).trim().toUpperCase().slice(0, 12)} catalog={workshopCatalog()} />
    </div>
  );
}
