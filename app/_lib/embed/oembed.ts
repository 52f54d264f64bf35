/**
 * oEmbed 1.0 (https://oembed.com): turns a lesson link or an embed link into
 * the embed's <iframe>. Pure: the route (app/api/oembed) passes the lessons
 * and the site's origins in.
 */
import { DEFAULT_LANG, splitLocalePath, type Lang } from '../../../content/lang';
import { parseHash } from '../../components/editor/share';
import { readingOrder } from '../../components/playground/fileOrder';
import type { LessonSummary, Snippet, Step } from '../../../content/types';
import { estimateEmbedHeight, embedUrl, iframeHtml } from './links';
import { parseEmbedOptions, type EmbedOptions } from './options';

export const PROVIDER_NAME = 'ZeroMQ Playground';
/** The widest an embed is offered (the playground is laid out for an article column). */
export const DEFAULT_WIDTH = 800;

export interface EmbedTarget {
  kind: 'lesson' | 'embed';
  lesson: string;
  /** null: the first snippet of the step (or of the lesson). */
  snippet: string | null;
  /** A lesson link to a step after the first (`/lessons/<slug>/<step>`): its slug. */
  step?: string;
  options: Partial<EmbedOptions>;
  /** The share hash to keep (`#<snippet>?variant=…&code=…`), or ''. */
  hash: string;
}

export class OembedError extends Error {
  constructor(
    readonly status: 400 | 404 | 501,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const SEGMENT = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Reads a lesson URL (`/lessons/<slug>` or a step of it, optionally `#<snippet>` or a share
 * hash) or an embed URL (`/embed/<lesson>/<snippet>?<options>#…`) of this
 * site. A path alone is taken as this site's (the discovery tag on lesson
 * pages uses one, since pages are built before the site knows its address).
 */
export function parseEmbedTarget(raw: string, origins: readonly string[]): EmbedTarget {
  let url: URL;
  try {
    url = new URL(raw, origins[0]);
  } catch {
    throw new OembedError(404, 'unknown-url', 'The url parameter is not a URL.');
  }
  if (!origins.includes(url.origin)) {
    throw new OembedError(404, 'unknown-url', `Only links to this site (${origins.join(' or ')}) have an embed.`);
  }
  // A Korean page (`/ko/lessons/…`) has a Korean embed.
  const { lang, path } = splitLocalePath(url.pathname);
  const parts = path.replace(/\/+$/, '').split('/').slice(1);
  const link = url.hash ? parseHash(url.hash) : null;
  if (parts[0] === 'lessons' && (parts.length === 2 || (parts.length === 3 && SEGMENT.test(parts[2]!))) && SEGMENT.test(parts[1]!)) {
    return {
      kind: 'lesson',
      lesson: parts[1]!,
      ...(parts[2] ? { step: parts[2] } : {}),
      snippet: link?.target ?? null,
      options: { ...(link?.variant ? { variant: link.variant } : {}), ...(lang !== DEFAULT_LANG ? { lang } : {}) },
      hash: link?.code ? url.hash : '',
    };
  }
  if (parts[0] === 'embed' && lang === DEFAULT_LANG && parts.length === 3 && SEGMENT.test(parts[1]!) && SEGMENT.test(parts[2]!)) {
    const { id: _id, ...options } = parseEmbedOptions(url.searchParams);
    return { kind: 'embed', lesson: parts[1]!, snippet: parts[2]!, options, hash: link?.code ? url.hash : '' };
  }
  throw new OembedError(404, 'unknown-url', 'The url is neither a lesson nor an embed of this site.');
}

export interface OembedRequest {
  url: string | null;
  format: string | null;
  maxwidth: string | null;
  maxheight: string | null;
}

export interface OembedResponse {
  type: 'rich';
  version: '1.0';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
}

function dimension(name: string, value: string | null): number | null {
  if (value === null || value === '') return null;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1) {
    throw new OembedError(400, `invalid-${name}`, `${name} must be a whole number of pixels (1 or more).`);
  }
  return Number(value);
}

type LessonWithSnippets = LessonSummary & { snippetDetails: Snippet[]; steps?: Pick<Step, 'slug' | 'snippets'>[] };

