import LineIcon from './LineIcon';

/** A magnifying glass. */
export default function SearchIcon({ size, className }: { size?: number; className?: string }) {
  return (
    <LineIcon size={size} className={className}>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </LineIcon>
  );
}
