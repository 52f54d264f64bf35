import type { ReactNode } from 'react';
import Callout from './Callout';

/** ❌ A mistake and what it does. */
export default function Pitfall({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <Callout tone="bad" icon="❌" kind="Pitfall" title={title}>
      {children}
    </Callout>
  );
}
