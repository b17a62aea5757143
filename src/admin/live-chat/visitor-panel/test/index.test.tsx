/**
 * External dependencies
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import VisitorPanel from '..';
import type { VisitorPanelProps } from '../types';
import { conversation } from '../../../store/chat/test/fixtures';
import { visitor } from '../../../store/presence/test/fixtures';

const NOW = Date.parse( '2026-11-21T12:00:00.000Z' );

function setUp( props: Partial< VisitorPanelProps > = {} ) {
	const onArchive = jest.fn();
	const onAssign = jest.fn();
	render(
		<VisitorPanel
			conversation={ conversation( undefined, {
				name: 'Ada',
				email: 'ada@example.com',
				custom_data: {
					plan: 'Pro',
					'<b>key</b>': '<img src=x onerror=alert(1)>',
				},
				visitor: {
					...conversation().visitor,
					pages: [
						{ path: '/pricing', title: 'Pricing', viewed_at: '' },
						{ path: '/', title: '', viewed_at: '' },
					],
				},
			} ) }
			visitor={ null }
			label="Ada"
			canChat
			userId={ 7 }
			action={ null }
			onArchive={ onArchive }
			onAssign={ onAssign }
			now={ NOW }
			{ ...props }
		/>
	);
	return { onArchive, onAssign };
}

describe( 'VisitorPanel', () => {
	it( 'shows the visitor, custom data and last pages as text', () => {
		setUp();
		expect( screen.getByText( 'ada@example.com' ) ).toBeInTheDocument();
		expect(
			screen.getByText( 'Identity not verified' )
		).toBeInTheDocument();
		expect( screen.queryByText( 'Verified identity' ) ).toBeNull();
		expect( screen.getByText( 'Pro' ) ).toBeInTheDocument();
		expect(
			screen.getByText( '<img src=x onerror=alert(1)>' )
		).toBeInTheDocument();
		expect( document.querySelector( 'img' ) ).toBeNull();
		const pages = screen.getByRole( 'list' );
		expect( within( pages ).getByText( 'Pricing' ) ).toBeInTheDocument();
		expect( within( pages ).getByText( '/pricing' ) ).toBeInTheDocument();
		expect( screen.getByText( 'Not on the site' ) ).toBeInTheDocument();
	} );

	it( 'shows the verified badge only for a verified identity', () => {
		setUp( {
			conversation: conversation( undefined, {
				verified: true,
				identity_id: 'customer-42',
			} ),
		} );
		expect( screen.getByText( 'Verified identity' ) ).toBeInTheDocument();
		expect( screen.getByText( 'customer-42' ) ).toBeInTheDocument();
	} );

	it( 'opens the details popover with IP, location, time zone and browser', async () => {
		const user = userEvent.setup();
		setUp( {
			visitor: { ...visitor( 'f'.repeat( 32 ), 1 ), status: 'online' },
		} );
		expect( screen.getByText( 'Online' ) ).toBeInTheDocument();
		await user.click(
			screen.getByRole( 'button', { name: 'Visitor details' } )
		);
		expect( screen.getByText( '203.0.113.0' ) ).toBeInTheDocument();
		expect(
			screen.getByText( 'Lyon, Auvergne-Rhône-Alpes, France' )
		).toBeInTheDocument();
		expect( screen.getByText( /^Europe\/Paris · / ) ).toBeInTheDocument();
		expect( screen.getByText( 'Firefox' ) ).toBeInTheDocument();
		expect( screen.getByText( 'Desktop' ) ).toBeInTheDocument();
	} );

	it( 'archives only after confirmation', async () => {
		const user = userEvent.setup();
		const { onArchive } = setUp();
		await user.click( screen.getByRole( 'button', { name: 'Archive' } ) );
		const dialog = screen.getByRole( 'dialog' );
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Cancel' } )
		);
		expect( onArchive ).not.toHaveBeenCalled();
		await user.click( screen.getByRole( 'button', { name: 'Archive' } ) );
		await user.click(
			within( screen.getByRole( 'dialog' ) ).getByRole( 'button', {
				name: 'Archive',
			} )
		);
		expect( onArchive ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'assigns to me, or unassigns when it is mine', async () => {
		const user = userEvent.setup();
		const { onAssign } = setUp( {
			conversation: conversation( undefined, { assigned_agent_id: 7 } ),
		} );
		await user.click(
			screen.getByRole( 'button', { name: 'Unassign me' } )
		);
		expect( onAssign ).toHaveBeenCalledWith( null );
	} );

	it( 'has no buttons for an agent without livedesk_chat or an archived chat', () => {
		setUp( { canChat: false } );
		expect(
			screen.queryByRole( 'button', { name: 'Archive' } )
		).toBeNull();
		expect(
			screen.queryByRole( 'button', { name: 'Assign to me' } )
		).toBeNull();
	} );

	it( 'says why an action failed', () => {
		setUp( {
			action: {
				status: 'error',
				action: 'archive',
				error: {
					code: 'forbidden',
					message: 'Not allowed.',
					status: 403,
					details: [],
				},
			},
		} );
		expect(
			screen.getByText(
				/The conversation was not archived\. Not allowed\./,
				{
					ignore: '.a11y-speak-region',
				}
			)
		).toBeInTheDocument();
	} );
} );
