import type { ReactNode } from 'react';
import CheckCircleIcon from '../icons/CheckCircleIcon';
import CrossCircleIcon from '../icons/CrossCircleIcon';
import LineIcon from '../icons/LineIcon';

/** Small line icons for the teaching components (inline SVG: no font or emoji support needed). */
function Svg({ children }: { children: ReactNode }) {
  return <LineIcon className="shrink-0 self-center">{children}</LineIcon>;
}

export const InfoIcon = () => (
  <Svg>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5M12 8h.01" />
  </Svg>
);

export const DiveIcon = () => (
  <Svg>
    <circle cx="11" cy="11" r="6" />
    <path d="m20 20-4.5-4.5M11 8v6M8 11h6" />
  </Svg>
);

export const BulbIcon = () => (
  <Svg>
    <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3Z" />
  </Svg>
);

export const CheckIcon = () => <CheckCircleIcon className="shrink-0 self-center" />;

export const CrossIcon = () => <CrossCircleIcon className="shrink-0 self-center" />;
