'use client';

import { useId, useState, type KeyboardEvent } from 'react';
import OutputPanel, { RunStatus } from './run/OutputPanel';
import RunButtons from './run/RunButtons';
import { useRun } from './run/useRun';

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

/** A scratchpad: one main.ts in a plain text area, run in the sandbox. */
export default function QuickRun() {
  const [code, setCode] = useState(HELLO_WORLD);
  const { state, busy, run, stop } = useRun();
  const editorId = useId();
  const hintId = useId();

  const start = () => void run({ files: { 'main.ts': code } });

  function onEditorKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!busy) start();
    }
  }

  return (
    <div className="space-y-4 rounded-lg border border-(--border-strong) p-4 sm:p-5">
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
          className="block w-full resize-y overflow-auto rounded-md border border-zinc-400 bg-(--surface) p-3 font-mono text-sm leading-6 text-(--page-fg) [tab-size:2] dark:border-zinc-600"
        />
        <p id={hintId} className="text-sm text-(--muted-fg)">
          <kbd className="kbd-other">Ctrl+Enter</kbd>
          <kbd className="kbd-mac">⌘+Enter</kbd> runs the code.
        </p>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <RunButtons busy={busy} stopping={state.phase === 'stopping'} onRun={start} onStop={stop} />
        <RunStatus state={state} className="sm:ml-auto" />
      </div>

      <OutputPanel state={state} />
    </div>
  );
}
