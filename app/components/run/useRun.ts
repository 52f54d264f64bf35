'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { RUN_EVENT_TYPES, type RunSpec } from '../../../runner/protocol';
import { useLang } from '../i18n/useLang';
import { ReplayingEventSource } from '../net/eventSource';
import { exitWords } from '../terminal/words';
import { actOnProcess, parseEventData, sendStdin, startRun, stopRun, type ProcessAction, type RunHandle } from './api';
import { ENGLISH_EXIT_WORDS, type ExitWords } from './format';
import { applyRunInputs, IDLE, isBusy, type CheckResult, type RunInput, type RunProblem, type RunState } from './model';

/**
 * Runs code through the runner's public API: POST /api/runs, then the run's
 * events through a replaying event source (a dropped connection loses and
 * repeats nothing), stop and stdin. What the page shows is the run model's
 * state (model.ts); this hook only feeds it, and lets React hear about
 * output at most once per animation frame (phase changes at once).
 */

export interface UseRunOptions {
  /** A `check` event (exercises only), with the request that started the run. */
  onCheck?: (check: CheckResult, request: RunSpec) => void;
}

/** A window event when a run ends: `{runId, status, lesson?, snippet?, variant?}` (the workshop bar reports it). */
export const RUN_END_EVENT = 'zmq-playground:run-end';
/** A window event when a run was accepted: `{runId}` (the workshop bar reports it, so the board can watch it run). */
export const RUN_START_EVENT = 'zmq-playground:run-start';

export function useRun(options: UseRunOptions = {}) {
  const [state, setState] = useState<RunState>(IDLE);
  /** The state with every input applied but output still waiting for its frame. */
  const applied = useRef<RunState>(IDLE);
  const pending = useRef<RunInput[]>([]);
  const frame = useRef<number | null>(null);
  const source = useRef<ReplayingEventSource | null>(null);
  const handle = useRef<RunHandle | null>(null);
  const request = useRef<RunSpec | null>(null);
  const attempt = useRef(0);
  const stopRequested = useRef(false);
  const onCheck = useRef(options.onCheck);
  onCheck.current = options.onCheck;
  // How exits read in the output: the page's language.
  const t = useTranslations('run');
  const lang = useLang();
  const words = useRef<ExitWords>(ENGLISH_EXIT_WORDS);
  words.current = lang === 'en' ? ENGLISH_EXIT_WORDS : exitWords(t);

  const flush = useCallback(() => {
    frame.current = null;
    if (pending.current.length === 0) return;
    applied.current = applyRunInputs(applied.current, pending.current.splice(0), words.current);
    setState(applied.current);
  }, []);

  /** Output may come fast: it renders once per frame. Anything else renders at once (with the output before it). */
  const feed = useCallback(
    (input: RunInput, now = true) => {
      pending.current.push(input);
      if (now) {
        if (frame.current !== null) cancelAnimationFrame(frame.current);
        flush();
      } else frame.current ??= requestAnimationFrame(flush);
    },
    [flush],
  );

  const closeStream = useCallback(() => {
    source.current?.close();
    source.current = null;
  }, []);

  useEffect(
    () => () => {
      closeStream();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [closeStream],
  );

  function fail(message: string, problem?: RunProblem) {
    closeStream();
    handle.current = null;
    feed({ type: 'failed', message, ...(problem ? { problem } : {}) });
  }

  function openStream(run: RunHandle, current: number) {
    const live = () => attempt.current === current;
    source.current = new ReplayingEventSource({
      url: run.events,
      types: RUN_EVENT_TYPES,
      onEvent(type, raw) {
        const data = parseEventData(raw);
        if (!live() || !data) return;
        feed({ type: 'event', event: type, data, at: performance.now() }, type !== 'stdout' && type !== 'stderr' && type !== 'trace');
        const sent = request.current;
        if (type === 'check' && applied.current.check && sent) onCheck.current?.(applied.current.check, sent);
        if (type === 'end') {
          closeStream();
          handle.current = null;
          const detail = { runId: run.id, status: applied.current.end?.status, lesson: sent?.lesson, snippet: sent?.snippet, variant: sent?.variant };
          window.dispatchEvent(new CustomEvent(RUN_END_EVENT, { detail }));
        }
      },
      onStatus(status, problem) {
        if (!live()) return;
        const reconnecting = applied.current.reconnecting;
        if (status === 'reconnecting' && !reconnecting) feed({ type: 'connection', reconnecting: true });
        if (status === 'open' && reconnecting) feed({ type: 'connection', reconnecting: false });
        if (status === 'failed') {
          fail(`Lost the connection to the run before it ended${problem ? `: ${problem.message}` : '.'}`, { code: 'connection-lost', retryAfter: null });
        }
      },
    });
  }

  async function sendStop(run: RunHandle, current: number) {
    const problem = await stopRun(run);
    if (problem === null || attempt.current !== current) return;
    // The run goes on: say why, and let the learner press Stop again.
    stopRequested.current = false;
    feed({ type: 'stop-failed', problem });
  }

  async function run(body: RunSpec) {
    if (isBusy(applied.current.phase)) return;
    closeStream();
    const current = ++attempt.current;
    handle.current = null;
    request.current = body;
    stopRequested.current = false;
    feed({ type: 'begin', processes: (body.processes ?? []).map((p) => p.name), traced: body.trace === true, ...(body.variant ? { variant: body.variant } : {}) });

    const started = await startRun(body);
    if (attempt.current !== current) return;
    if (!started.ok) {
      fail(started.message, started.problem);
      return;
    }
    handle.current = started.run;
    window.dispatchEvent(new CustomEvent(RUN_START_EVENT, { detail: { runId: started.run.id } }));
    openStream(started.run, current);
    // Stop was pressed while the run was being created.
    if (stopRequested.current) void sendStop(started.run, current);
  }

  function stop() {
    const phase = applied.current.phase;
    if (phase !== 'starting' && phase !== 'queued' && phase !== 'running') return;
    stopRequested.current = true;
    feed({ type: 'stopping' });
    if (handle.current) void sendStop(handle.current, attempt.current);
  }

  /** Writes to a process's standard input; resolves to a problem to show, or null. */
  async function sendInput(process: string, input: { data: string } | { eof: true }): Promise<string | null> {
    const run = handle.current;
    if (!run) return 'The program is not running.';
    return sendStdin(run, process, input);
  }

  /** Kills or restarts one of the run's processes; resolves to a problem to show, or null. */
  async function act(process: string, action: ProcessAction): Promise<string | null> {
    const run = handle.current;
    if (!run) return 'The program is not running.';
    return actOnProcess(run, process, action);
  }

  /** Empties the output (terminals and transcript); the run's status stays. */
  function clear() {
    feed({ type: 'clear' });
  }

  return { state, busy: isBusy(state.phase), run, stop, sendInput, act, clear };
}
