import { oembed, OembedError } from '../../_lib/embed/oembed';
import { getLessons } from '../../../content/loader';

// The answer depends on the query and on the address the site is reached at.
export const dynamic = 'force-dynamic';

const HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

function siteUrlOrigin(): string | null {
  try {
    return process.env.SITE_URL ? new URL(process.env.SITE_URL).origin : null;
  } catch {
    return null; // A malformed SITE_URL is the operator's problem: the request's own origin still works.
  }
}

/**
 * This site's origins (the first names the embed) and how the answer may be cached. With
 * SITE_URL the embed's address never depends on the request, so anyone may cache the
 * answer (links to the address the request came to are still recognised). Without, it
 * names the Host the request came to — a header the client chooses — so only the asker's
 * own browser may keep it (`Vary: Host`, `private`): no shared cache can hand one client's
 * Host to everyone.
 */
function siteOrigins(request: Request): { origins: string[]; headers: Record<string, string> } {
  // Blog editors may ask from the browser; the answer holds nothing private.
  const cors = { 'Access-Control-Allow-Origin': '*' };
  // The address the client used (a custom server's request.url names the address it listens on).
  const url = new URL(request.url);
  const host = request.headers.get('host');
  const own = host && HOST.test(host) ? `${url.protocol}//${host}` : url.origin;
  const configured = siteUrlOrigin();
  if (configured) return { origins: [configured, own], headers: { ...cors, 'Cache-Control': 'public, max-age=3600' } };
  return { origins: [own], headers: { ...cors, 'Cache-Control': 'private, max-age=3600', Vary: 'Host' } };
}

/** `GET /api/oembed?url=<lesson or embed URL>&maxwidth=&maxheight=&format=json` (oEmbed 1.0, type "rich"). */
export function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const { origins, headers } = siteOrigins(request);
  try {
    const body = oembed(
      { url: query.get('url'), format: query.get('format'), maxwidth: query.get('maxwidth'), maxheight: query.get('maxheight') },
      (lang) => getLessons(undefined, lang),
      origins,
    );
    return Response.json(body, { headers });
  } catch (error) {
    if (!(error instanceof OembedError)) throw error;
    return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers });
  }
}
