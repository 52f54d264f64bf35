/**
 * What an embed's query string may ask for (`/embed/<lesson>/<snippet>?…`).
 * Every value comes from someone else's page: anything unknown falls back to
 * the default, except a variant or file that the snippet lacks, which the
 * embed reports (see `resolveEmbed`), since a silent fallback would show a
 * writer's readers other code than the article talks about.
 */

import { DEFAULT_LANG, isLang, type Lang } from '../../../content/lang';

export type EmbedTheme = 'light' | 'dark' | 'auto';

export interface EmbedOptions {
  /** The variant to show first; null: the snippet's first. */
  variant: string | null;
  theme: EmbedTheme;
  /** The code can be read but not edited. */
  readOnly: boolean;
  /** Only the output and Run: no code. */
  outputOnly: boolean;
  /** The file shown first; null: the variant's first. */
  file: string | null;
  /** Run once the embed is visible (off by default: a page full of embeds must not start runs nobody asked for). */
  autorun: boolean;
  /** Run with the socket trace on, the Messages view open (`?trace=1`). */
  trace: boolean;
  /** The host's name for this embed, sent back with every resize message. */
  id: string | null;
  /** `?lang=ko`: the snippet's title, labels and the playground's words in that language. */
  lang: Lang;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = {
  variant: null,
  theme: 'auto',
  readOnly: false,
  outputOnly: false,
  file: null,
  autorun: false,
  trace: false,
  id: null,
  lang: DEFAULT_LANG,
};

const HOST_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** `1`, `true`, `yes` or the bare name turn an option on; anything else leaves it off. */
function flag(value: string | null): boolean {
  return value !== null && ['', '1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/** A host id: from `?id=`, else the iframe's name; only short, plain names. */
export function hostId(value: string | null | undefined): string | null {
  return value && HOST_ID.test(value) ? value : null;
}

export function parseEmbedOptions(params: URLSearchParams, frameName?: string): EmbedOptions {
  const theme = params.get('theme');
  const variant = params.get('variant');
  const file = params.get('file');
  return {
    variant: variant === null || variant === '' ? null : variant.slice(0, 100),
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    readOnly: flag(params.get('readonly')),
    outputOnly: params.get('output') === 'only',
    file: file === null || file === '' ? null : file.slice(0, 100),
    autorun: flag(params.get('autorun')),
    trace: flag(params.get('trace')),
    id: hostId(params.get('id')) ?? hostId(frameName),
    lang: isLang(params.get('lang')) ? (params.get('lang') as Lang) : DEFAULT_LANG,
  };
}

/** The query string for options (only those that differ from the defaults), with its `?`, or ''. */
export function embedQuery(options: Partial<EmbedOptions>): string {
  const params = new URLSearchParams();
  if (options.variant) params.set('variant', options.variant);
  if (options.file) params.set('file', options.file);
  if (options.theme && options.theme !== 'auto') params.set('theme', options.theme);
  if (options.readOnly) params.set('readonly', '1');
  if (options.outputOnly) params.set('output', 'only');
  if (options.autorun) params.set('autorun', '1');
  if (options.trace) params.set('trace', '1');
  if (options.id) params.set('id', options.id);
  if (options.lang && options.lang !== DEFAULT_LANG) params.set('lang', options.lang);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export type EmbedChoice =
  | { ok: true; variant: string; file: string }
  | { ok: false; option: 'variant' | 'file'; value: string; available: string[] };

/** Checks the variant and file asked for against the snippet's. */
export function resolveEmbed(
  options: Pick<EmbedOptions, 'variant' | 'file'>,
  variants: readonly { id: string; files: readonly { name: string }[] }[],
): EmbedChoice {
  const variant = options.variant === null ? variants[0] : variants.find((v) => v.id === options.variant);
  if (!variant) return { ok: false, option: 'variant', value: options.variant ?? '', available: variants.map((v) => v.id) };
  const names = variant.files.map((f) => f.name);
  if (options.file !== null && !names.includes(options.file)) {
    return { ok: false, option: 'file', value: options.file, available: names };
  }
  return { ok: true, variant: variant.id, file: options.file ?? names[0]! };
}
