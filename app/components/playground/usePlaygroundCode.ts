'use client';

import { useCallback, useMemo, useState } from 'react';
import { applyEdits, editsKey, saveEdits, type Files } from '../editor/savedEdits';
import { useSavedEdits } from '../editor/useSavedEdits';
import type { PlaygroundData, PlaygroundVariant } from './types';

/** A window event with the code a learner just saved: `{lesson, snippet, variant, files}`. */
export const CODE_EVENT = 'zmq-playground:code';

/** Code from a shared link, shown but not saved until the learner keeps it. */
export interface SharedSession {
  variant: string;
  files: Files;
}

/**
 * The code of the variant on show: the lesson's, with the learner's saved
 * edits, or a shared link's code while the learner decides. Every edit is
 * saved at once (saved edits are per snippet variant, for this version of its
 * code), except a shared link's: saving that would silently replace the
 * learner's own, so it waits for "Keep this code".
 */
export function usePlaygroundCode(data: PlaygroundData, variant: PlaygroundVariant) {
  const key = editsKey(data.lesson, data.id, variant.id);
  const original = variant.request.files;
  const saved = useSavedEdits(key, variant.hash);
  const [shared, setShared] = useState<SharedSession | null>(null);
  const [storageFull, setStorageFull] = useState(false);
  const sharing = shared !== null && shared.variant === variant.id;

  const stored = useMemo(() => applyEdits(original, saved), [original, saved]);
  const files = sharing ? shared.files : stored;
  const edited = useMemo(() => Object.keys(original).filter((name) => files[name] !== original[name]), [files, original]);
  const ownEdits = Object.keys(original).some((name) => stored[name] !== original[name]);

  const save = useCallback(
    (next: Files, backup?: Files | null) => {
      setStorageFull(!saveEdits(key, variant.hash, next, original, backup));
      // Heard by the workshop bar (a learner's current code for the instructor); nothing else listens.
      if (data.lesson) window.dispatchEvent(new CustomEvent(CODE_EVENT, { detail: { lesson: data.lesson, snippet: data.id, variant: variant.id, files: next } }));
    },
    [key, variant.hash, variant.id, original, data.lesson, data.id],
  );

  const setFile = useCallback(
    (name: string, code: string) => {
      if (!(name in original) || files[name] === code) return;
      const next = { ...files, [name]: code };
      if (sharing) setShared({ variant: variant.id, files: next });
      else save(next);
    },
    [files, original, sharing, save, variant.id],
  );

  return {
    key,
    original,
    files,
    edited,
    /** Whether the learner's saved code differs from the lesson's (whatever is on show). */
    ownEdits,
    /** The learner's own code, set aside by "Use the solution" or "Keep this code". */
    backup: sharing ? null : (saved?.backup ?? null),
    shared: sharing ? shared : null,
    storageFull,
    setFile,
    resetFile: (name: string) => setFile(name, original[name] ?? ''),
    resetAll: () => (sharing ? setShared({ variant: variant.id, files: original }) : save(original)),
    /** Shows a shared link's code without saving it. */
    openShared: (session: SharedSession) => setShared(session),
    /** Saves the shared code as the learner's, keeping their own as the backup when they had edits. */
    keepShared() {
      if (!sharing) return;
      save(shared.files, ownEdits ? stored : (saved?.backup ?? null));
      setShared(null);
    },
    /** Leaves the shared code: back to the learner's own. */
    dropShared: () => setShared(null),
    restoreBackup() {
      const backup = saved?.backup;
      if (backup) save(applyEdits(original, { files: backup, backup: null }), null);
    },
  };
}

export type PlaygroundCode = ReturnType<typeof usePlaygroundCode>;

/**
 * Puts other code (an exercise's solution) into a snippet variant's saved
 * edits, setting the learner's current code aside as the backup — unless a
 * backup is already there, which is their own code from before.
 */
export function replaceSavedCode(
  target: { lesson: string; snippet: string; variant: string; hash: string; original: Files },
  current: Files,
  next: Files,
  backup: Files | null,
) {
  const key = editsKey(target.lesson, target.snippet, target.variant);
  return saveEdits(key, target.hash, next, target.original, backup ?? current);
}
