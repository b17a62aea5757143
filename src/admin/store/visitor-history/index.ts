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
import * as resolvers from './resolvers';

/** Name of the visitor history store. */
export const STORE_NAME = 'livedesk/visitor-history';

/**
 * The `livedesk/visitor-history` store: each visitor's stored profile and
 * last pages from `GET livedesk/v1/visitors/{id}`, loaded on first select and
 * cached per id.
 */
export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );
