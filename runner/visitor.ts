/**
 * Who a run counts as, for the per-client limits and for "a new Run replaces this
 * playground's last one": a browser, not an address. Learners behind one NAT (an office,
 * a classroom, the two browsers of a test run) each get their own random visitor id in a
 * cookie, handed out with pages and with runs, so they neither share a budget of two runs
 * nor stop each other's playground.
 *
 * A request without the cookie counts as its address, as before: a script that drops
 * cookies gets the strict per-address share, not a fresh budget per run. The id needs no
 * signature: it is unguessable, and inventing one only gets what a new browser gets, while
 * every run still pays into its address's rate limit, which bounds them all.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { cookieHeader, cookieName, cookieValue, parseCookies } from "./cookies";

export const VISITOR_COOKIE = "zmqp_v";
const ID = /^[A-Za-z0-9_-]{22}$/;
const YEAR_SECONDS = 365 * 24 * 3600;

export interface Visitor {
  /** The per-client key, `visitor:<id>`, when the browser sent a valid cookie. */
  key?: string;
  /** Set-Cookie handing out a new id, when it did not. */
  setCookie?: string;
}

/** The request's visitor: from its cookie when valid, else a new id to hand out. */
export function visitorOf(req: IncomingMessage, secure: boolean): Visitor {
  const sent = cookieValue(parseCookies(req.headers.cookie), VISITOR_COOKIE);
  if (sent !== undefined && ID.test(sent)) return { key: `visitor:${sent}` };
  const id = randomBytes(16).toString("base64url");
  return { setCookie: cookieHeader(cookieName(VISITOR_COOKIE, secure), id, { maxAgeSeconds: YEAR_SECONDS, secure }) };
}
