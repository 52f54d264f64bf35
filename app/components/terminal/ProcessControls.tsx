'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ProcessAction } from '../run/api';
import type { RunState } from '../run/model';

const BUTTON =
  'inline-flex min-h-9 items-center rounded-md border border-(--border-strong) px-2.5 text-sm font-medium hover:bg-(--surface-strong) disabled:opacity-50';

/**
 * A hand on the running system (a run of several processes): kill one of its
 * processes, then start it again, and watch what the others do meanwhile — a
 * client retrying, a broker requeueing. The runner refuses what cannot be done
 * now (a process that exited on its own), and its words are shown.
 */
export default function ProcessControls({ state, act }: { state: RunState; act(process: string, action: ProcessAction): Promise<string | null> }) {
  const t = useTranslations('run');
  const [pending, setPending] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (state.phase !== 'running' || state.processes.length < 2) return null;

  async function press(process: string, action: ProcessAction) {
    setPending(process);
    setProblem(null);
    const answer = await act(process, action);
    setPending(null);
    if (answer) setProblem(answer);
  }

  return (
    <div role="group" aria-label={t('processes')} className="flex flex-wrap items-center gap-2 text-sm" data-testid="process-controls">
      <span className="text-(--muted-fg)">{t('whileItRuns')}</span>
      {state.processes.map((name) => {
        const process = state.process[name];
        if (!process?.startedAt) return null;
        const killed = process.exit?.signal === 'SIGKILL';
        if (process.exit && !killed) return null;
        const action: ProcessAction = killed ? 'restart' : 'kill';
        return (
          <button key={name} type="button" disabled={pending === name} onClick={() => void press(name, action)} className={BUTTON}>
            {t(killed ? 'restart' : 'kill', { name })}
          </button>
        );
      })}
      {problem && (
        <span role="alert" className="basis-full text-red-700 dark:text-red-300">
          {problem}
        </span>
      )}
    </div>
  );
}
