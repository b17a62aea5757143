/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import reducer from './reducer';
import * as actions from './actions';
import * as selectors from './selectors';

/** Name of the presence store. */
export const STORE_NAME = 'livedesk/presence';

/** The `livedesk/presence` store: who is on the site now, pushed by the sidecar. */
export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
} );

register( store );
