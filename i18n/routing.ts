/**
 * The site's locale routing (next-intl, issue 19): English at today's URLs, Korean under /ko.
 * proxy.ts sends a browser whose Accept-Language prefers Korean from an English URL to the
 * Korean one — unless the locale cookie (set by the language switch, or by visiting the other
 * language) says otherwise — and serves English URLs from app/[locale] with locale "en".
 */
import { defineRouting } from "next-intl/routing";
import { DEFAULT_LANG, LANGS } from "../content/lang";

/** The cookie that keeps a learner's choice of language (the switch writes it too). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export const routing = defineRouting({
  locales: LANGS,
  defaultLocale: DEFAULT_LANG,
  localePrefix: "as-needed",
  localeCookie: { name: LOCALE_COOKIE, maxAge: LOCALE_COOKIE_MAX_AGE },
  // The pages say their alternates themselves (metadata): no Link header on top.
  alternateLinks: false,
});
