/**
 * The script policy (Content-Security-Policy) of every page Next.js serves.
 *
 * Pages run only scripts from this origin (Next.js chunks, Monaco and its workers in
 * /vendor/monaco; workers also from blob: URLs, which only those scripts can make) and
 * the inline scripts that are allowed by name:
 * - pages rendered now (the workshop pages): a nonce, fresh per request, which Next.js
 *   reads from the request's policy and puts on every script it writes;
 * - pages built ahead of time (lessons, embeds, the playground): those cannot carry a
 *   per-request nonce, so their inline scripts are allowed by hash — only scripts of
 *   known text (ours: the theme and embed scripts) and Next.js's own that do nothing but
 *   hand data over (`self.__next_f.push(<JSON>)`, Turbopack's chunk list). Any other
 *   inline script, wherever it came from, gets no hash and does not run.
 * No 'unsafe-inline' anywhere, so injected markup cannot run event handlers or
 * `javascript:` links; `object-src 'none'` and `base-uri 'none'` close plugins and
 * <base> hijacking. Who may frame a page stays in next.config.js (frame-ancestors),
 * which this policy is appended to.
 */
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { EMBED_PENDING_SCRIPT } from "./app/_lib/embed/pending";
import { themeScript } from "./app/components/theme/theme";

const hashOf = (source: string) => `'sha256-${createHash("sha256").update(source, "utf8").digest("base64")}'`;

/** Inline scripts of ours, by their exact text. */
const KNOWN_SCRIPTS = new Set([themeScript(), EMBED_PENDING_SCRIPT, "(self.__next_f=self.__next_f||[]).push([0])"]);
const KNOWN_HASHES = [themeScript(), EMBED_PENDING_SCRIPT].map(hashOf);
/** Next.js's inline scripts: a call whose one argument must be JSON (data, never code). */
const DATA_SCRIPTS = [
  /^self\.__next_f\.push\((\[[\s\S]*\])\)$/,
  /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\((\{[\s\S]*\})\);?$/,
];

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Whether an inline script of a built page may run: one of ours, or Next.js handing over data. */
export function isAllowedInlineScript(source: string): boolean {
  if (KNOWN_SCRIPTS.has(source)) return true;
  return DATA_SCRIPTS.some((pattern) => {
    const data = pattern.exec(source)?.[1];
    return data !== undefined && isJson(data);
  });
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const NOT_RUN = /\btype\s*=\s*["']?(?!text\/javascript|module|application\/javascript)[^\s"'>]/i;

/** The hashes of the allowed inline scripts of a page, and how many were left out. */
export function inlineScriptHashes(html: string): { hashes: string[]; refused: number } {
  const hashes = new Set<string>();
  let refused = 0;
  for (const [, attributes, source] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes!) || NOT_RUN.test(attributes!) || source === "") continue;
    if (isAllowedInlineScript(source!)) hashes.add(hashOf(source!));
    else refused++;
  }
  return { hashes: [...hashes], refused };
}

/** Hashes by ETag: a built page is hashed once, not on every request. */
const byEtag = new Map<string, string[]>();
const MAX_CACHED = 512;

/** The page as HTML text: Next.js may already have compressed it. */
function decoded(body: Buffer, encoding: string): string {
  const raw = encoding === "gzip" ? gunzipSync(body) : encoding === "br" ? brotliDecompressSync(body) : encoding === "deflate" ? inflateSync(body) : body;
  return raw.toString("utf8");
}

function hashesOf(body: Buffer, encoding: string, etag: string | undefined, path: string): string[] {
  const cached = etag ? byEtag.get(etag) : undefined;
  if (cached) return cached;
  const { hashes, refused } = inlineScriptHashes(decoded(body, encoding));
  if (refused > 0) console.warn(`csp: ${path}: ${refused} inline script(s) of unknown form get no hash and will not run`);
  if (etag) {
    if (byEtag.size >= MAX_CACHED) byEtag.delete(byEtag.keys().next().value!);
    byEtag.set(etag, hashes);
  }
  return hashes;
}

export function scriptPolicy(sources: string[], dev: boolean): string {
  return [
    // Development: React rebuilds server error stacks with eval.
    `script-src 'self' ${sources.join(" ")}${dev ? " 'unsafe-eval'" : ""}`,
    // Monaco starts its editor worker from a blob: URL (which only our own scripts can make), its
    // TypeScript worker from /vendor/monaco. A blob worker keeps this policy, so it too loads only 'self'.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join("; ");
}

type Callback = (error?: Error | null) => void;

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  const bytes = chunk as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Makes the page Next.js is about to send for `req` carry the script policy: a nonce for
 * Next.js to use if it renders the page now, and, for a page that goes out whole (a built
 * page: HTML with an ETag or a Content-Length), the hashes of its allowed inline scripts.
 * Such a page's headers are held back until its body has been handed over (compressed or
 * not), so the hashes are taken from the very bytes sent. Streamed pages (rendered now)
 * go out as they come.
 */
