import type { ReactNode } from 'react';
import Callout from './Callout';
import { CrossIcon } from './icons';

/** A mistake and what it does (a cross in a circle). */
export default function Pitfall({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <Callout tone="bad" icon={<CrossIcon />} kind="Pitfall" title={title}>
      {children}
    </Callout>
  );
}
