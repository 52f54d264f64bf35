import LineIcon from './LineIcon';

/** A cross in a circle: broken, a mistake (instead of ❌, which needs an emoji font). */
export default function CrossCircleIcon({ size, className }: { size?: number; className?: string }) {
  return (
    <LineIcon size={size} className={className}>
      <circle cx="12" cy="12" r="9" />
      <path d="m9 9 6 6m0-6-6 6" />
    </LineIcon>
  );
}
