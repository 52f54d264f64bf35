import type { ReactNode } from 'react';
import Callout from './Callout';
import { InfoIcon } from './icons';

/** A side remark. */
export default function Note({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <Callout tone="note" icon={<InfoIcon />} kind="Note" title={title}>
      {children}
    </Callout>
  );
}
