import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { workshopCatalog } from '../../../../components/workshop/catalog';
import CreateWorkshop from '../../../../components/workshop/CreateWorkshop';
import { languageAlternates, pageLang } from '../../../../_lib/i18n';

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLang(params);
  const t = await getTranslations({ locale: lang, namespace: 'workshopPages' });
  return { title: t('newTitle'), description: t('newDescription'), alternates: languageAlternates(lang, '/w/new') };
}

export default async function NewWorkshopPage({ params }: Props) {
  const lang = await pageLang(params);
  const t = await getTranslations({ locale: lang, namespace: 'workshopPages' });
  return (
    <div className="mx-auto w-full max-w-3xl space-y-8 px-4 py-10 sm:px-6 sm:py-14">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t('newHeading')}</h1>
        <p className="max-w-prose text-lg leading-relaxed text-(--muted-fg)">
          {t('newIntro')}
        </p>
      </header>
      <CreateWorkshop catalog={workshopCatalog(lang)} />
    </div>
  );
}
