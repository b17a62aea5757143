/**
 * The drawer's stored history against a server that, like the real one,
 * stores a page view only a moment after the visitor viewed it (the sidecar
 * batches its writes): what the drawer shows must catch up by itself.
 */

/**
 * External dependencies
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
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
import { makeVisitor } from '../../lib/test/fixtures';

jest.mock( '@wordpress/api-fetch' );
jest.mock( '../../components/visitor-map', () => ( {
	__esModule: true,
	default: () => null,
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

/** How long after a view the fake server has stored it. */
const STORE_DELAY_MS = 1000;

const SETTINGS = {
	delete_data_on_uninstall: false,
	sidecar_url: '',
	effective_sidecar_url: 'https://shop.example/livedesk-sidecar/',
	tracking: true,
	consent_mode: false,
	ip_mode: 'anonymised',
	visitor_cap: 500,
	trusted_proxies: [ '127.0.0.1', '::1' ],
};

const noLive = () => () => undefined;

interface View {
	path: string;
	title: string;
	at: number;
}

/**
 * A fake REST API holding the views of one visitor, each stored
 * STORE_DELAY_MS after it happened.
 *
 * @param id    The visitor id.
 * @param views What the visitor viewed, oldest first.
 */
function serve( id: string, views: View[] ) {
	const historyCalls: number[] = [];
	mockApiFetch.mockImplementation( ( { path }: { path: string } ) => {
		if ( ! path.endsWith( `/visitors/${ id }` ) ) {
			return Promise.resolve( SETTINGS );
		}
		historyCalls.push( Date.now() );
		const stored = views.filter(
			( view ) => view.at + STORE_DELAY_MS <= Date.now()
		);
		if ( stored.length === 0 ) {
			return Promise.reject( {
				code: 'livedesk_visitor_not_found',
				message: 'No visitor with this id is stored.',
				data: { status: 404 },
			} );
		}
		return Promise.resolve( {
			id,
			first_seen: new Date( stored[ 0 ]?.at ?? 0 ).toISOString(),
			last_seen: new Date( Date.now() ).toISOString(),
			visit_count: 1,
			pages: stored
				.map( ( view ) => ( {
					path: view.path,
					title: view.title,
					viewed_at: new Date( view.at ).toISOString(),
				} ) )
				.reverse(),
		} );
	} );
	return historyCalls;
}

function live( visitor: PresenceVisitor ) {
	act( () => {
		dispatch( presenceStore ).receiveSnapshot( {
			visitors: [ visitor ],
			counts: {
				live: 1,
				online: 1,
				chatting: 0,
				offline: 0,
				overCap: 0,
				cap: 500,
				tracking: true,
			},
			serverTime: Date.now(),
		} );
	} );
}

async function openDrawer( name: string ) {
	await advance( 0 );
	fireEvent.click( screen.getByRole( 'option', { name: /Visitor/ } ) );
	await advance( 0 );
	return screen.getByRole( 'dialog', { name } );
}

function lastPages( drawer: HTMLElement ): string[] {
	const heading = within( drawer ).getByRole( 'heading', {
		name: 'Last pages viewed',
	} );
	const list = heading.nextElementSibling as HTMLElement;
	return within( list )
		.queryAllByRole( 'listitem' )
		.map( ( item ) => item.textContent ?? '' );
}

/**
 * Lets `ms` pass, and the requests and renders that follow settle.
 *
 * @param ms Milliseconds.
 */
async function advance( ms: number ) {
	await act( async () => {
		jest.advanceTimersByTime( ms );
		for ( let tick = 0; tick < 20; tick++ ) {
			await Promise.resolve();
		}
	} );
}

