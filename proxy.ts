/**
 * Locale routing for the pages (next-intl's middleware, i18n/routing.ts): serves English URLs
 * from app/[locale] as "en", redirects a first visit from a Korean-preferring browser to /ko,
 * and keeps the locale cookie. APIs, embeds (their language is ?lang=), Next's own files and
 * anything with a file extension (vendor files, sitemap.xml, search-index.json) skip it.
 */
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api/|_next/|vendor/|embed$|embed/|.*\\.[a-zA-Z0-9]+$).*)"],
};
