'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/** The program shown when the page loads: REQ/REP "Hello" → "World" in one process. */
const HELLO_WORLD = `import * as zmq from "zeromq";

// The reply socket plays the server: it binds an address and answers.
const reply = new zmq.Reply();
await reply.bind("tcp://127.0.0.1:5555");

// The request socket plays the client: it connects and asks.
const request = new zmq.Request();
request.connect("tcp://127.0.0.1:5555");

await request.send("Hello");

const [question] = await reply.receive();
console.log("Server received:", question.toString());
await reply.send("World");

const [answer] = await request.receive();
console.log("Client received:", answer.toString());

request.close();
reply.close();
`;

/** Keep the page responsive if a program prints a lot; the runner has its own limit. */
const MAX_OUTPUT_CHARS = 200_000;

/** ANSI escape sequences (colours, cursor moves): the panel shows plain text. */
const ANSI_PATTERN = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

type Phase = 'idle' | 'starting' | 'queued' | 'running' | 'stopping' | 'ended';

type ChunkKind = 'stdout' | 'stderr' | 'note';

interface Chunk {
  id: number;
  kind: ChunkKind;
  text: string;
}

interface RunHandle {
  id: string;
  events: string;
}

type EventData = Record<string, unknown>;

function parseEventData(raw: unknown): EventData | null {
  if (typeof raw !== 'string') return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as EventData) : null;
  } catch {
    return null;
  }
}

function parseRunHandle(body: unknown): RunHandle | null {
  if (body === null || typeof body !== 'object') return null;
  const { id, events } = body as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') return null;
  return { id, events: typeof events === 'string' && events !== '' ? events : `/api/runs/${encodeURIComponent(id)}/events` };
}

/** The stop URL sits next to the events URL, whatever prefix the server uses. */
function stopUrl(run: RunHandle): string {
  return /\/events\/?$/.test(run.events)
    ? run.events.replace(/\/events\/?$/, '/stop')
    : `/api/runs/${encodeURIComponent(run.id)}/stop`;
}

/** The person-readable message of an API error response (`{error: {code, message}}`). */
async function errorMessage(response: Response): Promise<string> {
  let message = '';
  try {
    const body: unknown = await response.json();
    const error = body !== null && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
    const text = error !== null && typeof error === 'object' ? (error as { message?: unknown }).message : undefined;
    if (typeof text === 'string') message = text.trim();
  } catch {
    // Not JSON: fall back to the status line below.
  }
  if (message === '') {
    message = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  }
  const retryAfter = response.headers.get('Retry-After');
  if (response.status === 429 && retryAfter && /^\d+$/.test(retryAfter.trim())) {
    message += ` Try again in ${retryAfter.trim()} s.`;
  }
  return message;
}

function statusText(phase: Phase, endStatus: string | null, queuePosition: number | null): string {
  switch (phase) {
    case 'idle':
      return 'Status: ready';
    case 'starting':
      return 'Status: starting';
    case 'queued':
      return queuePosition !== null ? `Status: queued (position ${queuePosition})` : 'Status: queued';
    case 'running':
      return 'Status: running';
    case 'stopping':
      return 'Status: stopping';
    case 'ended':
      return `Status: ${endStatus ?? 'error'}`;
  }
}

