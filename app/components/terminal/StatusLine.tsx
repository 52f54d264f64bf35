'use client';

import { useTranslations } from 'next-intl';
import type { RunState } from '../run/model';
import { useLang } from '../i18n/useLang';
import { useNow } from './useNow';
import { endDetail, PROCESS_COLOURS, processWords, runSummary, TONE_DOT, TONE_TEXT } from './words';

/**
 * The run's status: queued (with its position), running (live elapsed time),
 * each process's exit code and duration, and how the run ended in plain
 * words — a limit says which limit and its value (the runner's message).
 * Only phase changes are announced; the ticking time is not.
 */
export default function StatusLine({ state }: { state: RunState }) {
  const live = state.phase === 'running' || state.phase === 'stopping' || state.phase === 'queued';
  const now = useNow(live);
  const t = useTranslations('run');
  const lang = useLang();
  const summary = runSummary(state, now, t);
  const announced = runSummary(state, 0, t).text.replace(/ \d+\.\d s$/, '');
  const end = state.end;
  // The runner's own message is English: other languages say it in their words (its English as a hint where it says more).
  const detail = endDetail(state, t, lang);
  const showProcesses = state.phase !== 'idle' && state.phase !== 'starting' && state.processes.length > 0;

  return (
    <div className="min-w-0 space-y-1">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <p
          role="status"
          data-testid="run-status"
          data-phase={state.phase}
          data-status={end?.status ?? ''}
          className={`inline-flex items-center gap-2 text-sm font-semibold ${state.phase === 'ended' ? TONE_TEXT[summary.tone] : ''}`}
        >
          <span aria-hidden="true" className={`size-2 shrink-0 rounded-full ${TONE_DOT[summary.tone]}`} />
          <span className="sr-only">{announced}</span>
          <span aria-hidden="true" className="tabular-nums">
            {summary.text}
          </span>
          {state.reconnecting && state.phase !== 'ended' && (
            <span className="font-normal text-(--muted-fg)">{t('reconnecting')}</span>
          )}
        </p>
        {showProcesses && (
          <ul aria-label={t('processes')} className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-(--muted-fg)">
            {state.processes.map((name, index) => {
              const words = processWords(state.process[name]!, state, now, t);
              const colour = PROCESS_COLOURS[index % PROCESS_COLOURS.length]!;
              return (
                <li key={name} data-process-status={name} className="inline-flex items-center gap-1.5 tabular-nums">
                  <span aria-hidden="true" className={`size-1.5 rounded-full ${TONE_DOT[words.tone]}`} />
                  <span className={`font-semibold ${colour.text}`}>{name}</span>
                  {words.text && <span className={words.tone === 'bad' ? TONE_TEXT.bad : ''}>{words.text}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {detail?.text && (
        <p data-testid="run-end" title={detail.english ?? undefined} className="text-sm text-(--muted-fg)">
          {detail.text}
        </p>
      )}
    </div>
  );
}
