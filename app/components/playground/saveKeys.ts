import type { KeyboardEvent } from 'react';

/** What Save (Ctrl/⌘+S, or the editor's action) says: edits are saved as typed, unless the code is a shared link's or storage is off. */
export function saveNotice(shared: boolean, storageFull: boolean): string {
  if (shared) return 'This is a shared link’s code: choose “Keep this code” to save it.';
  if (storageFull) return 'This browser would not save your edits (storage full or off): they last until you leave the page.';
  return 'Saved in this browser. Your edits are saved as you type.';
}

/** Ctrl/⌘+Enter runs and Ctrl/⌘+S saves anywhere in a playground — never the browser's "Save page" dialog. */
export function playgroundKeyDown(event: KeyboardEvent<HTMLElement>, actions: { run(): void; save(): void }) {
  if (event.defaultPrevented || !(event.ctrlKey || event.metaKey)) return;
  if (event.key === 'Enter') {
    event.preventDefault();
    actions.run();
  } else if (event.key === 's' || event.key === 'S') {
    event.preventDefault();
    actions.save();
  }
}
