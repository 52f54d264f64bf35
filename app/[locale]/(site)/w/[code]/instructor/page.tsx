import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { workshopCatalog } from '../../../../../components/workshop/catalog';
import InstructorBoard from '../../../../../components/workshop/InstructorBoard';
import { languageAlternates, pageLang } from '../../../../../_lib/i18n';

interface Props {
  params: Promise<{ locale: string; code: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLang(params);
  const t = await getTranslations({ locale: lang, namespace: 'workshopPages' });
  return { title: t('instructor'), robots: { index: false }, referrer: 'no-referrer', alternates: languageAlternates(lang, `/w/${encodeURIComponent((await params).code)}/instructor`) };
}

/** The secret instructor link lands here: `/w/CODE/instructor#key=…`. */
export default async function InstructorPage({ params }: Props) {
  const lang = await pageLang(params);
  const { code } = await params;
  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
      <InstructorBoard code={decodeURIComponent(code).trim().toUpperCase().slice(0, 12)} catalog={workshopCatalog(lang)} />
    </div>
  );
}
