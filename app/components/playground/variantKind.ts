/**
 * Broken and fixed variants say which they are in words (and an icon), from
 * the variant id: the ❌ / ✅ a label may start with needs an emoji font, and
 * the rest of the label ("Both sockets in one process") does not say it.
 */
export type VariantKind = 'broken' | 'fixed';

export const KIND_NAMES: Record<VariantKind, string> = { broken: 'Broken', fixed: 'Fixed' };

export function variantKind(id: string): VariantKind | null {
  return id === 'broken' || id === 'fixed' ? id : null;
}

/** Emoji (with their variation selectors and joiners) at the start of a label, and the space after. */
const LEADING_EMOJI = /^(?:[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F\u200D]+\s*)+/u;

export function stripLeadingEmoji(label: string): string {
  return label.replace(LEADING_EMOJI, '');
}

/**
 * A variant's label as shown: "❌ The client receives first" becomes "Broken: the
 * client receives first", as starters read "Starter: …". An ordinary first word
 * is lower-cased after the colon; names (REQ, PUB/SUB, curveKeyPair) are kept.
 */
export function variantLabel(variant: { id: string; label: string }): string {
  const plain = stripLeadingEmoji(variant.label).trim();
  const kind = variantKind(variant.id);
  if (!kind) return plain || variant.label;
  const name = KIND_NAMES[kind];
  if (!plain) return name;
  if (plain.toLowerCase().startsWith(`${name.toLowerCase()}:`)) return plain;
  const rest = /^\p{Lu}[\p{Ll}-]*(?:\s|$)/u.test(plain) ? plain[0]!.toLowerCase() + plain.slice(1) : plain;
  return `${name}: ${rest}`;
}
