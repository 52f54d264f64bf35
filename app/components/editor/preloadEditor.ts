import { preinitModule, preload, preloadModule } from 'react-dom';
import { BASE } from './loadMonaco';

/**
 * For a page with a code editor, rendered on the server: its <head> asks for Monaco's
 * code, styles and type definitions right away (from this site's /vendor/monaco), so
 * they arrive while the page itself loads instead of after the playground hydrates.
 * A module preload also compiles editor.js off the main thread. React sends each hint once.
 */
export function preloadEditorAssets() {
  preloadModule(`${BASE}/editor.js`, { as: 'script' });
  // Runs editor.js at once when a playground is on the first screen (scripts/vendor/boot.js).
  preinitModule(`${BASE}/boot.js`, { as: 'script' });
  preload(`${BASE}/editor.css`, { as: 'style' });
  // fetch() in loadMonaco is a same-origin CORS request: the preload must be one too to be reused.
  // Keep it: types that come after the TypeScript worker has started make Monaco start it again
  // (a second 7 MB compile, and the first worker's fetch left hanging).
  preload(`${BASE}/types.json`, { as: 'fetch', crossOrigin: 'anonymous' });
}