describe( 'the drawer’s stored history', () => {
	beforeEach( () => {
		jest.useFakeTimers();
		mockApiFetch.mockReset();
	} );

	afterEach( () => {
		jest.useRealTimers();
	} );

	it( 'catches up when opened before the visitor’s first page was stored', async () => {
		const id = '1'.repeat( 32 );
		const at = Date.now();
		serve( id, [ { path: '/', title: 'Home', at } ] );
		render( <VisitorsScreen startLive={ noLive } /> );
		live(
			makeVisitor( {
				id,
				number: 7,
				page: { path: '/', title: 'Home', since: at },
			} )
		);
		const drawer = await openDrawer( 'Visitor 7' );
		// Too early: the server does not know the visitor yet, which is no
		// reason to say there is no such visitor.
		expect(
			within( drawer ).getByText( 'Loading the visitor’s history…' )
		).toBeInTheDocument();
		expect(
			within( drawer ).queryByText( 'No visitor with this id is stored.' )
		).not.toBeInTheDocument();

		await advance( 5000 );
		expect( lastPages( drawer ) ).toEqual( [
			expect.stringContaining( 'Home' ),
		] );
		expect(
			within( drawer ).queryByText( 'No visitor with this id is stored.' )
		).not.toBeInTheDocument();
	} );

	it( 'shows a page viewed while the drawer is open once it is stored', async () => {
		const id = '2'.repeat( 32 );
		const first = Date.now() - 60_000;
		const views: View[] = [ { path: '/', title: 'Home', at: first } ];
		const calls = serve( id, views );
		render( <VisitorsScreen startLive={ noLive } /> );
		live(
			makeVisitor( {
				id,
				number: 8,
				page: { path: '/', title: 'Home', since: first },
			} )
		);
		const drawer = await openDrawer( 'Visitor 8' );
		await advance( 0 );
		expect( lastPages( drawer ) ).toEqual( [
			expect.stringContaining( 'Home' ),
		] );

		const at = Date.now();
		views.push( { path: '/pricing/', title: 'Pricing', at } );
		live(
			makeVisitor( {
				id,
				number: 8,
				page: { path: '/pricing/', title: 'Pricing', since: at },
			} )
		);
		await advance( 5000 );
		expect( lastPages( drawer ) ).toEqual( [
			expect.stringContaining( 'Pricing' ),
			expect.stringContaining( 'Home' ),
		] );
		// The first load, and one once the new view was stored.
		expect( calls ).toHaveLength( 2 );
	} );

	it( 'reads the history again when the drawer is opened again later', async () => {
		const id = '4'.repeat( 32 );
		const first = Date.now() - 120_000;
		const views: View[] = [ { path: '/', title: 'Home', at: first } ];
		const calls = serve( id, views );
		render( <VisitorsScreen startLive={ noLive } /> );
		live(
			makeVisitor( {
				id,
				number: 10,
				page: { path: '/', title: 'Home', since: first },
			} )
		);
		let drawer = await openDrawer( 'Visitor 10' );
		await advance( 0 );
		expect( lastPages( drawer ) ).toHaveLength( 1 );
		fireEvent.click(
			within( drawer ).getByRole( 'button', { name: 'Close' } )
		);

		// Closed, the visitor moves on; a minute later the agent looks again.
		const at = Date.now();
		views.push( { path: '/pricing/', title: 'Pricing', at } );
		live(
			makeVisitor( {
				id,
				number: 10,
				page: { path: '/pricing/', title: 'Pricing', since: at },
			} )
		);
		await advance( 60_000 );
		drawer = await openDrawer( 'Visitor 10' );
		await advance( 0 );
		expect( lastPages( drawer ) ).toEqual( [
			expect.stringContaining( 'Pricing' ),
			expect.stringContaining( 'Home' ),
		] );
		expect( calls ).toHaveLength( 2 );
	} );

	it( 'reads a history that is already stored once', async () => {
		const id = '3'.repeat( 32 );
		const at = Date.now() - 60_000;
		const calls = serve( id, [ { path: '/', title: 'Home', at } ] );
		render( <VisitorsScreen startLive={ noLive } /> );
		live(
			makeVisitor( {
				id,
				number: 9,
				page: { path: '/', title: 'Home', since: at },
			} )
		);
		const drawer = await openDrawer( 'Visitor 9' );
		await advance( 10_000 );
		expect( lastPages( drawer ) ).toEqual( [
			expect.stringContaining( 'Home' ),
		] );
		expect( calls ).toHaveLength( 1 );
	} );
} );
