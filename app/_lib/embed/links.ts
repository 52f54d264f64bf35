/**
 * What a writer pastes: the embed's address, the <iframe> for it, and the
 * tiny script that sizes iframes from the embed's resize messages. Used by
 * "Copy embed code" in the browser and by /api/oembed on the server.
 */
import { embedQuery, type EmbedOptions } from './options';

/** The message an embed posts to its parent whenever its content height changes. */
export const RESIZE_MESSAGE = 'zmq-playground:resize';

export interface ResizeMessage {
  type: typeof RESIZE_MESSAGE;
  /** CSS pixels: the height the iframe needs to show everything without scrolling. */
  height: number;
  /** The host's id for this embed (`?id=` or the iframe's name), when it gave one. */
  id?: string;
}

export function embedPath(lesson: string, snippet: string): string {
  return `/embed/${encodeURIComponent(lesson)}/${encodeURIComponent(snippet)}`;
}

/** `<origin>/embed/<lesson>/<snippet>?<options>` and the share hash (`#<snippet>?variant=…&code=…`) when given. */
export function embedUrl(origin: string, lesson: string, snippet: string, options: Partial<EmbedOptions> = {}, hash = ''): string {
  return `${origin}${embedPath(lesson, snippet)}${embedQuery(options)}${hash}`;
}

/** The lesson section a snippet is shown in. */
export function lessonUrl(origin: string, lesson: string, hash: string): string {
  return `${origin}/lessons/${encodeURIComponent(lesson)}${hash}`;
}

/**
 * The oEmbed endpoint for a lesson page (a step's path), for its discovery tag. A path: pages are
 * built before the site knows its address, and /api/oembed takes a path as
 * this site's.
 */
export function oembedDiscovery(path: string): string {
  return `/api/oembed?url=${encodeURIComponent(path)}&format=json`;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function iframeHtml({ src, title, height, width = '100%' }: { src: string; title: string; height: number; width?: string | number }): string {
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="${escapeAttribute(String(width))}" height="${Math.round(height)}"` +
    ` loading="lazy" style="border:0" allow="clipboard-write"></iframe>`
  );
}

/**
 * The host page's half of the resize protocol: sets the height of the iframe
 * that sent the message, and only for messages from the site's origin.
 */
export function resizeScript(origin: string): string {
  return [
    '<script>',
    'addEventListener("message", function (e) {',
    `  if (e.origin !== ${JSON.stringify(origin)} || !e.data || e.data.type !== "${RESIZE_MESSAGE}" || typeof e.data.height !== "number") return;`,
    '  document.querySelectorAll("iframe").forEach(function (f) {',
    '    if (f.contentWindow === e.source) f.style.height = Math.ceil(e.data.height) + "px";',
    '  });',
    '});',
    '</script>',
  ].join('\n');
}

/** Reads a resize message; null for anything else a page may receive. */
export function parseResizeMessage(data: unknown): ResizeMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, height, id } = data as Record<string, unknown>;
  if (type !== RESIZE_MESSAGE || typeof height !== 'number' || !Number.isFinite(height) || height < 0) return null;
  return { type, height, ...(typeof id === 'string' ? { id } : {}) };
}

/**
 * A first height for the iframe before the embed reports its own (the
 * resize script then takes over): the playground's parts as measured at
 * desktop sizes, before a run, with the code at most 30 lines as in the editor.
 */
export function estimateEmbedHeight({ lines, variants, outputOnly }: { lines: number; variants: number; outputOnly: boolean }): number {
  const borders = 2;
  const header = 45;
  const toolbar = 65;
  const output = 119;
  const link = 22;
  // Output only: no variant switcher, file tabs or code.
  const code = outputOnly ? 0 : (variants > 1 ? 51 : 0) + 41 + Math.min(Math.max(lines, 1), 30) * 22 + 24;
  return borders + header + code + toolbar + output + link;
}
