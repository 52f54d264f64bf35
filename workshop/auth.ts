import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { cookieName } from "../runner/cookies";
import type { Queryable } from "./db/types";

/** No 0/O/1/I/L: codes are read aloud and copied from a projector. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 6;
const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

export function newCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Upper-cases and checks a code from a URL; undefined when it cannot be one. */
export function normalizeCode(text: string): string | undefined {
  const code = text.toUpperCase();
  return CODE_PATTERN.test(code) ? code : undefined;
}

export function newInstructorKey(): string {
  return randomBytes(32).toString("base64url");
}

export function newLearnerId(): string {
  return randomBytes(12).toString("base64url");
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Constant-time equality of two strings (different lengths are simply unequal). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

export function keyMatches(key: string, storedHash: string): boolean {
  return safeEqual(hashKey(key), storedHash);
}

export const LEARNER_COOKIE_PREFIX = "zmqp_l_";
export const learnerCookie = (code: string, secure = false) => cookieName(`${LEARNER_COOKIE_PREFIX}${code}`, secure);
export const instructorCookie = (code: string, secure = false) => cookieName(`zmqp_i_${code}`, secure);

/** Signs and checks cookie values with one HMAC-SHA256 key. */
export class CookieSigner {
  constructor(private readonly key: Buffer) {}

  private sign(purpose: string): string {
    return createHmac("sha256", this.key).update(purpose).digest("base64url");
  }

  learnerValue(code: string, learnerId: string): string {
    return `${learnerId}.${this.sign(`learner:${code}:${learnerId}`)}`;
  }

  /** The learner id a cookie value vouches for in workshop `code`, or undefined. */
  learnerFrom(code: string, value: string | undefined): string | undefined {
    const match = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
    if (!match) return undefined;
    return safeEqual(match[2]!, this.sign(`learner:${code}:${match[1]}`)) ? match[1] : undefined;
  }

  /** The instructor cookie: proof the browser once presented the workshop's key. */
  instructorValue(code: string, keyHash: string): string {
    return this.sign(`instructor:${code}:${keyHash}`);
  }

  instructorValid(code: string, keyHash: string, value: string | undefined): boolean {
    return value !== undefined && safeEqual(value, this.instructorValue(code, keyHash));
  }
}

/** The signing key: WORKSHOP_SECRET, else one generated once and kept in the database so restarts keep everyone signed in. */
export async function loadSigningKey(db: Queryable, env: Record<string, string | undefined> = process.env): Promise<Buffer> {
  if (env.WORKSHOP_SECRET) {
    if (env.WORKSHOP_SECRET.length < 32) throw new Error("WORKSHOP_SECRET must be at least 32 characters long.");
    return createHash("sha256").update(env.WORKSHOP_SECRET).digest();
  }
  await db.query("insert into settings (key, value) values ('cookie_key', $1) on conflict (key) do nothing", [
    randomBytes(32).toString("base64url"),
  ]);
  const { rows } = await db.query<{ value: string }>("select value from settings where key = 'cookie_key'");
  return Buffer.from(rows[0]!.value, "base64url");
}
