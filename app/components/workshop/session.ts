'use client';

import { useSyncExternalStore } from 'react';
import type { ApiError, Me } from './api';
import type { StreamStatus } from './useEventStream';

/**
 * The learner's side of the workshop this browser joined, shared by the
 * workshop bar (which owns the connection) and the workshop home page.
 */

export interface Toast {
  id: string;
  kind: 'hint' | 'broadcast' | 'moved' | 'hand' | 'ended';
  text: string;
  href?: string;
  linkText?: string;
}

export interface LearnerSession {
  code: string;
  me: Me | null;
  status: StreamStatus | 'loading';
  problem: ApiError | null;
  toasts: Toast[];
}

let current: LearnerSession | null = null;
const listeners = new Set<() => void>();

export function getSession() {
  return current;
}

export function setSession(next: LearnerSession | null | ((s: LearnerSession) => LearnerSession)) {
  current = typeof next === 'function' ? (current ? next(current) : null) : next;
  for (const listener of listeners) listener();
}

export function updateMe(change: (me: Me) => Me) {
  setSession((s) => (s.me ? { ...s, me: change(s.me) } : s));
}

let toastSerial = 0;
export function addToast(toast: Omit<Toast, 'id'>) {
  setSession((s) => ({ ...s, toasts: [...s.toasts.slice(-3), { ...toast, id: `t${++toastSerial}` }] }));
}

export function dismissToast(id: string) {
  setSession((s) => ({ ...s, toasts: s.toasts.filter((t) => t.id !== id) }));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLearnerSession(): LearnerSession | null {
  return useSyncExternalStore(subscribe, getSession, () => null);
}
