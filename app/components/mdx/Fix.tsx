import type { ReactNode } from 'react';
import Callout from './Callout';

/** ✅ The way to do it. */
export default function Fix({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <Callout tone="good" icon="✅" kind="Fix" title={title}>
      {children}
    </Callout>
  );
}
