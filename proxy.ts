/**
 * Locale routing for the pages (next-intl's middleware, i18n/routing.ts): serves English URLs
 * from app/[locale] as "en", redirects a first visit from a Korean-preferring browser to /ko,
 * and keeps the locale cookie. APIs, embeds (their language is ?lang=), Next's own files and
 * anything with a file extension (vendor files, sitemap.xml, search-index.json) skip it.
 */
import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { routing } from "./i18n/routing";

const intl = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  const response = intl(request);
  // Only a page the learner opens records a choice of language. The router's own fetches
  // (prefetches and client navigations of the page being left) would otherwise set the cookie
  // back to that page's language just after the language switch chose the other one.
  if (!opensPage(request)) response.headers.delete("set-cookie");
  return response;
}

/**
 * Whether the learner opens this page, rather than the router fetching it. Next.js may hide
 * its own RSC headers from the proxy, so the `_rsc` query it adds counts too, and so does
 * the browser's word that the request is not a document load (Sec-Fetch-Dest).
 */
function opensPage(request: NextRequest): boolean {
  const h = request.headers;
  if (h.has("rsc") || h.has("next-router-prefetch") || h.has("next-router-segment-prefetch") || request.nextUrl.searchParams.has("_rsc")) return false;
  const dest = h.get("sec-fetch-dest");
  return dest === null || dest === "document";
}

export const config = {
  matcher: ["/((?!api/|_next/|vendor/|embed$|embed/|.*\\.[a-zA-Z0-9]+$).*)"],
};
