import type { ComponentPropsWithoutRef } from 'react';

/** Tables scroll sideways inside themselves on narrow screens, never the page. */
export default function Table(props: ComponentPropsWithoutRef<'table'>) {
  return (
    <div className="overflow-x-auto" role="region" aria-label="Table" tabIndex={0}>
      <table {...props} />
    </div>
  );
}
