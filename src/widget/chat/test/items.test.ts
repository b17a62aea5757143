/**
 * Internal dependencies
 */
import {
	ARCHIVED_MESSAGE_BODY,
	ARCHIVED_MESSAGE_CLIENT_ID,
} from '../../../protocol';
import { buildItems } from '../items';
import { DEFAULT_STRINGS } from '../strings';
import { message } from './fixtures';

function items( messages: Parameters< typeof message >[] ) {
	return buildItems( {
		messages: messages.map( ( args ) => message( ...args ) ),
		outbox: [],
		refused: [],
		ended: [],
		seenUpTo: 0,
		outboxState: () => 'sending',
		strings: {
			...DEFAULT_STRINGS,
			conversation_ended: 'Discussion terminée',
		},
		time: () => '10:30',
	} );
}

describe( 'buildItems', () => {
	it( 'gives system notes no author, and the archive note in the visitor’s words', () => {
		const [ agent, archived, other ] = items( [
			[ 1, { agent_name: '' } ],
			[
				2,
				{
					author: 'system',
					agent_name: '',
					client_id: ARCHIVED_MESSAGE_CLIENT_ID,
					body: ARCHIVED_MESSAGE_BODY,
				},
			],
			[ 3, { author: 'system', client_id: 'system-x', body: 'Note' } ],
		] );
		expect( agent ).toMatchObject( {
			name: DEFAULT_STRINGS.agent_fallback_name,
		} );
		expect( archived ).toMatchObject( {
			author: 'system',
			name: '',
			body: 'Discussion terminée',
		} );
		expect( other ).toMatchObject( { name: '', body: 'Note' } );
	} );
} );
