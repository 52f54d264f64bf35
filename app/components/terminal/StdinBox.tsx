'use client';

import { useId, useState, type FormEvent } from 'react';

/**
 * Standard input for a running program: Enter sends the line (with its
 * newline), EOF closes the input. With several processes, a picker says
 * which one reads it.
 */
export default function StdinBox({
  processes,
  running,
  send,
}: {
  processes: string[];
  running: boolean;
  send: (process: string, input: { data: string } | { eof: true }) => Promise<string | null>;
}) {
  const id = useId();
  const [line, setLine] = useState('');
  const [target, setTarget] = useState(processes[0] ?? 'main');
  const [message, setMessage] = useState('');
  const process = processes.includes(target) ? target : (processes[0] ?? 'main');

  async function submit(input: { data: string } | { eof: true }) {
    if (!running) {
      setMessage('Run the program first: input goes to a running process.');
      return;
    }
    const problem = await send(process, input);
    setMessage(problem ?? ('eof' in input ? `Closed ${process}’s input.` : `Sent to ${process}.`));
    if (!problem && 'data' in input) setLine('');
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit({ data: `${line}\n` });
  }

  const field =
    'min-h-10 rounded-md border border-(--border-strong) bg-(--page-bg) px-2.5 py-1.5 text-sm text-(--page-fg)';

  return (
    <form onSubmit={onSubmit} className="space-y-1.5" aria-label="Standard input">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-line`} className="text-sm font-medium">
          Input
        </label>
        {processes.length > 1 && (
          <select
            aria-label="Process that reads the input"
            value={process}
            onChange={(event) => setTarget(event.target.value)}
            className={field}
          >
            {processes.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
        <input
          id={`${id}-line`}
          value={line}
          onChange={(event) => setLine(event.target.value)}
          aria-describedby={`${id}-note`}
          autoComplete="off"
          spellCheck={false}
          placeholder={running ? 'A line, then Enter' : 'Available while the program runs'}
          className={`${field} min-w-0 flex-1 basis-40 font-mono`}
        />
        <button type="submit" className={`${field} font-medium hover:bg-(--surface-strong)`}>
          Send
        </button>
        <button
          type="button"
          onClick={() => void submit({ eof: true })}
          className={`${field} font-medium hover:bg-(--surface-strong)`}
          title="End of input (Ctrl+D in a terminal)"
        >
          EOF
        </button>
      </div>
      <p id={`${id}-note`} role="status" className="text-xs text-(--muted-fg) empty:hidden">
        {message}
      </p>
    </form>
  );
}
