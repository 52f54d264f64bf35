import type { ReactNode } from 'react';
import Callout from './Callout';
import { CheckIcon } from './icons';

/** The way to do it (a tick in a circle). */
export default function Fix({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <Callout tone="good" icon={<CheckIcon />} kind="Fix" title={title}>
      {children}
    </Callout>
  );
}
