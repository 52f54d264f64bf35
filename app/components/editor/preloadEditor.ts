import { preinitModule, preload, preloadModule } from 'react-dom';
import { BASE } from './loadMonaco';

/**
 * For a page with a code editor, rendered on the server: its <head> asks for Monaco's
 * code and styles right away (from this site's /vendor/monaco), so they arrive while the
 * page itself loads instead of after the playground hydrates. A module preload also
 * compiles editor.js off the main thread. React sends each hint once.
 * Not the type definitions (types.json, 2 MB): the editor takes keys without them, and
 * asked for here they held one of the browser's six connections to the site while the
 * page's own scripts, which the block needs to come alive, waited for one; loadMonaco
 * fetches them beside the editor.
 */
export function preloadEditorAssets() {
  preloadModule(`${BASE}/editor.js`, { as: 'script' });
  // Runs editor.js at once when a playground is on the first screen (scripts/vendor/boot.js).
  preinitModule(`${BASE}/boot.js`, { as: 'script' });
  preload(`${BASE}/editor.css`, { as: 'style' });
}
