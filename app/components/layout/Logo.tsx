/** The site's mark: a socket fanning out to two peers. */
export default function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false" className="shrink-0">
      <rect width="32" height="32" rx="7" className="fill-red-700 dark:fill-red-400" />
      <g className="fill-white stroke-white dark:fill-zinc-950 dark:stroke-zinc-950">
        <circle cx="9" cy="16" r="4" stroke="none" />
        <circle cx="23" cy="9" r="3" stroke="none" />
        <circle cx="23" cy="23" r="3" stroke="none" />
        <path d="M12.5 14.2 20.2 10.4M12.5 17.8l7.7 3.8" fill="none" strokeWidth="2.2" strokeLinecap="round" />
      </g>
    </svg>
  );
}
