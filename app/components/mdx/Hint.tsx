import type { ReactNode } from 'react';
import Collapsible from './Collapsible';
import { BulbIcon } from './icons';

/** An exercise's hint, collapsed until asked for. */
export default function Hint({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <Collapsible kind="Hint" title={title} icon={<BulbIcon />} tone="hint">
      {children}
    </Collapsible>
  );
}
