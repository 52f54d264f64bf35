'use client';

import { useMemo } from 'react';
import type { Broadcast } from './api';
import { parseStored, readStored, useStoredRaw, writeStored } from '../storage/localStore';

/**
 * Code the instructor broadcast, kept in this browser (also after the
 * workshop ends), for the playgrounds to offer as "From instructor" tabs.
 */

const KEY = 'zmq-playground.workshop.broadcasts.v1';
const KEEP = 50;

const isList = (value: unknown): value is Broadcast[] =>
  Array.isArray(value) &&
  value.every((b) => typeof b === 'object' && b !== null && (typeof b.id === 'string' || typeof b.id === 'number') && typeof b.lesson === 'string' && Array.isArray(b.files));

export function useBroadcasts(): Broadcast[] {
  const raw = useStoredRaw(KEY);
  return useMemo(() => parseStored(raw, isList) ?? [], [raw]);
}

/** Adds broadcasts not kept yet; returns the ones that are new here. */
export function keepBroadcasts(list: readonly Broadcast[]): Broadcast[] {
  const kept = parseStored(readStored(KEY), isList) ?? [];
  const known = new Set(kept.map((b) => b.id));
  const fresh = list.filter((b) => !known.has(b.id));
  if (fresh.length > 0) writeStored(KEY, [...kept, ...fresh].slice(-KEEP));
  return fresh;
}

/** The variant id of a broadcast in its playground (the runner accepts it as attribution). */
export const broadcastVariant = (broadcast: Pick<Broadcast, 'id'>) => `instructor-${String(broadcast.id).replace(/[^A-Za-z0-9._-]/g, '').slice(0, 60)}`;

/** The link that opens a broadcast in its playground (useLinkTarget picks the variant). */
export const broadcastHref = (broadcast: Pick<Broadcast, 'id' | 'lesson' | 'snippet'>) =>
  `/lessons/${encodeURIComponent(broadcast.lesson)}#${broadcast.snippet}?variant=${broadcastVariant(broadcast)}`;
