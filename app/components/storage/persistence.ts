/**
 * Whether this page may keep things in the browser's storage (progress,
 * saved edits). An embed may not: it runs inside someone else's page, where
 * our storage is third-party storage — partitioned or blocked by browsers, and
 * nothing a reader of another site agreed to. There, stores keep their data in
 * memory for the page, and edited code lives in the share link (URL hash).
 */

let persistent = true;

/** Called once by the embed before anything renders; there is no way back on that page. */
export function keepNothingInStorage() {
  persistent = false;
}

export function storageAllowed(): boolean {
  return persistent;
}
