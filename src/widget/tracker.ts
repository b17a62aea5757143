/**
 * The tracker every public page loads (webpack entry `widget-tracker`, ≤ 3 KB
 * gzipped, no WordPress script dependencies). It reads the plugin's
 * `window.livedeskTracker` and, when present, reports this tab's pages to the
 * sidecar; see boot.ts and tracking.ts.
 */

/**
 * Internal dependencies
 */
import { boot } from './boot';

boot( window );
