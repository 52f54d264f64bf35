import { oembed, OembedError } from '../../_lib/embed/oembed';
import { getLessons } from '../../../content/loader';

// The answer depends on the query and on the address the site is reached at.
export const dynamic = 'force-dynamic';

const HEADERS = {
  // Blog editors may ask from the browser; the answer holds nothing private.
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'public, max-age=3600',
};

const HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** This site's origins: SITE_URL when set (as for the sitemap), and the one the request came to. */
function siteOrigins(request: Request): string[] {
  const origins: string[] = [];
  try {
    if (process.env.SITE_URL) origins.push(new URL(process.env.SITE_URL).origin);
  } catch {
    // A malformed SITE_URL is the operator's problem: the request's own origin still works.
  }
  // The address the client used (a custom server's request.url names the address it listens on).
  const url = new URL(request.url);
  const host = request.headers.get('host');
  const own = host && HOST.test(host) ? `${url.protocol}//${host}` : url.origin;
  if (!origins.includes(own)) origins.push(own);
  return origins;
}

/** `GET /api/oembed?url=<lesson or embed URL>&maxwidth=&maxheight=&format=json` (oEmbed 1.0, type "rich"). */
export function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  try {
    const body = oembed(
      { url: query.get('url'), format: query.get('format'), maxwidth: query.get('maxwidth'), maxheight: query.get('maxheight') },
      getLessons(),
      siteOrigins(request),
    );
    return Response.json(body, { headers: HEADERS });
  } catch (error) {
    if (!(error instanceof OembedError)) throw error;
    return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers: HEADERS });
  }
}