export default function QuickRun() {
  const [code, setCode] = useState(HELLO_WORLD);
  const [phase, setPhase] = useState<Phase>('idle');
  const [endStatus, setEndStatus] = useState<string | null>(null);
  const [queuePosition, setQueuePosition] = useState<number | null>(null);
  const [chunks, setChunks] = useState<Chunk[]>([]);

  const eventSourceRef = useRef<EventSource | null>(null);
  const runRef = useRef<RunHandle | null>(null);
  const stopRequestedRef = useRef(false);
  const attemptRef = useRef(0);
  const chunkIdRef = useRef(0);
  const outputSizeRef = useRef(0);
  const outputRef = useRef<HTMLPreElement>(null);
  const stickToBottomRef = useRef(true);

  const editorId = useId();
  const hintId = useId();

  const busy = phase === 'starting' || phase === 'queued' || phase === 'running' || phase === 'stopping';

  // Close the live stream when the component goes away.
  useEffect(
    () => () => {
      eventSourceRef.current?.close();
      eventSourceRef.current = null;
    },
    [],
  );

  // Follow new output unless the reader has scrolled up.
  useEffect(() => {
    const panel = outputRef.current;
    if (panel && stickToBottomRef.current) panel.scrollTop = panel.scrollHeight;
  }, [chunks]);

  function append(kind: ChunkKind, rawText: string) {
    let text = rawText.replace(ANSI_PATTERN, '');
    if (text === '') return;
    if (outputSizeRef.current >= MAX_OUTPUT_CHARS) return;
    if (outputSizeRef.current + text.length > MAX_OUTPUT_CHARS) {
      text = `${text.slice(0, MAX_OUTPUT_CHARS - outputSizeRef.current)}\n`;
      outputSizeRef.current = MAX_OUTPUT_CHARS;
      addChunk(kind, text);
      addChunk('note', '[Output shortened here: this panel shows the first 200,000 characters.]');
      return;
    }
    outputSizeRef.current += text.length;
    addChunk(kind, text);
  }

  function addChunk(kind: ChunkKind, text: string) {
    setChunks((previous) => {
      const last = previous.at(-1);
      // Notes always sit on a line of their own.
      if (kind === 'note') {
        const lead = last && !last.text.endsWith('\n') ? '\n' : '';
        return [...previous, { id: ++chunkIdRef.current, kind, text: `${lead}${text}\n` }];
      }
      if (last && last.kind === kind) {
        return [...previous.slice(0, -1), { ...last, text: last.text + text }];
      }
      return [...previous, { id: ++chunkIdRef.current, kind, text }];
    });
  }

  function closeStream() {
    eventSourceRef.current?.close();
    eventSourceRef.current = null;
  }

  /** The run could not start or lost its connection. */
  function fail(message: string) {
    closeStream();
    runRef.current = null;
    addChunk('note', message);
    setQueuePosition(null);
    setEndStatus('error');
    setPhase('ended');
  }

  function openStream(run: RunHandle, attempt: number) {
    const source = new EventSource(run.events);
    eventSourceRef.current = source;

    const listen = (type: string, handle: (data: EventData) => void) => {
      source.addEventListener(type, (event) => {
        if (eventSourceRef.current !== source || attemptRef.current !== attempt) return;
        const data = parseEventData((event as MessageEvent).data);
        if (data) handle(data);
      });
    };

    listen('queued', (data) => {
      if (typeof data.position === 'number') setQueuePosition(data.position);
      setPhase((current) => (current === 'stopping' ? current : 'queued'));
    });
    listen('start', () => {
      setQueuePosition(null);
      setPhase((current) => (current === 'stopping' ? current : 'running'));
    });
    listen('stdout', (data) => {
      if (typeof data.data === 'string') append('stdout', data.data);
    });
    listen('stderr', (data) => {
      if (typeof data.data === 'string') append('stderr', data.data);
    });
    listen('blocked', (data) => {
      const message =
        typeof data.message === 'string' && data.message.trim() !== ''
          ? data.message.trim()
          : 'Every process is waiting and none is making progress.';
      addChunk('note', `⚠ ${message}`);
    });
    listen('end', (data) => {
      closeStream();
      runRef.current = null;
      const status = typeof data.status === 'string' && data.status !== '' ? data.status : 'error';
      const duration = typeof data.durationMs === 'number' ? ` in ${Math.round(data.durationMs)} ms` : '';
      const message = typeof data.message === 'string' && data.message.trim() !== '' ? ` — ${data.message.trim()}` : '';
      addChunk('note', `Run ended: ${status}${duration}${message}`);
      setQueuePosition(null);
      setEndStatus(status);
      setPhase('ended');
    });
    // Any other event type (trace, check, exit, …) is ignored.

    source.onerror = () => {
      if (eventSourceRef.current !== source || attemptRef.current !== attempt) return;
      // While CONNECTING the browser reconnects by itself, sending Last-Event-ID.
      if (source.readyState === EventSource.CLOSED) {
        fail('Lost the connection to the run before it ended.');
      }
    };
  }

  async function sendStop(run: RunHandle, attempt: number) {
    let problem: string | null = null;
    try {
      const response = await fetch(stopUrl(run), { method: 'POST', headers: { Accept: 'application/json' } });
      if (!response.ok) problem = await errorMessage(response);
    } catch {
      problem = 'the server did not answer.';
    }
    if (problem === null || attemptRef.current !== attempt) return;
    // The run goes on: say why, and let the learner press Stop again.
    stopRequestedRef.current = false;
    addChunk('note', `Could not stop the run: ${problem}`);
    setPhase((current) => (current === 'stopping' ? 'running' : current));
  }

  async function run() {
    if (busy) return;
    closeStream();
    const attempt = ++attemptRef.current;
    runRef.current = null;
    stopRequestedRef.current = false;
    outputSizeRef.current = 0;
    stickToBottomRef.current = true;
    setChunks([]);
    setEndStatus(null);
    setQueuePosition(null);
    setPhase('starting');

    let response: Response;
    try {
      response = await fetch('/api/runs', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ files: { 'main.ts': code } }),
      });
    } catch {
      if (attemptRef.current === attempt) fail('Could not reach the server. Check the connection and try again.');
      return;
    }
    if (attemptRef.current !== attempt) return;

    if (!response.ok) {
      const message = await errorMessage(response);
      if (attemptRef.current === attempt) fail(message);
      return;
    }

    let handle: RunHandle | null = null;
    try {
      handle = parseRunHandle(await response.json());
    } catch {
      handle = null;
    }
    if (attemptRef.current !== attempt) return;
    if (!handle) {
      fail('The server accepted the run but its answer could not be read.');
      return;
    }

    runRef.current = handle;
    openStream(handle, attempt);
    // Stop was pressed while the run was being created.
    if (stopRequestedRef.current) void sendStop(handle, attempt);
  }

  function stop() {
    if (!busy || phase === 'stopping') return;
    stopRequestedRef.current = true;
    setPhase('stopping');
    const handle = runRef.current;
    if (handle) void sendStop(handle, attemptRef.current);
  }

  function onEditorKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  }

  const buttonBase =
    'inline-flex min-h-11 items-center justify-center rounded-md px-5 py-2 text-base font-semibold transition-colors aria-disabled:cursor-not-allowed aria-disabled:opacity-50';

  return (
    <div className="space-y-4 rounded-lg border border-zinc-300 p-4 sm:p-5 dark:border-zinc-700">
      <div className="space-y-2">
        <label htmlFor={editorId} className="block font-medium">
          Code (<span className="font-mono text-sm">main.ts</span>)
        </label>
        <textarea
          id={editorId}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          onKeyDown={onEditorKeyDown}
          aria-describedby={hintId}
          rows={22}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          autoComplete="off"
          className="block w-full resize-y overflow-auto rounded-md border border-zinc-400 bg-zinc-50 p-3 font-mono text-sm leading-6 text-zinc-900 [tab-size:2] dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
        />
        <p id={hintId} className="text-sm text-zinc-600 dark:text-zinc-400">
          Ctrl+Enter (⌘+Enter on a Mac) runs the code.
        </p>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => void run()}
          aria-disabled={busy}
          className={`${buttonBase} bg-red-700 text-white hover:bg-red-800 aria-disabled:hover:bg-red-700 dark:bg-red-400 dark:text-zinc-950 dark:hover:bg-red-300 dark:aria-disabled:hover:bg-red-400`}
        >
          Run
        </button>
        <button
          type="button"
          onClick={stop}
          aria-disabled={!busy || phase === 'stopping'}
          className={`${buttonBase} border border-zinc-400 bg-white text-zinc-900 hover:bg-zinc-100 aria-disabled:hover:bg-white dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:aria-disabled:hover:bg-zinc-900`}
        >
          Stop
        </button>
        <p
          role="status"
          data-testid="run-status"
          data-phase={phase}
          className="text-sm font-medium text-zinc-700 sm:ml-auto dark:text-zinc-300"
        >
          {statusText(phase, endStatus, queuePosition)}
        </p>
      </div>

      <pre
        ref={outputRef}
        role="log"
        aria-live="polite"
        aria-label="Output"
        tabIndex={0}
        onScroll={(event) => {
          const panel = event.currentTarget;
          stickToBottomRef.current = panel.scrollHeight - panel.scrollTop - panel.clientHeight < 24;
        }}
        data-placeholder="Output appears here when you run the code."
        className="max-h-96 min-h-32 overflow-auto rounded-md bg-zinc-100 p-3 font-mono text-sm leading-6 break-words whitespace-pre-wrap text-zinc-900 empty:before:text-zinc-600 empty:before:italic empty:before:content-[attr(data-placeholder)] dark:bg-zinc-900 dark:text-zinc-100 dark:empty:before:text-zinc-400"
      >
        {chunks.map((chunk) => (
          <span
            key={chunk.id}
            data-stream={chunk.kind}
            className={
              chunk.kind === 'stderr'
                ? 'bg-red-50 text-red-800 dark:bg-red-950/60 dark:text-red-300'
                : chunk.kind === 'note'
                  ? 'text-zinc-600 italic dark:text-zinc-400'
                  : undefined
            }
          >
            {chunk.text}
          </span>
        ))}
      </pre>
    </div>
  );
}
