/**
 * External dependencies
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import ConversationPane from '..';
import type { ConversationPaneProps } from '../types';
import { conversation, message } from '../../../store/chat/test/fixtures';

function pending( state: 'queued' | 'sending' | 'failed', error = false ) {
	return {
		kind: 'pending' as const,
		item: {
			client_id: `pending-${ state }`,
			conversation_id: 'a'.repeat( 32 ),
			body: `Pending ${ state }`,
			queued_at: '',
			state,
			attempts: 1,
			error: error
				? { code: 'archived', message: 'It was archived.' }
				: null,
		},
	};
}

function setUp( props: Partial< ConversationPaneProps > = {} ) {
	const handlers = {
		onSend: jest.fn(),
		onTyping: jest.fn(),
		onRetry: jest.fn(),
		onDiscard: jest.fn(),
		onReloadMessages: jest.fn(),
	};
	render(
		<ConversationPane
			conversation={ conversation() }
			label="Visitor 3"
			thread={ [
				{
					kind: 'message',
					message: message( 1, { body: 'Hi\nthere <b>x</b>' } ),
				},
				{
					kind: 'message',
					message: message( 2, {
						author: 'agent',
						agent_id: 8,
						agent_name: 'Bo',
					} ),
				},
				{
					kind: 'message',
					message: message( 3, {
						author: 'system',
						body: 'Conversation archived',
					} ),
				},
				pending( 'sending' ),
				pending( 'failed', true ),
			] }
			messages={ { list: [], status: 'ready', error: null } }
			typing={ [ { author: 'visitor', name: '', at: 1 } ] }
			reads={ { visitor: 0, agent: 0 } }
			canChat
			offline={ false }
			userId={ 7 }
			{ ...handlers }
			{ ...props }
		/>
	);
	return handlers;
}

describe( 'ConversationPane', () => {
	it( 'shows messages as text with authors and delivery states, in a live region', () => {
		setUp();
		const log = screen.getByRole( 'log', { name: 'Messages' } );
		expect( log ).toHaveAttribute( 'aria-live', 'polite' );
		expect(
			within( log ).getByText( /Hi\s+there <b>x<\/b>/ )
		).toBeInTheDocument();
		expect( log.querySelector( 'b' ) ).toBeNull();
		expect( within( log ).getByText( 'Bo' ) ).toBeInTheDocument();
		expect( within( log ).getByText( 'Delivered' ) ).toBeInTheDocument();
		expect(
			within( log ).getByText( 'Conversation archived' )
		).toBeInTheDocument();
		expect( within( log ).getByText( 'Sending…' ) ).toBeInTheDocument();
		expect( within( log ).getByText( 'Not sent' ) ).toBeInTheDocument();
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Visitor 3 is typing…'
		);
	} );

	it( 'offers Retry and Discard for a refused message', async () => {
		const user = userEvent.setup();
		const { onRetry, onDiscard } = setUp();
		expect( screen.getByText( 'It was archived.' ) ).toBeInTheDocument();
		await user.click( screen.getByRole( 'button', { name: 'Retry' } ) );
		expect( onRetry ).toHaveBeenCalledWith( 'pending-failed' );
		await user.click( screen.getByRole( 'button', { name: 'Discard' } ) );
		expect( onDiscard ).toHaveBeenCalledWith( 'pending-failed' );
	} );

	it( 'marks the agent’s messages seen once the visitor read them', () => {
		setUp( { reads: { visitor: 2, agent: 0 } } );
		expect( screen.getByText( 'Seen' ) ).toBeInTheDocument();
	} );

	it( 'closes replies on an archived conversation', () => {
		setUp( {
			conversation: conversation( undefined, {
				status: 'archived',
				archived_at: '2026-11-21T10:00:00.000Z',
			} ),
		} );
		expect(
			screen.getByText( /archived on .*Replies are closed/ )
		).toBeInTheDocument();
		expect( screen.queryByRole( 'textbox', { name: 'Reply' } ) ).toBeNull();
	} );

	it( 'has no reply box without livedesk_chat', () => {
		setUp( { canChat: false } );
		expect( screen.queryByRole( 'textbox', { name: 'Reply' } ) ).toBeNull();
	} );

	it( 'says replies go through WordPress while the live connection is down', () => {
		setUp( { offline: true } );
		expect(
			screen.getByText( /replies are sent through WordPress/ )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'textbox', { name: 'Reply' } )
		).toBeEnabled();
	} );

	it( 'offers to load the messages again after a failure', async () => {
		const user = userEvent.setup();
		const { onReloadMessages } = setUp( {
			thread: [],
			messages: {
				list: [],
				status: 'error',
				error: {
					code: 'x',
					message: 'Nope.',
					status: 500,
					details: [],
				},
			},
		} );
		await user.click( screen.getByRole( 'button', { name: 'Try again' } ) );
		expect( onReloadMessages ).toHaveBeenCalled();
	} );
} );
