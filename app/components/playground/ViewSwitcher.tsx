'use client';

export interface ViewOption {
  id: string;
  label: string;
  /** A longer description (title and accessible description). */
  title?: string;
  disabled?: boolean;
}

/** Code, a diff against another variant, the learner's changes: toggle buttons, one pressed. */
export default function ViewSwitcher({
  options,
  value,
  onChange,
}: {
  options: readonly ViewOption[];
  value: string;
  onChange(id: string): void;
}) {
  if (options.length < 2) return null;
  return (
    <div role="group" aria-label="Show" className="flex shrink-0 flex-wrap items-center gap-1 py-1">
      {options.map((option) => {
        const pressed = option.id === value;
        return (
          <button
            key={option.id}
            type="button"
            aria-pressed={pressed}
            aria-disabled={option.disabled || undefined}
            title={option.title}
            data-view={option.id}
            onClick={() => {
              if (!option.disabled) onChange(option.id);
            }}
            className={`min-h-8 rounded-md px-2.5 py-1 text-xs font-medium transition-colors aria-disabled:cursor-not-allowed aria-disabled:opacity-50 ${
              pressed
                ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900'
                : 'text-(--muted-fg) hover:bg-(--surface-strong) hover:text-(--page-fg)'
            }`}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
