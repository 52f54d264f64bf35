/**
 * The colour theme: a preference (light, dark or system) kept in localStorage,
 * applied as the class `dark` on <html>. The inline script from `themeScript()`
 * applies it before the first paint; this module keeps it applied afterwards.
 */

export type ThemePreference = 'light' | 'dark' | 'system';

export const THEME_KEY = 'zmq-playground.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function isPreference(value: unknown): value is ThemePreference {
  return value === 'light' || value === 'dark' || value === 'system';
}

export function readPreference(): ThemePreference {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return isPreference(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Sets the class and data attribute on <html> for a preference. */
export function applyTheme(preference: ThemePreference) {
  const dark = preference === 'dark' || (preference === 'system' && window.matchMedia(DARK_QUERY).matches);
  const root = document.documentElement;
  root.classList.toggle('dark', dark);
  root.dataset.theme = preference;
}

const listeners = new Set<() => void>();

export function setPreference(preference: ThemePreference) {
  try {
    if (preference === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, preference);
  } catch {
    // Storage off (private mode, policy): the choice lasts for this page only.
  }
  applyTheme(preference);
  for (const listener of listeners) listener();
}

/**
 * Subscribes to changes of the preference, from this tab or another one, and
 * keeps `system` following the operating system's setting live.
 */
export function subscribePreference(listener: () => void): () => void {
  listeners.add(listener);
  const media = window.matchMedia(DARK_QUERY);
  const onSystemChange = () => {
    if (readPreference() === 'system') applyTheme('system');
    listener();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_KEY && event.key !== null) return;
    applyTheme(readPreference());
    listener();
  };
  media.addEventListener('change', onSystemChange);
  window.addEventListener('storage', onStorage);
  // The system setting may have changed between the inline script and now (a slow hydration): catch up.
  if (readPreference() === 'system') applyTheme('system');
  return () => {
    listeners.delete(listener);
    media.removeEventListener('change', onSystemChange);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * The inline script for <head>: applies the stored theme (an embed's
 * `?theme=`) before the first paint, and marks Apple platforms so the search
 * shortcut shows ⌘K.
 */
export function themeScript(): string {
  // An embed (/embed/…) takes its theme from ?theme= and never reads the site's storage (it runs inside someone else's page).
  return `(function(){var d=document.documentElement,t,e=/^\\/embed\\//.test(location.pathname);if(e){t=new URLSearchParams(location.search).get("theme");if(t==="auto")t="system"}else{try{t=localStorage.getItem(${JSON.stringify(THEME_KEY)})}catch(e){}}if(t!=="light"&&t!=="dark")t="system";var k=t==="dark"||(t==="system"&&window.matchMedia&&matchMedia(${JSON.stringify(DARK_QUERY)}).matches);d.classList.toggle("dark",k);d.dataset.theme=t;if(/Mac|iPhone|iPad|iPod/.test(navigator.platform||navigator.userAgent||""))d.dataset.platform="mac"})()`;
}
