/** Button styles shared by the playground's toolbars; in a narrow playground they keep their words, a little tighter. */
export const BUTTON =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-semibold transition-colors aria-disabled:cursor-not-allowed aria-disabled:opacity-50 sm:min-h-10 @max-[24rem]:gap-1.5 @max-[24rem]:px-2.5';

export const PRIMARY = `${BUTTON} bg-red-700 text-white hover:bg-red-800 aria-disabled:hover:bg-red-700 dark:bg-red-400 dark:text-zinc-950 dark:hover:bg-red-300 dark:aria-disabled:hover:bg-red-400`;

export const SECONDARY = `${BUTTON} border border-(--border-strong) bg-(--page-bg) text-(--page-fg) hover:bg-(--surface-strong) aria-disabled:hover:bg-(--page-bg)`;

export const SMALL =
  'inline-flex min-h-9 items-center justify-center gap-1.5 rounded-md border border-(--border-strong) bg-(--page-bg) px-3 py-1 text-sm font-medium text-(--page-fg) transition-colors hover:bg-(--surface-strong)';
