/** The editor's keys, under a playground: Ctrl/⌘+Enter runs, and how Tab leaves the editor (armed after Esc). */
export default function EditorHint({ id, tabLeaves }: { id: string; tabLeaves: boolean }) {
  return (
    <p id={id} className="ml-auto hidden text-xs text-(--muted-fg) sm:block">
      <kbd className="kbd-other">Ctrl+Enter</kbd>
      <kbd className="kbd-mac">⌘+Enter</kbd> runs ·{' '}
      <span data-tab-hint={tabLeaves ? 'armed' : ''} className={tabLeaves ? 'font-semibold text-(--page-fg)' : ''}>
        {tabLeaves ? (
          <>
            now <kbd>Tab</kbd> leaves the editor
          </>
        ) : (
          <>
            <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor
          </>
        )}
      </span>
    </p>
  );
}
