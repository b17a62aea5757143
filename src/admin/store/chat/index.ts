/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import reducer from './reducer';
import * as actions from './actions';
import * as conversationActions from './conversation-actions';
import * as settingsActions from './settings-actions';
import * as selectors from './selectors';
import * as resolvers from './resolvers';

/** Name of the chat store. */
export const STORE_NAME = 'livedesk/chat';

/**
 * The `livedesk/chat` store: conversations, messages, the agent's outbox,
 * typing and read receipts, fed by the live connection (startChat) and the
 * REST API, plus the chat settings.
 */
export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions: { ...actions, ...conversationActions, ...settingsActions },
	selectors,
	resolvers,
} );

register( store );
