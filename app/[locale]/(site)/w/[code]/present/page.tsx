import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getLesson } from '../../../../../../content/loader';
import PlaygroundBlock from '../../../../../components/playground/PlaygroundBlock';
import { preparePlayground } from '../../../../../components/playground/prepare';
import { workshopCatalog } from '../../../../../components/workshop/catalog';
import PresenterView from '../../../../../components/workshop/PresenterView';
import { languageAlternates, pageLang } from '../../../../../_lib/i18n';

interface Props {
  params: Promise<{ locale: string; code: string }>;
  searchParams: Promise<{ lesson?: string | string[]; snippet?: string | string[]; pin?: string | string[] }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLang(params);
  const t = await getTranslations({ locale: lang, namespace: 'workshopPages' });
  return { title: t('presenter'), robots: { index: false }, alternates: languageAlternates(lang, `/w/${encodeURIComponent((await params).code)}/present`) };
}

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : null);

/** The projector's page: `?lesson=…&snippet=…` is the snippet on show (prepared here like on a lesson page). */
export default async function PresentPage({ params, searchParams }: Props) {
  const lang = await pageLang(params);
  const { code } = await params;
  const query = await searchParams;
  const lesson = one(query.lesson) ? getLesson(one(query.lesson)!, undefined, lang) : undefined;
  const snippet = lesson?.snippetDetails.find((s) => s.id === one(query.snippet));
  const data = lesson && snippet ? await preparePlayground(lesson, snippet.id) : null;
  return (
    <PresenterView
      code={decodeURIComponent(code).trim().toUpperCase().slice(0, 12)}
      catalog={workshopCatalog(lang)}
      lesson={data ? lesson!.slug : null}
      snippet={data ? snippet!.id : null}
      pinned={one(query.pin) === '1'}
    >
      {data ? <PlaygroundBlock key={`${lesson!.slug}/${snippet!.id}`} data={data} /> : null}
    </PresenterView>
  );
}
