import LineIcon from './LineIcon';

/** A tick in a circle: fixed, the way to do it (instead of ✅, which needs an emoji font). */
export default function CheckCircleIcon({ size, className }: { size?: number; className?: string }) {
  return (
    <LineIcon size={size} className={className}>
      <circle cx="12" cy="12" r="9" />
      <path d="m8 12 3 3 5-6" />
    </LineIcon>
  );
}
