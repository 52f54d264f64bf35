/**
 * The site's languages (issue 19): English at the site's own URLs, every other
 * language under `/<lang>/` at the same paths. Browser-safe: pages, the switch
 * and the API share these rules.
 */
export const LANGS = ["en", "ko"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "en";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** `path` (an English URL path, maybe with ?query or #hash) as it is in `lang`. */
export function localePath(lang: Lang, path: string): string {
  if (lang === DEFAULT_LANG) return path;
  if (path === "" || path === "/") return `/${lang}`;
  // "/?q" and "/#x" keep their query and hash on the language's home.
  return /^\/[?#]/.test(path) ? `/${lang}${path.slice(1)}` : `/${lang}${path}`;
}

/**
 * The language of a URL path and the English path it shows (`/ko/lessons/x` → ko, `/lessons/x`).
 * `/en/…` is English too: the path pages are rendered at (proxy.ts serves English URLs from it).
 */
export function splitLocalePath(path: string): { lang: Lang; path: string } {
  const match = /^\/([a-z]{2})(?=$|[/?#])(.*)$/.exec(path);
  if (match && isLang(match[1])) {
    const rest = match[2]!;
    return { lang: match[1], path: rest === "" || /^[?#]/.test(rest) ? `/${rest}` : rest };
  }
  return { lang: DEFAULT_LANG, path };
}
