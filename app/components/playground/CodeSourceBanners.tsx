'use client';

import Banner from './Banner';
import { SMALL } from './buttons';

/**
 * Where the code on show came from, when it is not simply the learner's own: a
 * shared link (keep it, or go back), code set aside (restore it), a link that
 * could not be opened. Choosing drops the link from the address (`#blockId`).
 */
export default function CodeSourceBanners({
  blockId,
  linkError,
  shared,
  what,
  backLabel,
  onKeep,
  onDrop,
  backup,
  onRestore,
}: {
  blockId: string;
  linkError: string | null;
  /** Code from a shared link is on show. */
  shared: boolean;
  /** What came in the link, and what was set aside: "code", "a program". */
  what: { shared: string; backup: string };
  backLabel: string;
  onKeep(): void;
  onDrop(): void;
  /** The learner's own code was set aside (and can be restored). */
  backup: boolean;
  onRestore(): void;
}) {
  if (!shared && !backup && !linkError) return null;
  const choose = (action: () => void) => () => {
    action();
    history.replaceState(null, '', `#${blockId}`);
  };
  return (
    <div className="space-y-2 border-t border-(--border) px-3 py-3 sm:px-4">
      {linkError && (
        <Banner tone="error" alert testId="share-error">
          This link’s code could not be opened: {linkError} The playground shows your own code.
        </Banner>
      )}
      {shared && (
        <Banner
          tone="info"
          testId="shared-banner"
          actions={
            <>
              <button type="button" className={SMALL} onClick={choose(onKeep)}>
                Keep this code
              </button>
              <button type="button" className={SMALL} onClick={choose(onDrop)}>
                {backLabel}
              </button>
            </>
          }
        >
          You are looking at {what.shared} from a shared link. It is not saved, and your own code is kept, until you choose.
        </Banner>
      )}
      {backup && (
        <Banner
          tone="info"
          testId="backup-banner"
          actions={
            <button type="button" className={SMALL} onClick={onRestore}>
              Restore my code
            </button>
          }
        >
          {what.backup}
        </Banner>
      )}
    </div>
  );
}
