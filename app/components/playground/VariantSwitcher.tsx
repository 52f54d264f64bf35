'use client';

import CheckCircleIcon from '../icons/CheckCircleIcon';
import CrossCircleIcon from '../icons/CrossCircleIcon';
import { variantKind } from './variantKind';

/**
 * Broken / fixed, starter / solution…: radio buttons styled as pills. A broken
 * or fixed variant has its icon beside its label, whose words say which it is
 * (variantLabel): no emoji font needed.
 */
export default function VariantSwitcher({
  name,
  variants,
  value,
  onChange,
}: {
  name: string;
  variants: readonly { id: string; label: string }[];
  value: string;
  onChange(id: string): void;
}) {
  return (
    <fieldset className="border-b border-(--border) px-3 py-2.5 sm:px-4">
      <legend className="sr-only">Variant</legend>
      <div className="flex flex-wrap gap-2">
        {variants.map((v) => {
          const kind = variantKind(v.id);
          return (
            <label
              key={v.id}
              data-kind={kind ?? undefined}
              className="relative inline-flex cursor-pointer items-center gap-1.5 rounded-full border border-(--border-strong) px-3 py-1 text-sm transition-colors select-none hover:bg-(--surface-strong) has-checked:border-zinc-900 has-checked:bg-zinc-900 has-checked:text-white has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-(--focus-ring) dark:has-checked:border-zinc-100 dark:has-checked:bg-zinc-100 dark:has-checked:text-zinc-900"
            >
              <input
                type="radio"
                name={name}
                value={v.id}
                checked={v.id === value}
                onChange={() => onChange(v.id)}
                // Invisible but covering the whole pill: a click or tap anywhere on it lands
                // on the radio itself, never on the icon drawn over a 1 px input.
                className="absolute inset-0 z-10 m-0 cursor-pointer appearance-none rounded-full opacity-0"
              />
              {kind === 'broken' && <CrossCircleIcon size={16} className="shrink-0" />}
              {kind === 'fixed' && <CheckCircleIcon size={16} className="shrink-0" />}
              <span>{v.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
