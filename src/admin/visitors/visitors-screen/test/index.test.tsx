/**
 * External dependencies
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { dispatch } from '@wordpress/data';

/**
 * Internal dependencies
 */
import VisitorsScreen from '..';
import type { PresenceVisitor } from '../../../../protocol';
import { store as presenceStore } from '../../../store/presence';
import { store as settingsStore } from '../../../store/settings';
import { XSS_TITLE, makeVisitor } from '../../lib/test/fixtures';

jest.mock( '@wordpress/api-fetch' );
// The map is tested on its own; here it only shows what it was given.
jest.mock( '../../components/visitor-map', () => ( {
	__esModule: true,
	default: ( props: { visitors: readonly PresenceVisitor[] } ) => (
		<p data-testid="map">{ `${ props.visitors.length } on the map` }</p>
	),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

function settings( tracking: boolean ) {
	return {
		delete_data_on_uninstall: false,
		sidecar_url: '',
		effective_sidecar_url: 'https://shop.example/livedesk-sidecar/',
		tracking,
		consent_mode: false,
		ip_mode: 'anonymised' as const,
		visitor_cap: 500,
		trusted_proxies: [ '127.0.0.1', '::1' ],
	};
}

function snapshot( visitors: PresenceVisitor[], tracking = true ) {
	act( () => {
		dispatch( presenceStore ).receiveSnapshot( {
			visitors,
			counts: {
				live: visitors.length,
				online: visitors.length,
				chatting: 0,
				offline: 0,
				overCap: 0,
				cap: 500,
				tracking,
			},
			serverTime: Date.now(),
		} );
	} );
}

const noLive = () => () => undefined;

describe( 'VisitorsScreen', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'starts the live connection and stops it when it goes away', () => {
		mockApiFetch.mockResolvedValue( settings( true ) );
		const stop = jest.fn();
		const start = jest.fn( () => stop );
		const { unmount } = render( <VisitorsScreen startLive={ start } /> );
		expect(
			screen.getByRole( 'heading', { level: 1, name: 'Visitors' } )
		).toBeInTheDocument();
		expect( start ).toHaveBeenCalledTimes( 1 );
		unmount();
		expect( stop ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'lists the visitors, shows titles as text, and filters list and map together', async () => {
		mockApiFetch.mockResolvedValue( settings( true ) );
		render( <VisitorsScreen startLive={ noLive } /> );
		snapshot( [
			makeVisitor( {
				id: 'a'.repeat( 32 ),
				number: 1,
				geo: { city: 'Paris', country: 'FR' },
				page: { path: '/x', title: XSS_TITLE, since: Date.now() },
			} ),
			makeVisitor( {
				id: 'b'.repeat( 32 ),
				number: 2,
				geo: { city: 'Lyon', country: 'FR' },
			} ),
		] );
		expect( await screen.findByText( XSS_TITLE ) ).toBeInTheDocument();
		expect( document.querySelector( 'img' ) ).toBeNull();
		expect( screen.getByTestId( 'map' ) ).toHaveTextContent(
			'2 on the map'
		);
		await userEvent.type(
			screen.getByRole( 'searchbox', { name: /Filter visitors/ } ),
			'lyon'
		);
		await waitFor( () =>
			expect( screen.getByTestId( 'map' ) ).toHaveTextContent(
				'1 on the map'
			)
		);
		expect( screen.queryByText( XSS_TITLE ) ).not.toBeInTheDocument();
	} );

	it( 'explains an empty map when tracking is off', async () => {
		mockApiFetch.mockResolvedValue( settings( false ) );
		render( <VisitorsScreen startLive={ noLive } /> );
		// The settings may already be loaded by an earlier test.
		act( () => {
			dispatch( settingsStore ).receiveSettings( settings( false ) );
		} );
		snapshot( [], false );
		expect(
			await screen.findByRole( 'heading', { name: 'Tracking is off' } )
		).toBeInTheDocument();
	} );

	it( 'follows tracking turned off and on while it is open, without a reload', async () => {
		mockApiFetch.mockResolvedValue( settings( true ) );
		act( () => {
			dispatch( settingsStore ).receiveSettings( settings( true ) );
		} );
		render( <VisitorsScreen startLive={ noLive } /> );
		snapshot( [] );
		expect(
			await screen.findByText( /Nobody is on your site right now/ )
		).toBeInTheDocument();
		// The sidecar read the new setting: its next totals say so.
		snapshot( [], false );
		expect(
			await screen.findByRole( 'heading', { name: 'Tracking is off' } )
		).toBeInTheDocument();
		snapshot( [] );
		expect(
			await screen.findByText( /Nobody is on your site right now/ )
		).toBeInTheDocument();
	} );

	it( 'trusts freshly loaded settings over a snapshot that has not caught up', async () => {
		mockApiFetch.mockResolvedValue( settings( false ) );
		act( () => {
			dispatch( settingsStore ).receiveSettings( settings( false ) );
		} );
		render( <VisitorsScreen startLive={ noLive } /> );
		// The sidecar re-reads settings every 2 s: its first word is old.
		snapshot( [ makeVisitor( { id: 'c'.repeat( 32 ), number: 3 } ) ] );
		expect(
			await screen.findByRole( 'heading', { name: 'Tracking is off' } )
		).toBeInTheDocument();
		expect( screen.queryByTestId( 'map' ) ).not.toBeInTheDocument();
		// Then it catches up, and later follows a change made elsewhere.
		snapshot( [], false );
		expect(
			screen.getByRole( 'heading', { name: 'Tracking is off' } )
		).toBeInTheDocument();
		snapshot( [] );
		expect(
			await screen.findByText( /Nobody is on your site right now/ )
		).toBeInTheDocument();
	} );
} );
