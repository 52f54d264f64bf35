import "server-only";
import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { DEFAULT_LANG, isLang, LANGS, localePath, type Lang } from "../../content/lang";

/** A page's language from its `[locale]` segment, set for next-intl's static rendering. */
export async function pageLang(params: Promise<{ locale: string }>): Promise<Lang> {
  const { locale } = await params;
  const lang = isLang(locale) ? locale : DEFAULT_LANG;
  setRequestLocale(lang);
  return lang;
}

/** A page's canonical address in its language and its alternates in every language (hreflang), `path` being the English one. */
export function languageAlternates(lang: Lang, path: string): NonNullable<Metadata["alternates"]> {
  const languages: Record<string, string> = Object.fromEntries(LANGS.map((l) => [l, localePath(l, path)]));
  languages["x-default"] = path;
  return { canonical: localePath(lang, path), languages };
}
