'use client';

import { useMemo } from 'react';
import { parseStored, readStored, useStoredRaw, writeStored } from '../storage/localStore';

/**
 * Which workshop this browser joined (the cookie is http-only, so the page
 * remembers the code itself), whether the learner follows the instructor,
 * and the last instructor move already applied.
 */

const JOINED_KEY = 'zmq-playground.workshop.v1';
const followKey = (code: string) => `zmq-playground.workshop.follow.v1:${code}`;
const movedKey = (code: string) => `zmq-playground.workshop.moved.v1:${code}`;

export interface Joined {
  code: string;
  name: string;
}

const isJoined = (value: unknown): value is Joined =>
  typeof value === 'object' && value !== null && typeof (value as Joined).code === 'string' && typeof (value as Joined).name === 'string';

export function useJoined(): Joined | null {
  const raw = useStoredRaw(JOINED_KEY);
  return useMemo(() => parseStored(raw, isJoined), [raw]);
}

export function readJoined(): Joined | null {
  return parseStored(readStored(JOINED_KEY), isJoined);
}

export function rememberJoined(joined: Joined | null) {
  writeStored(JOINED_KEY, joined);
}

/** Follow mode is on unless the learner turned it off. */
export function useFollowing(code: string | null): boolean {
  const raw = useStoredRaw(code ? followKey(code) : null);
  return raw !== 'false';
}

export function setFollowing(code: string, on: boolean) {
  writeStored(followKey(code), on);
}

/** The `at` of the last instructor move applied here, so a replayed event never moves the learner twice. */
export function lastMove(code: string): string | null {
  return parseStored(readStored(movedKey(code)), (v): v is string => typeof v === 'string');
}

export function rememberMove(code: string, at: string) {
  writeStored(movedKey(code), at);
}
