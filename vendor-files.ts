/**
 * Serves /vendor/* (Monaco, its workers and type definitions: ~14 MB that
 * scripts/build-vendor.mjs writes to public/vendor/) from the files compressed at
 * build time beside them (`.br`, `.gz`), instead of letting Next.js compress
 * them again on every request (≈0.5 s of CPU per visitor for Monaco alone).
 * Only GET and HEAD of an existing file whose compressed copy exists; anything
 * else is left to Next.js, which serves public/ as usual.
 */
import { createReadStream, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { unframedHeaders } from "./next.config.js";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ttf": "font/ttf",
};

/** The encodings build-vendor writes, best first, by file suffix. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

function sizeOf(path: string): { size: number; mtimeMs: number } | null {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}

/** The encodings the client takes (q=0 refuses one). */
function accepted(header: string | string[] | undefined): Set<string> {
  const names = new Set<string>();
  for (const part of String(header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name || params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) continue;
    names.add(name);
  }
  return names;
}

/** Handles the request if it is for a precompressed vendor file; returns whether it did. */
export function serveVendorFile(req: IncomingMessage, res: ServerResponse, publicDir: string): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const pathname = (req.url ?? "").split(/[?#]/)[0]!;
  if (!pathname.startsWith("/vendor/")) return false;
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(pathname));
  } catch {
    return false;
  }
  const root = join(publicDir, "vendor");
  const path = join(publicDir, relative);
  const type = TYPES[extname(path)];
  if (!type || !path.startsWith(root + sep)) return false;
  const plain = sizeOf(path);
  if (!plain) return false;

  const takes = accepted(req.headers["accept-encoding"]);
  const encoding = ENCODINGS.find((e) => takes.has(e.name) && sizeOf(path + e.suffix));
  if (!encoding && !ENCODINGS.some((e) => sizeOf(path + e.suffix))) return false; // not built by build-vendor: Next.js serves it
  const file = encoding ? path + encoding.suffix : path;
  const stat = sizeOf(file);
  if (!stat) return false;

  const etag = `W/"${plain.size.toString(16)}-${Math.floor(plain.mtimeMs).toString(16)}${encoding ? `-${encoding.name}` : ""}"`;
  for (const { key, value } of unframedHeaders) res.setHeader(key, value);
  res.setHeader("Content-Type", type);
  res.setHeader("Cache-Control", "public, max-age=0");
  res.setHeader("ETag", etag);
  res.setHeader("Vary", "Accept-Encoding");
  if (encoding) res.setHeader("Content-Encoding", encoding.name);
  const known = String(req.headers["if-none-match"] ?? "")
    .split(",")
    .map((tag) => tag.trim());
  if (known.includes(etag)) {
    res.writeHead(304);
    res.end();
    return true;
  }
  res.setHeader("Content-Length", stat.size);
  res.writeHead(200);
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  createReadStream(file)
    .on("error", (error) => {
      console.error(`vendor: ${relative}: ${error.message}`);
      res.destroy(error);
    })
    .pipe(res);
  return true;
}
