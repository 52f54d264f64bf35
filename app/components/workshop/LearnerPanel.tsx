'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import CodeArea from '../playground/CodeArea';
import { transcriptOf } from '../run/transcript';
import TerminalPane from '../terminal/TerminalPane';
import dynamic from 'next/dynamic';
// Only a traced run shows it: loaded then, not with every page that has a playground.
const MessagesView = dynamic(() => import('../trace/MessagesView'), { ssr: false });
import { workshopApi, type LearnerDetail, type LiveOutput, type Tile } from './api';
import { ago, checkState, isRunning, runState } from './boardView';
import { useErrorText } from './errorText';
import { ERROR_TEXT, FIELD, SMALL } from './styles';
import { placeName, type LessonOutline } from './types';
import HandIcon from '../icons/HandIcon';

const noop = () => undefined;
const COLOUR = { text: 'text-sky-800 dark:text-sky-300', dot: 'bg-sky-600' };
/** While the learner's run runs, its output so far is asked for this often. */
const LIVE_POLL_MS = 1000;

/**
 * A learner opened from the board, in a modal dialog: their current code
 * (read-only Monaco, file tabs), their last run's output (xterm), a hint to
 * send them, and Lower hand.
 */
export default function LearnerPanel({
  code,
  tile,
  catalog,
  now,
  onClose,
  onLowered,
}: {
  code: string;
  tile: Tile;
  catalog: readonly LessonOutline[];
  now: number;
  onClose(): void;
  onLowered(id: string): void;
}) {
  const id = useId();
  const t = useTranslations('workshop');
  const errorText = useErrorText();
  const dialog = useRef<HTMLDialogElement>(null);
  const [detail, setDetail] = useState<LearnerDetail | null>(null);
  const [outputEpoch, setOutputEpoch] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<string | null>(null);
  const [hint, setHint] = useState('');
  const [hintState, setHintState] = useState<{ busy: boolean; error: string | null; sent: string | null }>({ busy: false, error: null, sent: null });

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  // Fresh code and output whenever the tile says something changed.
  useEffect(() => {
    let cancelled = false;
    void workshopApi.learner(code, tile.id).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setDetail(result.data);
        // New output starts the terminal over (its chunk ids start over too).
        setOutputEpoch((n) => n + 1);
        setError(null);
      } else setError(errorText(result.error));
    });
    return () => {
      cancelled = true;
    };
  }, [code, tile.id, tile.runs, tile.lastSeenAt]);

  // Their run going on now: its output so far, asked for again each second until it ends.
  const running = isRunning(tile, now) ? tile.running!.runId : null;
  const [live, setLive] = useState<LiveOutput | null>(null);
  const shownLive = useRef<LiveOutput | null>(null);
  const [liveEpoch, setLiveEpoch] = useState(0);
  useEffect(() => {
    if (!running) {
      shownLive.current = null;
      return setLive(null);
    }
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const result = await workshopApi.learner(code, tile.id);
      if (cancelled) return;
      const next = result.ok ? result.data.live : null;
      const before = shownLive.current;
      if (before?.runId !== next?.runId || before?.text !== next?.text || before?.trace?.length !== next?.trace?.length) {
        shownLive.current = next;
        setLive(next);
        // New output starts the terminal over (its chunk ids start over too).
        setLiveEpoch((n) => n + 1);
      }
      if (next) timer = setTimeout(() => void ask(), LIVE_POLL_MS);
    };
    void ask();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [code, tile.id, running]);
  const liveOutput = useMemo(() => (live ? transcriptOf(live.text, 'live') : null), [live]);

  const files = useMemo(() => Object.fromEntries((detail?.code?.files ?? []).map((f) => [f.name, f.content])), [detail]);
  const names = Object.keys(files);
  const active = file && names.includes(file) ? file : (names[0] ?? '');
  // The learner's last output as one read-only terminal (the server keeps its last 8 KiB, labelled per process).
  const output = useMemo(() => (detail?.output ? transcriptOf(detail.output.text, 'output') : null), [detail]);

  async function sendHint(event: FormEvent) {
    event.preventDefault();
    if (!hint.trim()) return;
    setHintState({ busy: true, error: null, sent: null });
    const result = await workshopApi.hint(code, tile.id, hint.trim());
    if (result.ok) {
      setHint('');
      setHintState({ busy: false, error: null, sent: t('panel.hintSent', { name: tile.name }) });
    } else setHintState({ busy: false, error: errorText(result.error), sent: null });
  }

  async function lower() {
    const result = await workshopApi.lowerHand(code, tile.id);
    if (result.ok) onLowered(tile.id);
    else setError(errorText(result.error));
  }

  const status = runState(tile);
  const check = checkState(tile);
  const say = (code: string) => (t.has(`status.${code}`) ? t(`status.${code}`) : code);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      data-testid="learner-panel"
      className="m-auto max-h-[92dvh] w-[min(60rem,calc(100vw-1.5rem))] overflow-auto rounded-xl border border-(--border-strong) bg-(--page-bg) p-0 text-(--page-fg) shadow-2xl backdrop:bg-black/50"
    >
      <div className="sticky top-0 z-10 flex items-center gap-3 border-b border-(--border) bg-(--page-bg) px-4 py-3">
        <h2 id={`${id}-title`} className="min-w-0 flex-1 truncate text-lg font-semibold">
          {tile.name}
        </h2>
        <button type="button" className={SMALL} onClick={() => dialog.current?.close()}>
          {t('common.close')}
        </button>
      </div>
      <div className="space-y-5 p-4">
        <p className="text-sm text-(--muted-fg)">
          {tile.location ? placeName(catalog, tile.location.lesson, tile.location.anchor) : t('tile.notOnLesson')} · {t('panel.runs', { count: tile.runs })}
          {status ? ` · ${t('panel.lastRun', { status: say(status) })}` : ''}
          {check ? ` ${check === 'passed' ? t('panel.checkPassed') : t('panel.checkNotYet')}` : ''} · {t('panel.passed', { count: tile.passed.length })} ·{' '}
          {tile.online ? t('panel.online') : t('panel.offline', { ago: ago(tile.lastSeenAt, now, t) })}
        </p>
        {tile.hand && (
          <div className="flex flex-wrap items-center gap-3 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-amber-950 dark:bg-amber-950/50 dark:text-amber-100">
            <HandIcon size={16} className="shrink-0" />
            <p className="flex-1">{tile.hand.message ? t('panel.handRaised', { message: tile.hand.message }) : t('common.handRaised')}</p>
            <button type="button" className={SMALL} onClick={() => void lower()}>
              {t('common.lowerHand')}
            </button>
          </div>
        )}
        {error && (
          <p role="alert" className={ERROR_TEXT}>
            {error}
          </p>
        )}

        <section aria-labelledby={`${id}-code`} className="space-y-2">
          <h3 id={`${id}-code`} className="font-semibold">
            {t('panel.code')}{' '}
            {detail?.code && (
              <span className="font-normal text-(--muted-fg)">
                {t('panel.codeFrom', { place: placeName(catalog, detail.code.lesson, detail.code.snippet), variant: detail.code.variant, ago: ago(detail.code.at, now, t) })}
              </span>
            )}
          </h3>
          {!detail ? (
            <p className="text-sm text-(--muted-fg)">{t('common.loading')}</p>
          ) : !detail.code ? (
            <p className="text-sm text-(--muted-fg)">{t('panel.noCode')}</p>
          ) : (
            <div className="overflow-hidden rounded-lg border border-(--border-strong)" data-testid="learner-code">
              {names.length > 1 && (
                <div role="tablist" aria-label={t('panel.files')} className="flex gap-1 border-b border-(--border) px-2">
                  {names.map((name) => (
                    <button
                      key={name}
                      type="button"
                      role="tab"
                      aria-selected={name === active}
                      onClick={() => setFile(name)}
                      className="border-b-2 border-transparent px-2 py-1.5 font-mono text-sm aria-selected:border-red-700 aria-selected:font-semibold dark:aria-selected:border-red-400"
                    >
                      {name}
                    </button>
                  ))}
                </div>
              )}
              <CodeArea
                near
                blockId={`learner-${tile.id}`}
                folder={`workshop-learner/${encodeURIComponent(tile.id)}/${encodeURIComponent(detail.code.variant)}`}
                files={files}
                active={active}
                html={null}
                label={t('panel.readOnly', { name: tile.name, file: active })}
                readOnly
                view={{ kind: 'code' }}
                onChange={noop}
                onRun={noop}
                onSave={noop}
                onTabLeaves={noop}
              />
            </div>
          )}
        </section>

        {liveOutput && (
          <section aria-labelledby={`${id}-live`} className="space-y-2" data-testid="learner-live">
            <h3 id={`${id}-live`} className="font-semibold">
              {t('panel.running')} <span className="font-normal text-(--muted-fg)">{t('panel.runningNote')}</span>
            </h3>
            <TerminalPane process="live" label={t('panel.running')} file={null} colour={COLOUR} lines={liveOutput.lines} chunks={liveOutput.chunks} epoch={liveEpoch} minRows={4} maxRows={16} fontSize={12} />
            {live?.trace && live.trace.length > 0 && (
              <div data-testid="learner-live-messages">
                <h4 className="mb-1 text-sm font-semibold">{t('panel.sockets')}</h4>
                <MessagesView events={live.trace} ended={false} />
              </div>
            )}
          </section>
        )}

        <section aria-labelledby={`${id}-output`} className="space-y-2">
          <h3 id={`${id}-output`} className="font-semibold" data-testid="last-output-title">
            {t('panel.lastOutput')}{' '}
            {detail?.output && (
              <span className="font-normal text-(--muted-fg)">
                — {say(detail.output.status)}
                {check === 'passed' && t('panel.outputPassed')}
                {check === 'not-yet' && (
                  <strong className="font-semibold text-red-700 dark:text-red-300">
                    {t('panel.outputNotYet')}
                    {tile.lastRun?.check?.title ? ` (${tile.lastRun.check.title})` : ''}
                  </strong>
                )}
                , {ago(detail.output.at, now, t)}
              </span>
            )}
          </h3>
          {output ? (
            <TerminalPane process="output" label={t('panel.output')} file={null} colour={COLOUR} lines={output.lines} chunks={output.chunks} epoch={outputEpoch} minRows={4} maxRows={16} fontSize={12} />
          ) : (
            <p className="text-sm text-(--muted-fg)">{t('panel.noRun')}</p>
          )}
        </section>

        <form onSubmit={sendHint} className="space-y-2">
          <label htmlFor={`${id}-hint`} className="block font-semibold">
            {t('panel.hintLabel', { name: tile.name })}
          </label>
          <textarea id={`${id}-hint`} value={hint} maxLength={1000} rows={3} onChange={(event) => setHint(event.target.value)} className={FIELD} />
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className={SMALL} disabled={hintState.busy}>
              {t('panel.sendHint')}
            </button>
            <p role="status" className="text-sm text-(--muted-fg) empty:hidden">
              {hintState.sent}
            </p>
          </div>
          {hintState.error && (
            <p role="alert" className={ERROR_TEXT}>
              {hintState.error}
            </p>
          )}
        </form>
      </div>
    </dialog>
  );
}
