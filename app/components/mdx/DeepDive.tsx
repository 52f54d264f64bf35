import type { ReactNode } from 'react';
import Collapsible from './Collapsible';
import { DiveIcon } from './icons';

/** Collapsed detail for the curious. */
export default function DeepDive({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <Collapsible kind="Deep dive" title={title} icon={<DiveIcon />} tone="neutral">
      {children}
    </Collapsible>
  );
}
