import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { workshopCatalog } from '../../../../components/workshop/catalog';
import WorkshopHome from '../../../../components/workshop/WorkshopHome';
import { languageAlternates, pageLang } from '../../../../_lib/i18n';

interface Props {
  params: Promise<{ locale: string; code: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLang(params);
  const t = await getTranslations({ locale: lang, namespace: 'workshopPages' });
  return { title: t('workshop'), robots: { index: false }, alternates: languageAlternates(lang, `/w/${encodeURIComponent((await params).code)}`) };
}

/** The join link: `/w/ABC123` (any case). */
export default async function WorkshopPage({ params }: Props) {
  const lang = await pageLang(params);
  const { code } = await params;
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6 sm:py-14">
      <WorkshopHome code={decodeURIComponent(code).trim().toUpperCase().slice(0, 12)} catalog={workshopCatalog(lang)} />
    </div>
  );
}
