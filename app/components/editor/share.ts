/**
 * Share links: a playground's files, compressed into the URL's hash with the
 * browser's own CompressionStream('deflate-raw') and base64url — no server,
 * no dependency. The hash reads `#<block id>?variant=<id>&code=<payload>`;
 * `#<block id>` and `#<block id>?variant=<id>` link to a block and variant.
 * Code from a link is untrusted: every limit of the run API is checked before
 * anything is shown. A link may also carry the processes to start (the
 * /playground's own program); links without them read as before.
 */
import { ApiError } from '../../../runner/errors';
import { checkProcessList, FILE_NAME, RUN_LIMITS, utf8Bytes, type ProcessDef } from '../../../runner/protocol';

const MAX_FILES = RUN_LIMITS.maxFiles;
const MAX_CODE_BYTES = RUN_LIMITS.codeBytes;
/** The compressed payload, as text in the URL. */
export const MAX_PAYLOAD_CHARS = 96 * 1024;

export interface SharedCode {
  files: Record<string, string>;
  /** The processes to start, when the link names them (checked against its files). */
  processes?: ProcessDef[];
}

export interface LinkTarget {
  /** The block id (or snippet id) the hash names. */
  target: string;
  variant: string | null;
  /** The compressed code, still to be decoded and checked. */
  code: string | null;
}

export class ShareError extends Error {}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareError('The link’s code is not valid base64url.');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Reads a stream to its end, refusing to hold more than `limit` bytes (a zip bomb stops here). */
async function readLimited(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new ShareError(`The link’s code is larger than ${limit / 1024} KiB.`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return new Blob([bytes as BlobPart]).stream().pipeThrough(transform as unknown as TransformStream<Uint8Array, Uint8Array>);
}

/** Checks files against the run API's rule (runner/protocol); returns them in a fresh object, or throws a ShareError in a reader's words. */
export function validateFiles(value: unknown, allowed?: readonly string[]): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShareError('The link holds no files.');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) throw new ShareError('The link holds no files.');
  if (entries.length > MAX_FILES) throw new ShareError(`The link holds ${entries.length} files; a run may have ${MAX_FILES}.`);
  const files: Record<string, string> = {};
  let bytes = 0;
  for (const [name, code] of entries) {
    if (!FILE_NAME.test(name)) throw new ShareError(`“${name.slice(0, 60)}” is not a file name a run may use.`);
    if (allowed && !allowed.includes(name)) throw new ShareError(`This playground has no file named ${name}.`);
    if (typeof code !== 'string') throw new ShareError(`${name} in the link is not text.`);
    bytes += utf8Bytes(code);
    files[name] = code;
  }
  if (bytes > MAX_CODE_BYTES) throw new ShareError(`The link’s code is larger than ${MAX_CODE_BYTES / 1024} KiB.`);
  return files;
}

/** Checks processes against the run API's rule and the link's files, in a reader's words. */
export function validateProcesses(value: unknown, files: Record<string, string>): ProcessDef[] {
  try {
    return checkProcessList(value, { files: Object.keys(files) });
  } catch (error) {
    if (error instanceof ApiError) throw new ShareError(error.message);
    throw error;
  }
}

export async function encodeShare(files: Record<string, string>, processes?: readonly ProcessDef[]): Promise<string> {
  const checked = validateFiles(files);
  const body = processes ? { v: 1, files: checked, processes: validateProcesses(processes, checked) } : { v: 1, files: checked };
  const json = new TextEncoder().encode(JSON.stringify(body));
  return toBase64Url(await readLimited(through(json, new CompressionStream('deflate-raw')), MAX_PAYLOAD_CHARS * 2));
}

export async function decodeShare(payload: string, allowed?: readonly string[]): Promise<SharedCode> {
  if (payload.length > MAX_PAYLOAD_CHARS) throw new ShareError('The link is too long to be a playground’s code.');
  let json: string;
  try {
    const bytes = await readLimited(through(fromBase64Url(payload), new DecompressionStream('deflate-raw')), MAX_CODE_BYTES * 2);
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof ShareError) throw error;
    throw new ShareError('The link’s code is damaged (it may have been cut short when it was copied).');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ShareError('The link’s code is damaged.');
  }
  if (typeof value !== 'object' || value === null || (value as { v?: unknown }).v !== 1) {
    throw new ShareError('The link was made by another version of this site.');
  }
  const files = validateFiles((value as { files?: unknown }).files, allowed);
  const processes = (value as { processes?: unknown }).processes;
  return processes === undefined ? { files } : { files, processes: validateProcesses(processes, files) };
}

const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Reads `#<id>`, `#<id>?variant=<v>` and `#<id>?variant=<v>&code=<payload>`; null for any other hash. */
export function parseHash(hash: string): LinkTarget | null {
  const text = hash.replace(/^#/, '');
  const [rawTarget = '', query = ''] = text.split(/\?(.*)/s);
  let target: string;
  try {
    target = decodeURIComponent(rawTarget);
  } catch {
    return null;
  }
  if (!ID.test(target)) return null;
  const params = new URLSearchParams(query);
  const variant = params.get('variant');
  return {
    target,
    variant: variant && ID.test(variant) ? variant : null,
    code: params.get('code'),
  };
}

export function shareHash(blockId: string, variant: string, payload?: string): string {
  return `#${blockId}?variant=${encodeURIComponent(variant)}${payload ? `&code=${payload}` : ''}`;
}
