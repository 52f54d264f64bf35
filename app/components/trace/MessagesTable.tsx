'use client';

import { useState } from 'react';
import type { TraceEvent } from '../../../runner/protocol';
import { describeEvent } from './diagram';

/**
 * The text alternative of the Messages drawing: every event shown so far, one
 * row each. Rendered only while open: a run may have thousands of events.
 */
export default function MessagesTable({ events }: { events: readonly TraceEvent[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)} className="text-sm">
      <summary className="cursor-pointer py-1 font-medium text-(--link)">The same events as a table</summary>
      {open && (
        <div className="mt-1 max-h-80 overflow-auto rounded-lg border border-(--border)">
          <table data-testid="messages-table" className="w-full border-collapse text-left text-xs">
            <caption className="sr-only">Socket events of this run, in the order they happened</caption>
            <thead className="sticky top-0 bg-(--surface)">
              <tr>
                <th scope="col" className="px-2 py-1 text-right font-semibold">ms</th>
                <th scope="col" className="px-2 py-1 font-semibold">Process</th>
                <th scope="col" className="px-2 py-1 font-semibold">Socket</th>
                <th scope="col" className="px-2 py-1 font-semibold">What</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event, i) => (
                <tr key={i} className="border-t border-(--border) align-top">
                  <td className="px-2 py-0.5 text-right font-mono tabular-nums">{event.at.toFixed(1)}</td>
                  <td className="px-2 py-0.5">{event.process ?? ''}</td>
                  <td className="px-2 py-0.5 font-mono">
                    {event.socket ?? ''}
                    {event.type ? ` ${event.type}` : ''}
                  </td>
                  <td className="px-2 py-0.5 font-mono break-all">{describeEvent(event)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
