/**
 * The tab a key moves to in a tab list of `count` (WAI-ARIA tabs: arrows wrap
 * around, Home and End go to the ends), or -1 for any other key.
 */
export function tabAfterKey(key: string, index: number, count: number): number {
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return -1;
}
