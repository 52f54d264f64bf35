/**
 * The embed's one inline script (app/embed/layout.tsx): hides the static page until the
 * playground has read an address that asks for another layout than the default (a variant,
 * a file, read-only, output only). Its text is also hashed into the site's script policy
 * (csp.ts), so it must stay a constant.
 */
export const EMBED_PENDING_SCRIPT = `if(/[?&](variant|file|output|readonly)=/.test(location.search))document.documentElement.dataset.embedPending=""`;
