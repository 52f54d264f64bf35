'use client';

import { useState } from 'react';
import { startedProcesses, type ProcessDef } from '../../../runner/protocol';
import { encodeShare, ShareError } from '../editor/share';
import { SECONDARY } from './buttons';
import { scratchHash } from './scratch/ScratchShare';

/** "Open in playground": the code on show (with the learner's edits) and the variant's processes, carried to /playground in the link. */
export default function OpenInPlayground({ files, processes }: { files: Record<string, string>; processes: readonly ProcessDef[] | undefined }) {
  const [problem, setProblem] = useState('');
  async function open() {
    try {
      const payload = await encodeShare(files, processes && processes.length > 0 ? processes : startedProcesses({ files }));
      window.location.assign(`/playground${scratchHash(payload, true)}`);
    } catch (error) {
      setProblem(error instanceof ShareError ? error.message : 'This browser cannot carry the code over.');
    }
  }
  return (
    <>
      <button type="button" className={SECONDARY} title="Opens this code, with your edits, in the playground, where you can add files and processes" onClick={() => void open()}>
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false" fill="currentColor">
          <path d="M3.75 2A1.75 1.75 0 0 0 2 3.75v8.5c0 .97.78 1.75 1.75 1.75h8.5A1.75 1.75 0 0 0 14 12.25V9.5a.75.75 0 0 0-1.5 0v2.75a.25.25 0 0 1-.25.25h-8.5a.25.25 0 0 1-.25-.25v-8.5a.25.25 0 0 1 .25-.25H6.5a.75.75 0 0 0 0-1.5H3.75ZM9.5 2a.75.75 0 0 0 0 1.5h1.94L7.22 7.72a.75.75 0 1 0 1.06 1.06l4.22-4.22V6.5a.75.75 0 0 0 1.5 0v-3.75A.75.75 0 0 0 13.25 2H9.5Z" />
        </svg>
        Open in playground
      </button>
      {problem && (
        <p role="alert" className="basis-full text-sm">
          {problem}
        </p>
      )}
    </>
  );
}
