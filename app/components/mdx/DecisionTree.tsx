'use client';

import { Fragment, useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** A question with the answers a reader can pick. */
export interface DecisionQuestion {
  question: string;
  answers: DecisionAnswer[];
}

/** An answer that leads to another question. */
export interface DecisionNext {
  label: string;
  next: DecisionQuestion;
}

/** An answer that ends the walk with a diagnosis (and optionally where to read on). */
export interface DecisionResult {
  label: string;
  result: string;
  /** `#anchor` on this page, or `/lessons/<slug>#anchor`. */
  link?: string;
  /** Text of the link (default: "Read more"). */
  linkLabel?: string;
}

export type DecisionAnswer = DecisionNext | DecisionResult;

export interface DecisionTreeProps {
  tree: DecisionQuestion;
  /** Shown above the tree (default: "Diagnosis"). */
  title?: string;
}

function isNext(answer: DecisionAnswer): answer is DecisionNext {
  return 'next' in answer && typeof answer.next === 'object' && answer.next !== null;
}

function isResult(answer: DecisionAnswer): answer is DecisionResult {
  return 'result' in answer && typeof answer.result === 'string';
}

/** `code` in backticks becomes <code>; everything else is plain text. */
function inline(text: string): ReactNode {
  return text.split(/`([^`]+)`/).map((part, index) =>
    index % 2 === 1 ? (
      <code key={index} className="rounded bg-(--inline-code-bg) px-1 py-px font-mono text-[0.875em]">
        {part}
      </code>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}

interface Step {
  question: DecisionQuestion;
  answer: DecisionAnswer;
}

/**
 * Walks `path` (the index of the answer chosen at each question) through the tree:
 * the answered steps, then either the question to answer now or the result reached.
 * Indices that do not fit the tree (or lead to an answer with neither `next` nor
 * `result`) end the walk where they stop fitting.
 */
function walk(tree: DecisionQuestion, path: number[]): { steps: Step[]; current?: DecisionQuestion; result?: DecisionResult } {
  const steps: Step[] = [];
  let question: DecisionQuestion = tree;
  for (const index of path) {
    const answer = question.answers?.[index];
    if (!answer || !(isNext(answer) || isResult(answer))) break;
    steps.push({ question, answer });
    if (isResult(answer)) return { steps, result: answer };
    question = answer.next;
  }
  return { steps, current: question };
}

/**
 * An interactive decision tree: one question at a time with its answers as
 * buttons, the answers given so far (each can be changed), Back and Start over.
 * Keyboard: Tab to an answer, Enter or Space to choose it; focus then moves to
 * the next question or to the result, so screen readers read it out.
 */
export default function DecisionTree({ tree, title = 'Diagnosis' }: DecisionTreeProps) {
  const [path, setPath] = useState<number[]>([]);
  // Focus moves only after the reader acted, never on the first render.
  const [moved, setMoved] = useState(0);
  const focusTarget = useRef<HTMLElement>(null);
  const uid = useId();
  const titleId = `${uid}-title`;

  const { steps, current, result } = walk(tree, path);

  useEffect(() => {
    if (moved > 0) focusTarget.current?.focus();
  }, [moved]);

  function go(next: number[]) {
    setPath(next);
    setMoved((n) => n + 1);
  }

  const stepNumber = steps.length + 1;
  const buttonBase =
    'rounded-md border px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50';

  return (
    <section
      aria-labelledby={titleId}
      data-decision-tree=""
      className="not-prose my-6 rounded-lg border border-(--border-strong) px-4 py-3.5 sm:px-5"
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p id={titleId} className="font-semibold">
          {title}
        </p>
        <div className="flex gap-2">
          <button
            type="button"
            onClick={() => go(path.slice(0, steps.length - 1))}
            disabled={steps.length === 0}
            className={`${buttonBase} border-(--border-strong) hover:bg-(--surface-strong)`}
          >
            <span aria-hidden="true">← </span>Back
          </button>
          <button
            type="button"
            onClick={() => go([])}
            disabled={steps.length === 0}
            className={`${buttonBase} border-(--border-strong) hover:bg-(--surface-strong)`}
          >
            Start over
          </button>
        </div>
      </div>

      {steps.length > 0 && (
        <div className="mb-3">
          <p className="sr-only">Your answers so far:</p>
          <ol className="space-y-1.5 border-l-2 border-(--border-strong) pl-3">
            {steps.map((step, index) => (
              <li key={index} className="text-sm">
                <span className="block text-(--muted-fg)">{inline(step.question.question)}</span>
                <span className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-medium">
                    <span aria-hidden="true">→ </span>
                    {inline(step.answer.label)}
                  </span>
                  <button
                    type="button"
                    onClick={() => go(path.slice(0, index))}
                    className="text-xs text-(--link) underline underline-offset-2 hover:text-(--link-hover)"
                  >
                    change<span className="sr-only"> the answer to: {step.question.question.replaceAll("`", "")}</span>
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}

      <div>
        {current && (
          <fieldset>
            <legend
              ref={(element) => {
                focusTarget.current = element;
              }}
              tabIndex={-1}
              className="mb-2 font-medium"
            >
              <span className="text-sm font-normal text-(--muted-fg)">Question {stepNumber}: </span>
              {inline(current.question)}
            </legend>
            <ul className="flex flex-col gap-2">
              {(current.answers ?? []).map((answer, index) => (
                <li key={index}>
                  <button
                    type="button"
                    onClick={() => go([...path.slice(0, steps.length), index])}
                    disabled={!isNext(answer) && !isResult(answer)}
                    className="flex w-full items-start gap-2 rounded-md border border-(--border-strong) bg-(--page-bg) px-3 py-2 text-left hover:border-(--link) hover:bg-(--surface) disabled:cursor-not-allowed disabled:opacity-50"
                  >
                    <span aria-hidden="true" className="text-(--muted-fg)">
                      ›
                    </span>
                    <span>{inline(answer.label)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </fieldset>
        )}

        {result && (
          <div className="rounded-lg border border-emerald-300 bg-emerald-50/70 px-4 py-3 dark:border-emerald-500/40 dark:bg-emerald-950/30">
            <p className="font-semibold text-emerald-800 dark:text-emerald-300">Likely cause</p>
            <p
              ref={(element) => {
                focusTarget.current = element;
              }}
              tabIndex={-1}
              className="mt-1"
            >
              {inline(result.result)}
            </p>
            {result.link && (
              <p className="mt-2">
                <a
                  href={result.link}
                  className="text-(--link) underline underline-offset-2 hover:text-(--link-hover)"
                >
                  {result.linkLabel ?? 'Read more'}
                </a>
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
