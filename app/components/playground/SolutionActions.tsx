'use client';

import { useTranslations } from 'next-intl';

import { useMemo } from 'react';
import { applyEdits, editsKey, saveEdits } from '../editor/savedEdits';
import { useSavedEdits } from '../editor/useSavedEdits';
import { SECONDARY } from './buttons';
import type { PlaygroundData } from './types';
import { replaceSavedCode } from './usePlaygroundCode';

/**
 * The learner's current code of the exercise this solution solves (their
 * saved edits of the starter), and what they set aside; null elsewhere.
 */
export function useLearnerCode(data: PlaygroundData) {
  const solves = data.solves;
  const saved = useSavedEdits(editsKey(data.lesson, data.id, solves?.variant ?? '-'), solves?.hash ?? '-');
  return useMemo(
    () => (solves ? { files: applyEdits(solves.files, saved), backup: saved?.backup ?? null } : null),
    [solves, saved],
  );
}

/** The exercise's playground on the page (the block showing the starter). */
function starterBlock(data: PlaygroundData): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-playground="${CSS.escape(data.id)}"][data-variant="${CSS.escape(data.solves?.variant ?? '')}"]`);
}

/**
 * "Use the solution": copies it into the exercise's playground, setting the
 * learner's code aside, and "Restore my code" brings theirs back — showing
 * the solution never throws the learner's work away.
 */
export default function SolutionActions({
  data,
  solution,
  onDone,
}: {
  data: PlaygroundData;
  solution: Record<string, string>;
  onDone(message: string): void;
}) {
  const t = useTranslations('run');
  const learner = useLearnerCode(data);
  const solves = data.solves;
  if (!solves || !learner) return null;
  const target = { lesson: data.lesson, snippet: data.id, variant: solves.variant, hash: solves.hash, original: solves.files };
  const same = Object.keys(solution).every((name) => learner.files[name] === solution[name]);

  function use() {
    replaceSavedCode(target, learner!.files, solution, learner!.backup);
    const block = starterBlock(data);
    block?.scrollIntoView({ block: 'start' });
    onDone('The solution is now in the exercise’s playground above; your code is kept: “Restore my code” brings it back.');
  }

  function restore() {
    if (!learner?.backup) return;
    saveEdits(editsKey(target.lesson, target.snippet, target.variant), target.hash, applyEdits(target.original, { files: learner.backup, backup: null }), target.original, null);
    onDone('Your code is back in the exercise’s playground.');
  }

  return (
    <>
      <button
        type="button"
        aria-disabled={same}
        title={same ? t('alreadySolution') : undefined}
        onClick={() => {
          if (!same) use();
        }}
        className={SECONDARY}
      >
        {t('useSolution')}
      </button>
      {learner.backup && (
        <button type="button" onClick={restore} className={SECONDARY}>
          {t('restore')}
        </button>
      )}
    </>
  );
}
