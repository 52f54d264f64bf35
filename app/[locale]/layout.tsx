import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { routing } from '../../i18n/routing';
import Document from '../components/layout/Document';

interface Props {
  params: Promise<{ locale: string }>;
}

// English and Korean are built ahead of time; any other first segment is not a locale.
export const dynamicParams = false;

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'site' });
  return { description: t('description') };
}

/** Every page in one language: English at the site's URLs, Korean under /ko (i18n/routing.ts). */
export default async function LocaleLayout({ children, params }: Readonly<Props & { children: ReactNode }>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return <Document lang={locale}>{children}</Document>;
}
