/** Cookies on Node's http server: reading a request's, and writing one. */

/**
 * Over https cookies are named `__Host-…`: browsers keep such a cookie only if it is
 * Secure, for Path=/ and this exact host, so no sibling subdomain and no plain-http page can
 * plant one. Plain http (a classroom server on a LAN address) cannot set Secure cookies:
 * there the names stay unprefixed, and those are still read everywhere (cookies set before).
 */
export const HOST_COOKIE_PREFIX = "__Host-";
export const cookieName = (base: string, secure: boolean) => (secure ? HOST_COOKIE_PREFIX : "") + base;

/** A cookie's value: the `__Host-` one when the browser holds it, else the plain one. */
export function cookieValue(cookies: Map<string, string>, name: string): string | undefined {
  return cookies.get(HOST_COOKIE_PREFIX + name) ?? cookies.get(name);
}

/** Cookies of a request, by name (first wins); malformed pairs are skipped. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    const name = part.slice(0, Math.max(eq, 0)).trim();
    if (name && !cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

export function cookieHeader(name: string, value: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${options.maxAgeSeconds}${options.secure ? "; Secure" : ""}`;
}
