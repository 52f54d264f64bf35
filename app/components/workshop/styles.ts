/** Button and field styles of the workshop pages (the playground's, plus a few of their own). */
export { BUTTON, PRIMARY, SECONDARY, SMALL } from '../playground/buttons';

export const FIELD =
  'block w-full rounded-md border border-(--border-strong) bg-(--page-bg) px-3 py-2 text-base text-(--page-fg) placeholder:text-(--muted-fg) sm:text-sm';

export const LABEL = 'block text-sm font-semibold';

export const CARD = 'rounded-xl border border-(--border-strong) bg-(--page-bg) p-4 shadow-sm sm:p-6';

export const ERROR_TEXT = 'text-sm font-medium text-red-700 dark:text-red-300';
