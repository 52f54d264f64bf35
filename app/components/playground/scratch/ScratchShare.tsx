'use client';

import { encodeShare } from '../../editor/share';
import { ShareButton } from '../ShareControl';
import type { ScratchProgram } from './state';

/** The hash of a link to the /playground with a program: `#scratch?code=…`, and `&open=1` to make it the learner's at once. */
export function scratchHash(payload: string, open = false): string {
  return `#scratch?code=${payload}${open ? '&open=1' : ''}`;
}

/** Share for the /playground: a link with its files and processes (share.ts). */
export default function ScratchShare({ program }: { program: ScratchProgram }) {
  return (
    <ShareButton
      title="A link that opens the playground with this program"
      opens="the playground with exactly these files and processes"
      stale={[program]}
      makeLink={async () =>
        `${window.location.origin}${window.location.pathname}${scratchHash(await encodeShare(program.files, program.processes))}`
      }
    />
  );
}
