import LineIcon from './LineIcon';

/** A raised hand (instead of ✋, which needs an emoji font). */
export default function HandIcon({ size, className }: { size?: number; className?: string }) {
  return (
    <LineIcon size={size} className={className}>
      <path d="M8 13V5.5a1.5 1.5 0 0 1 3 0V11m0-6.5v-1a1.5 1.5 0 0 1 3 0V11m0-6a1.5 1.5 0 0 1 3 0v6m0-3.5a1.5 1.5 0 0 1 3 0V15a7 7 0 0 1-7 7h-1a7 7 0 0 1-5.6-2.8L3.2 16a1.5 1.5 0 0 1 2.4-1.8L8 17" />
    </LineIcon>
  );
}
