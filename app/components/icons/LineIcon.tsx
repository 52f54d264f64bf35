import type { ReactNode } from 'react';

/**
 * A 24×24 stroked line icon, inline SVG (no icon font, no emoji support needed).
 * Decorative: the control that holds it carries the accessible name.
 */
export default function LineIcon({ size = 18, className, children }: { size?: number; className?: string; children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      {children}
    </svg>
  );
}
