/**
 * Internal dependencies
 */
import { handleNotice } from '../notices';
import {
	pageHasAttention,
	playBeep,
	showDesktopNotification,
} from '../../lib/notifications';
import {
	CONV_A,
	conversation,
	message,
} from '../../../store/chat/test/fixtures';

jest.mock( '../../lib/notifications', () => ( {
	pageHasAttention: jest.fn(),
	playBeep: jest.fn(),
	showDesktopNotification: jest.fn(),
} ) );

const attention = pageHasAttention as jest.Mock;

function context( selectedId: string | null = null ) {
	return { selectedId, labelOf: () => 'Visitor 3', select: jest.fn() };
}

describe( 'handleNotice', () => {
	beforeEach( () => jest.clearAllMocks() );

	it( 'stays quiet when the agent is looking at that conversation', () => {
		attention.mockReturnValue( true );
		handleNotice(
			{ kind: 'message', message: message( 1 ), conversation: null },
			context( CONV_A )
		);
		expect( playBeep ).not.toHaveBeenCalled();
	} );

	it( 'beeps for another conversation, without a desktop notification while the page is in front', () => {
		attention.mockReturnValue( true );
		handleNotice(
			{ kind: 'conversation', conversation: conversation() },
			context( null )
		);
		expect( playBeep ).toHaveBeenCalled();
		expect( showDesktopNotification ).not.toHaveBeenCalled();
	} );

	it( 'shows a desktop notification while the page is in the background; a click opens the chat', () => {
		attention.mockReturnValue( false );
		const ctx = context( CONV_A );
		handleNotice(
			{
				kind: 'message',
				message: message( 1, { body: 'Is it in stock?' } ),
				conversation: conversation(),
			},
			ctx
		);
		expect( playBeep ).toHaveBeenCalled();
		expect( showDesktopNotification ).toHaveBeenCalledWith(
			'New message from Visitor 3',
			'Is it in stock?',
			`livedesk-${ CONV_A }`,
			expect.any( Function )
		);
		( showDesktopNotification as jest.Mock ).mock.calls[ 0 ][ 3 ]();
		expect( ctx.select ).toHaveBeenCalledWith( CONV_A );
	} );
} );
