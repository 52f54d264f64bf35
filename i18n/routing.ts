/**
 * The site's locale routing (next-intl, issue 19): English at today's URLs, Korean under /ko.
 * proxy.ts sends a browser whose Accept-Language prefers Korean from an English URL to the
 * Korean one — unless the locale cookie (set when a page of the other language is visited,
 * as the language switch does) says otherwise — and serves English URLs from app/[locale] with locale "en".
 */
import { defineRouting } from "next-intl/routing";
import { DEFAULT_LANG, LANGS } from "../content/lang";

export const routing = defineRouting({
  locales: LANGS,
  defaultLocale: DEFAULT_LANG,
  localePrefix: "as-needed",
  // Keeps a learner's choice of language for a year (next-intl's default lasts the session).
  localeCookie: { name: "NEXT_LOCALE", maxAge: 365 * 24 * 60 * 60 },
  // The pages say their alternates themselves (metadata): no Link header on top.
  alternateLinks: false,
});
