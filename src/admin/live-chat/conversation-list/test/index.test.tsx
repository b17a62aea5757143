/**
 * External dependencies
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import ConversationList from '..';
import type { ConversationListProps } from '../types';
import {
	CONV_A,
	CONV_B,
	conversation,
} from '../../../store/chat/test/fixtures';

const NOW = Date.parse( '2026-11-21T12:00:00.000Z' );

function setUp( props: Partial< ConversationListProps > = {} ) {
	const handlers = {
		onStatusChange: jest.fn(),
		onSearchChange: jest.fn(),
		onSelect: jest.fn(),
		onLoadMore: jest.fn(),
		onRetry: jest.fn(),
	};
	render(
		<ConversationList
			status="open"
			search=""
			conversations={ [
				conversation( CONV_A, {
					name: 'Ada',
					unread_count: 1,
					last_message: {
						id: 1,
						author: 'agent',
						body: 'Hello Ada',
						created_at: '',
					},
				} ),
				conversation( CONV_B, { source: 'playground' } ),
			] }
			list={ {
				ids: [],
				page: 1,
				hasMore: true,
				status: 'ready',
				error: null,
			} }
			unreadTotal={ 1 }
			selectedId={ CONV_B }
			labelOf={ ( c ) => c.name || 'Test chat' }
			typingIn={ new Set() }
			now={ NOW }
			{ ...handlers }
			{ ...props }
		/>
	);
	return handlers;
}

describe( 'ConversationList', () => {
	it( 'shows each conversation with its state and marks the selected one', () => {
		setUp();
		const items = within(
			screen.getByRole( 'list', { name: 'Open' } )
		).getAllByRole( 'button' );
		expect( items[ 0 ] ).toHaveTextContent( 'Ada' );
		expect( items[ 0 ] ).toHaveTextContent( 'Agent: Hello Ada' );
		expect( items[ 0 ] ).not.toHaveAttribute( 'aria-current' );
		expect( items[ 1 ] ).toHaveTextContent( 'Playground' );
		expect( items[ 1 ] ).toHaveTextContent( 'No messages yet' );
		expect( items[ 1 ] ).toHaveAttribute( 'aria-current', 'true' );
	} );

	it( 'switches tabs with a click or the arrow keys', async () => {
		const user = userEvent.setup();
		const { onStatusChange } = setUp();
		const open = screen.getByRole( 'tab', { name: /Open/ } );
		expect( open ).toHaveAttribute( 'aria-selected', 'true' );
		expect(
			within( open ).getByLabelText( '1 unread message' )
		).toBeInTheDocument();
		await user.click( screen.getByRole( 'tab', { name: 'Archived' } ) );
		expect( onStatusChange ).toHaveBeenLastCalledWith( 'archived' );
		open.focus();
		await user.keyboard( '{ArrowRight}' );
		expect( onStatusChange ).toHaveBeenLastCalledWith( 'archived' );
	} );

	it( 'passes the search on, selects, and loads more', async () => {
		const user = userEvent.setup();
		const { onSearchChange, onSelect, onLoadMore } = setUp();
		await user.type(
			screen.getByRole( 'searchbox', { name: 'Search conversations' } ),
			'a'
		);
		expect( onSearchChange ).toHaveBeenCalledWith( 'a' );
		await user.click( screen.getByRole( 'button', { name: /Ada/ } ) );
		expect( onSelect ).toHaveBeenCalledWith( CONV_A );
		await user.click(
			screen.getByRole( 'button', { name: 'Load older conversations' } )
		);
		expect( onLoadMore ).toHaveBeenCalled();
	} );

	it( 'explains an empty search and a failed load', async () => {
		const user = userEvent.setup();
		const { onRetry } = setUp( {
			conversations: [],
			search: 'zzz',
			list: {
				ids: [],
				page: 0,
				hasMore: false,
				status: 'error',
				error: {
					code: 'x',
					message: 'Server down.',
					status: 500,
					details: [],
				},
			},
		} );
		expect( screen.getAllByText( 'Server down.' ).length ).toBeGreaterThan(
			0
		);
		await user.click( screen.getByRole( 'button', { name: 'Try again' } ) );
		expect( onRetry ).toHaveBeenCalled();
	} );

	it( 'says when a search matches nothing', () => {
		setUp( { conversations: [], search: 'zzz' } );
		expect(
			screen.getByText( 'No conversations match your search.' )
		).toBeInTheDocument();
	} );
} );
