const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]';

/**
 * Moves focus to the next (or previous) element the Tab key would reach
 * outside `container` — how "Escape, then Tab" leaves the code editor, which
 * otherwise keeps Tab for indenting.
 */
export function focusOutside(container: HTMLElement, backwards: boolean): boolean {
  const candidates = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) =>
      element.tabIndex >= 0 &&
      !container.contains(element) &&
      (element.checkVisibility?.({ visibilityProperty: true }) ?? element.getClientRects().length > 0),
  );
  const target = backwards
    ? candidates.filter((element) => element.compareDocumentPosition(container) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1)
    : candidates.find((element) => container.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
  if (!target) return false;
  target.focus();
  return true;
}
