'use client';

import { useTranslations } from 'next-intl';
import { useLang } from '../i18n/useLang';
import dynamic from 'next/dynamic';
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { RunState } from '../run/model';
import type { ProcessAction } from '../run/api';
import StatusLine from '../terminal/StatusLine';
import { problemWords } from '../terminal/words';
import Terminals from '../terminal/Terminals';
import Banner from './Banner';
import { tabAfterKey } from './tabKeys';
import { usePlaygroundOptions } from './options';

// Only a traced run shows it: loaded then, not with every page that has a playground.
const MessagesView = dynamic(() => import('../trace/MessagesView'), { ssr: false });
// Shown only once asked for (Maximise, a running run of several processes): loaded then.
const OutputDialog = dynamic(() => import('../terminal/OutputDialog'), { ssr: false });
const ProcessControls = dynamic(() => import('../terminal/ProcessControls'), { ssr: false });
// Open from the start when the code reads its input: rendered on the server as before.
const StdinBox = dynamic(() => import('../terminal/StdinBox'));

/** The output's two views of a traced run. */
const OUTPUT_TABS = ['terminals', 'messages'] as const;

const TOOL =
  'inline-flex min-h-9 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-(--muted-fg) transition-colors hover:bg-(--surface-strong) hover:text-(--page-fg) aria-disabled:cursor-not-allowed aria-disabled:opacity-50';

/** Where a Run brings its output into view: phone widths, where it starts below the fold. */
const PHONE = '(max-width: 639px)';
/** Output showing less than this (px) above the window's bottom edge counts as out of sight. */
const IN_SIGHT = 48;

/**
 * On a phone, Run brings the output into view when it would start out of
 * sight (below the fold): scrolled at once, never smoothly, so nothing moves
 * under a finger (or a test) pressing Stop; not in an embed, whose page
 * around it decides its own scrolling.
 */
function useRevealOnRun(box: RefObject<HTMLElement | null>, phase: RunState['phase']) {
  const { embed } = usePlaygroundOptions();
  useEffect(() => {
    const element = box.current;
    if (phase !== 'starting' || embed || !element || !window.matchMedia(PHONE).matches) return;
    if (element.getBoundingClientRect().top <= window.innerHeight - IN_SIGHT) return;
    element.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  }, [box, phase, embed]);
}

/**
 * Everything a run shows: the status line, a `blocked` banner in the
 * lesson's words, errors, the exercise check, what the lesson wants noticed,
 * where the code went wrong, one terminal per process, and standard input
 * (open by default when the code reads it). Maximise shows the terminals
 * over the whole window.
 */
