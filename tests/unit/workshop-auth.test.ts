import { describe, expect, it } from "vitest";
import { cookieHeader, parseCookies } from "../../runner/cookies";
import { CODE_ALPHABET, CookieSigner, hashKey, keyMatches, newCode, newInstructorKey, newLearnerId, normalizeCode, safeEqual } from "../../workshop/auth";

describe("workshop codes", () => {
  it("use only unambiguous characters and are random", () => {
    const codes = new Set(Array.from({ length: 500 }, () => newCode()));
    expect(codes.size).toBe(500);
    for (const code of codes) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it("are read case-insensitively, and nothing else is a code", () => {
    expect(normalizeCode("abc234")).toBe("ABC234");
    for (const bad of ["ABC23", "ABC2345", "ABC10O", "ABC 23", "ÄBC234", ""]) expect(normalizeCode(bad)).toBeUndefined();
  });
});

describe("instructor keys", () => {
  it("are 32 random bytes, kept only as a SHA-256 hash", () => {
    const key = newInstructorKey();
    expect(Buffer.from(key, "base64url")).toHaveLength(32);
    expect(hashKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyMatches(key, hashKey(key))).toBe(true);
    expect(keyMatches(`${key}x`, hashKey(key))).toBe(false);
    expect(keyMatches("", hashKey(key))).toBe(false);
  });

  it("compare in constant time without throwing on different lengths", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abcd")).toBe(false);
    expect(safeEqual("é", "e")).toBe(false);
  });
});

describe("signed cookies", () => {
  const signer = new CookieSigner(Buffer.alloc(32, 7));
  const other = new CookieSigner(Buffer.alloc(32, 8));

  it("vouch for a learner in one workshop only", () => {
    const id = newLearnerId();
    const value = signer.learnerValue("ABCDEF", id);
    expect(signer.learnerFrom("ABCDEF", value)).toBe(id);
    expect(signer.learnerFrom("ABCDEG", value)).toBeUndefined();
    expect(other.learnerFrom("ABCDEF", value)).toBeUndefined();
    const [, signature] = value.split(".");
    expect(signer.learnerFrom("ABCDEF", `${newLearnerId()}.${signature}`)).toBeUndefined();
    for (const bad of [undefined, "", ".", `${id}.`, `${id}.${signature}x`, `${id}`, "a".repeat(5000)]) expect(signer.learnerFrom("ABCDEF", bad)).toBeUndefined();
  });

  it("vouch for the instructor of one workshop and key", () => {
    const value = signer.instructorValue("ABCDEF", "hash");
    expect(signer.instructorValid("ABCDEF", "hash", value)).toBe(true);
    expect(signer.instructorValid("ABCDEG", "hash", value)).toBe(false);
    expect(signer.instructorValid("ABCDEF", "other", value)).toBe(false);
    expect(signer.instructorValid("ABCDEF", "hash", undefined)).toBe(false);
  });

  it("are set HttpOnly, SameSite=Lax, on the whole site, Secure over https", () => {
    expect(cookieHeader("n", "v", { maxAgeSeconds: 60, secure: false })).toBe("n=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
    expect(cookieHeader("n", "v", { maxAgeSeconds: 60, secure: true })).toMatch(/; Secure$/);
  });

  it("are parsed leniently: first of a name wins, junk is skipped", () => {
    const cookies = parseCookies("a=1; junk; =x; b = 2 ; a=3");
    expect([...cookies]).toEqual([["a", "1"], ["b", "2"]]);
    expect(parseCookies(undefined).size).toBe(0);
  });
});