export function applyScriptPolicy(req: IncomingMessage, res: ServerResponse, options: { dev: boolean }) {
  const nonce = randomBytes(16).toString("base64");
  // Only this server's policy counts: what the client sent is replaced.
  req.headers["content-security-policy"] = `script-src 'nonce-${nonce}'`;
  delete req.headers["content-security-policy-report-only"];

  const { write, end, writeHead } = res;
  /** A whole page's status line and body, held until `end`. */
  let held: { status: number; rest: unknown[]; chunks: Buffer[] } | null = null;
  /** Inside our own call of the original write/end: the headers they send go out now. */
  let passing = false;

  const holdsWholePage = (response: ServerResponse, status: number) =>
    status !== 304 &&
    req.method !== "HEAD" &&
    isHtml(response) &&
    (response.getHeader("etag") !== undefined || response.getHeader("content-length") !== undefined);
  const pass = <T>(call: () => T): T => {
    passing = true;
    try {
      return call();
    } finally {
      passing = false;
    }
  };

  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    // Headers given to writeHead itself join those set before, so the policy sees them all.
    const last = rest.at(-1);
    if (last && typeof last === "object" && !Array.isArray(last)) {
      for (const [name, value] of Object.entries(last as OutgoingHttpHeaders)) if (value !== undefined) this.setHeader(name, value);
      rest = rest.slice(0, -1);
    }
    // Held already: a compressing layer asks again for headers on every write.
    if (held) return this;
    if (!passing && holdsWholePage(this, status)) {
      held = { status, rest, chunks: [] };
      this.statusCode = status;
      return this;
    }
    setPolicy(this, status, undefined);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, [status, ...rest]);
  } as ServerResponse["writeHead"];

  res.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (!held && !this.headersSent && holdsWholePage(this, this.statusCode)) held = { status: this.statusCode, rest: [], chunks: [] };
    if (held) {
      held.chunks.push(toBuffer(chunk, encoding));
      const done = (typeof encoding === "function" ? encoding : callback) as Callback | undefined;
      if (done) process.nextTick(done);
      return true;
    }
    return pass(() => (write as (...a: unknown[]) => boolean).apply(this, [chunk, encoding, callback].filter((a) => a !== undefined)));
  } as ServerResponse["write"];

  res.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    const data = typeof chunk === "function" || chunk === undefined || chunk === null ? undefined : chunk;
    if (!held && !this.headersSent && data !== undefined && holdsWholePage(this, this.statusCode)) held = { status: this.statusCode, rest: [], chunks: [] };
    if (held) {
      if (data !== undefined) held.chunks.push(toBuffer(data, encoding));
      const { status, rest, chunks } = held;
      held = null;
      const body = Buffer.concat(chunks);
      const done = [chunk, encoding, callback].find((a) => typeof a === "function") as Callback | undefined;
      setPolicy(this, status, body);
      return pass(() => {
        (writeHead as (...a: unknown[]) => ServerResponse).apply(this, [status, ...rest]);
        return (end as (...a: unknown[]) => ServerResponse).apply(this, done ? [body, done] : [body]);
      });
    }
    return pass(() => (end as (...a: unknown[]) => ServerResponse).apply(this, [chunk, encoding, callback].filter((a) => a !== undefined)));
  } as ServerResponse["end"];

  function setPolicy(response: ServerResponse, status: number, body: Buffer | undefined) {
    // A 304 leaves the page the browser has, and the policy it keeps with it, in force.
    if (status === 304) {
      response.removeHeader("content-security-policy");
      return;
    }
    if (!isHtml(response)) return;
    const etag = response.getHeader("etag");
    const encoding = String(response.getHeader("content-encoding") ?? "identity").toLowerCase();
    const hashes = body === undefined ? [] : hashesOf(body, encoding, typeof etag === "string" ? etag : undefined, req.url ?? "");
    const framing = response.getHeader("content-security-policy");
    const policy = scriptPolicy([`'nonce-${nonce}'`, ...new Set([...KNOWN_HASHES, ...hashes])], options.dev);
    response.setHeader("content-security-policy", framing ? `${String(framing)}; ${policy}` : policy);
  }
}

function isHtml(response: ServerResponse): boolean {
  return /^text\/html\b/i.test(String(response.getHeader("content-type") ?? ""));
}