export default function RunOutput({
  state,
  entries,
  single,
  onBlocked,
  sendInput,
  act,
  clear,
  readsInput,
  check,
  note = state.end?.note ?? null,
  trace,
}: {
  state: RunState;
  entries: Record<string, string>;
  single: boolean;
  onBlocked: string | null;
  sendInput: (process: string, input: { data: string } | { eof: true }) => Promise<string | null>;
  act(process: string, action: ProcessAction): Promise<string | null>;
  clear(): void;
  readsInput: boolean;
  check: ReactNode;
  /** What the lesson wants noticed (`end.note`), in the page's language. */
  note?: string | null;
  /** Whether the next run is traced (and a way to change it); `open`: show Messages first. */
  trace: { on: boolean; set(on: boolean): void; open: boolean };
}) {
  const [inputOpen, setInputOpen] = useState<boolean | null>(null);
  const showInput = inputOpen ?? readsInput;
  const t = useTranslations('run');
  const lang = useLang();
  const problem = problemWords(state, t, lang);
  const started = state.phase !== 'idle';
  const hasOutput = state.lines.length > 0;
  const running = state.phase === 'running' || state.phase === 'stopping';
  const names = state.processes.length > 0 ? state.processes : Object.keys(entries);
  const box = useRef<HTMLDivElement>(null);
  const maximise = useRef<HTMLButtonElement>(null);
  const [maximised, setMaximised] = useState(false);
  useRevealOnRun(box, state.phase);
  const [tab, setTab] = useState<'terminals' | 'messages' | null>(null);
  const tabsShown = started && state.traced;
  const shownTab = tabsShown ? (tab ?? (trace.open ? 'messages' : 'terminals')) : 'terminals';
  const tabId = useId();

  return (
    <div ref={box} data-run-output className="space-y-3 rounded-b-xl border-t border-(--border) bg-(--surface) px-3 py-3 sm:px-4">
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1 basis-56">
          <StatusLine state={state} />
        </div>
        <div className="flex gap-1">
          {started && (
            <button ref={maximise} type="button" aria-haspopup="dialog" onClick={() => setMaximised(true)} className={TOOL}>
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
                <path d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10" />
              </svg>
              {t('maximise')}<span className="sr-only">{t('maximiseSr')}</span>
            </button>
          )}
          <button
            type="button"
            aria-pressed={trace.on}
            title={t('traceTitle')}
            onClick={() => trace.set(!trace.on)}
            className={TOOL}
          >
            {t('trace')}<span className="sr-only">{t('traceSr')}</span>
          </button>
          <button type="button" aria-pressed={showInput} onClick={() => setInputOpen(!showInput)} className={TOOL}>
            {t('input')}
          </button>
          <button
            type="button"
            aria-disabled={!hasOutput}
            onClick={() => {
              if (hasOutput) clear();
            }}
            className={TOOL}
          >
            {t('clear')}
          </button>
        </div>
      </div>

      {state.blocked && (
        <Banner tone="warning" alert testId="run-blocked">
          <strong className="font-semibold">{t('blocked')}</strong>
          {/* The runner's own sentence is English: other languages say it in their words. */}
          {onBlocked ?? (lang === 'en' ? state.blocked.message : t('blockedDefault'))}
          {(onBlocked || lang !== 'en') && state.blocked.processes.length > 0 && (
            <span className="mt-1 block text-xs opacity-90">
              {t('blockedProcesses', { processes: state.blocked.processes.join(', ') })}
            </span>
          )}
        </Banner>
      )}
      {problem && (
        <Banner tone="error" alert testId="run-error">
          {problem.text}
          {problem.english && (
            <span lang="en" className="mt-1 block text-xs opacity-90">
              {problem.english}
            </span>
          )}
        </Banner>
      )}
      {check}
      {note && (
        <Banner tone="info" testId="run-note">
          <strong className="font-semibold">{t('note')}</strong>
          {note}
        </Banner>
      )}
      {state.end && state.end.errors.length > 0 && (
        <Banner tone="error" testId="run-errors">
          <span className="block">
            {t.rich('errors', { strong: (chunks) => <strong className="font-semibold">{chunks}</strong> })}
          </span>
          <ul className="mt-1 list-none space-y-0.5 font-mono text-xs">
            {state.end.errors.map((error, i) => (
              <li key={i}>
                {error.file}:{error.line}
                {error.column > 0 ? `:${error.column}` : ''} — {error.message}
              </li>
            ))}
          </ul>
        </Banner>
      )}

      {tabsShown && (
        <div role="tablist" aria-label={t('output')} className="flex gap-1 border-b border-(--border)">
          {OUTPUT_TABS.map((name, index) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`${tabId}-${name}`}
              aria-controls={`${tabId}-${name}-panel`}
              aria-selected={shownTab === name}
              tabIndex={shownTab === name ? 0 : -1}
              onClick={() => setTab(name)}
              onKeyDown={(event) => {
                const target = tabAfterKey(event.key, index, OUTPUT_TABS.length);
                if (target < 0) return;
                event.preventDefault();
                setTab(OUTPUT_TABS[target]!);
                document.getElementById(`${tabId}-${OUTPUT_TABS[target]}`)?.focus();
              }}
              className="-mb-px min-h-9 border-b-2 border-transparent px-3 text-sm font-medium text-(--muted-fg) hover:text-(--page-fg) aria-selected:border-(--link) aria-selected:text-(--page-fg)"
            >
              {name === 'terminals' ? t('terminals') : t('messages', { count: state.trace.length })}
            </button>
          ))}
        </div>
      )}
      {tabsShown && (
        <div role="tabpanel" id={`${tabId}-messages-panel`} aria-labelledby={`${tabId}-messages`} hidden={shownTab !== 'messages'}>
          {shownTab === 'messages' && <MessagesView events={state.trace} ended={state.phase === 'ended'} />}
        </div>
      )}
      {started ? (
        <div {...(tabsShown ? { role: 'tabpanel', id: `${tabId}-terminals-panel`, 'aria-labelledby': `${tabId}-terminals` } : {})} hidden={shownTab !== 'terminals'}>
          <Terminals state={state} entries={entries} single={single} />
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-(--border-strong) px-3 py-3 text-sm text-(--muted-fg)">
          {names.length > 1
            ? t('startsTogether', { processes: new Intl.ListFormat(lang).format(names) })
            : t('pressRun')}
        </p>
      )}

      {state.phase === 'running' && state.processes.length > 1 && <ProcessControls state={state} act={act} />}

      {showInput && <StdinBox processes={names} running={running} send={sendInput} />}

      {maximised && started && (
        <OutputDialog title={t('output')} status={<StatusLine state={state} />} opener={maximise} onClose={() => setMaximised(false)}>
          <Terminals state={state} entries={entries} single={single} fill />
        </OutputDialog>
      )}
    </div>
  );
}
