/**
 * Internal dependencies
 */
import { readTarget, visitorChatUrl, withConversation } from '../url';

const ID = 'a'.repeat( 32 );

describe( 'Live Chat address', () => {
	it( 'reads a conversation or a visitor, ignoring malformed ids', () => {
		expect( readTarget( `?page=livedesk&conversation=${ ID }` ) ).toEqual( {
			conversation: ID,
			visitor: null,
		} );
		expect( readTarget( `?page=livedesk&visitor=${ ID }` ) ).toEqual( {
			conversation: null,
			visitor: ID,
		} );
		expect(
			readTarget( '?conversation=1%27%20OR%201=1&visitor=<script>' )
		).toEqual( { conversation: null, visitor: null } );
	} );

	it( 'writes the selected conversation, keeping the page', () => {
		expect(
			withConversation(
				`https://shop.example/wp-admin/admin.php?page=livedesk&visitor=${ ID }`,
				ID
			)
		).toBe(
			`https://shop.example/wp-admin/admin.php?page=livedesk&conversation=${ ID }`
		);
		expect(
			withConversation(
				`https://shop.example/wp-admin/admin.php?page=livedesk&conversation=${ ID }`,
				null
			)
		).toBe( 'https://shop.example/wp-admin/admin.php?page=livedesk' );
	} );

	it( 'links to a visitor’s chat from another screen', () => {
		expect(
			visitorChatUrl(
				'https://shop.example/wp-admin/admin.php?page=livedesk',
				ID
			)
		).toBe(
			`https://shop.example/wp-admin/admin.php?page=livedesk&visitor=${ ID }`
		);
	} );
} );