/** The snippet a reader meets first: the first <Playground> of the step (or lesson) the link names. */
function firstSnippet(lesson: LessonWithSnippets, step: string | undefined): Snippet | undefined {
  const steps = lesson.steps ?? [];
  const named = step === undefined ? steps[0] : steps.find((s) => s.slug === step);
  if (step !== undefined && !named) throw new OembedError(404, 'unknown-step', `The lesson “${lesson.slug}” has no step “${step}”.`);
  const id = named?.snippets[0] ?? steps.find((s) => s.snippets.length > 0)?.snippets[0];
  return lesson.snippetDetails.find((s) => s.id === id) ?? lesson.snippetDetails[0];
}

/** The oEmbed answer for a request, or an OembedError saying why there is none. */
export function oembed(
  request: OembedRequest,
  lessonsIn: readonly LessonWithSnippets[] | ((lang: Lang) => readonly LessonWithSnippets[]),
  origins: readonly string[],
): OembedResponse {
  if (request.format !== null && request.format !== '' && request.format !== 'json') {
    throw new OembedError(501, 'format-not-implemented', 'Only format=json is available.');
  }
  if (!request.url) throw new OembedError(400, 'missing-url', 'Give the link to embed as ?url=.');
  const maxwidth = dimension('maxwidth', request.maxwidth);
  const maxheight = dimension('maxheight', request.maxheight);
  const target = parseEmbedTarget(request.url, origins);
  // The lessons in the embed's language (its titles and labels), when given by language.
  const lessons = typeof lessonsIn === 'function' ? lessonsIn(target.options.lang ?? DEFAULT_LANG) : lessonsIn;
  const lesson = lessons.find((l) => l.slug === target.lesson);
  if (!lesson) throw new OembedError(404, 'unknown-lesson', `There is no lesson “${target.lesson}”.`);
  const snippet = findSnippet(lesson, target);
  const variant = target.options.variant ? snippet.variants.find((v) => v.id === target.options.variant) : snippet.variants[0];
  if (!variant) {
    throw new OembedError(404, 'unknown-variant', `“${snippet.id}” has no variant “${target.options.variant}” (it has ${snippet.variants.map((v) => v.id).join(', ')}).`);
  }
  // The file the embed opens with, as the playground orders them.
  const first = readingOrder(variant)[0]!;
  const lines = (variant.files[target.options.file ?? first] ?? '').split('\n').length;
  const estimate = estimateEmbedHeight({ lines, variants: snippet.variants.length, outputOnly: target.options.outputOnly === true });
  const width = Math.min(maxwidth ?? DEFAULT_WIDTH, DEFAULT_WIDTH);
  const height = Math.min(maxheight ?? estimate, estimate);
  const title = `${snippet.title} · ${lesson.title}`;
  const src = embedUrl(origins[0]!, lesson.slug, snippet.id, target.options, target.hash);
  return {
    type: 'rich',
    version: '1.0',
    title,
    provider_name: PROVIDER_NAME,
    provider_url: `${origins[0]}/`,
    html: iframeHtml({ src, title, width, height }),
    width,
    height,
  };
}

/**
 * The snippet a target names. A lesson link may name a later block of a
 * snippet (`#<snippet>-<variant>`) or a heading rather than a snippet: a
 * heading gives the lesson's first snippet. An embed link names its snippet.
 */
function findSnippet(lesson: LessonWithSnippets, target: EmbedTarget): Snippet {
  const snippets = lesson.snippetDetails;
  const name = target.snippet;
  const exact = name === null ? undefined : snippets.find((s) => s.id === name);
  if (exact) return exact;
  const block = name === null ? undefined : snippets.find((s) => s.variants.some((v) => name === `${s.id}-${v.id}`));
  if (block && name !== null) {
    target.options = { variant: name.slice(block.id.length + 1), ...target.options };
    return block;
  }
  const first = target.kind === 'lesson' ? firstSnippet(lesson, target.step) : undefined;
  if (first) return first;
  throw new OembedError(404, 'unknown-snippet', `The lesson “${target.lesson}” has no snippet “${name ?? ''}”.`);
}
