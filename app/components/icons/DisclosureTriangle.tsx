/** The ▸ of a <details> summary; turns to ▾ when its `group` (the <details>) is open. */
export default function DisclosureTriangle() {
  return (
    <svg
      viewBox="0 0 16 16"
      width="12"
      height="12"
      aria-hidden="true"
      focusable="false"
      fill="currentColor"
      className="shrink-0 transition-transform group-open:rotate-90"
    >
      <path d="M5 3l6 5-6 5z" />
    </svg>
  );
}
