'use client';

/**
 * Where a place of the room (a lesson, and a step's heading or a snippet in it) is
 * now that lessons are in steps: the step's own URL, so following the instructor is
 * one navigation. The lessons API (static, cached here per lesson) lists each step's
 * slug and snippets. Anything it cannot place goes to the lesson's URL, whose
 * AnchorRedirect sends it on.
 */

interface StepOutline {
  slug: string;
  path: string;
  snippets: string[];
}

const steps = new Map<string, Promise<StepOutline[]>>();

const isStep = (value: unknown): value is StepOutline =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as StepOutline).slug === 'string' &&
  typeof (value as StepOutline).path === 'string' &&
  (value as StepOutline).path.startsWith('/lessons/') &&
  Array.isArray((value as StepOutline).snippets);

function stepsOf(lesson: string): Promise<StepOutline[]> {
  let known = steps.get(lesson);
  if (!known) {
    known = fetch(`/api/lessons/${encodeURIComponent(lesson)}`)
      .then((response) => (response.ok ? response.json() : null))
      .then((body: unknown) => {
        const list = typeof body === 'object' && body !== null ? (body as { steps?: unknown }).steps : null;
        return Array.isArray(list) ? list.filter(isStep) : [];
      })
      .catch(() => []);
    // A failed answer is not kept: the next move asks again.
    void known.then((list) => list.length === 0 && steps.delete(lesson));
    steps.set(lesson, known);
  }
  return known;
}

export async function stepHref(lesson: string, anchor: string | null): Promise<string> {
  const lessonPath = `/lessons/${encodeURIComponent(lesson)}`;
  if (!anchor) return lessonPath;
  const step = (await stepsOf(lesson)).find((s) => s.slug === anchor || s.snippets.includes(anchor));
  return `${step ? step.path : lessonPath}#${anchor}`;
}
