/**
 * External dependencies
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import VisitorDrawer from '..';
import type { PresenceVisitor } from '../../../../../protocol';
import type {
	VisitorHistory,
	VisitorHistoryEntry,
} from '../../../../store/visitor-history/types';
import { makeVisitor, XSS_TITLE } from '../../../lib/test/fixtures';

const NOW = Date.UTC( 2026, 10, 21, 12, 0, 0 );
const HISTORY: VisitorHistory = {
	id: 'a'.repeat( 32 ),
	first_seen: '2026-11-01T10:00:00Z',
	last_seen: '2026-11-21T12:00:00Z',
	visit_count: 5,
	pages: [
		{
			path: '/pricing',
			title: 'Pricing',
			viewed_at: '2026-11-21T11:58:00Z',
		},
		{ path: '/blog/a', title: '', viewed_at: '2026-11-21T11:50:00Z' },
	],
};
const LOADED: VisitorHistoryEntry = { status: 'loaded', history: HISTORY };

function renderDrawer(
	overrides: Partial< Parameters< typeof VisitorDrawer >[ 0 ] > = {}
) {
	const props = {
		visitor: makeVisitor( {
			connectedAt: NOW - 600_000,
			page: { title: 'Pricing', path: '/pricing', since: NOW - 65_000 },
		} ),
		serverOffset: 0,
		history: LOADED,
		canChat: true,
		onOpenChat: jest.fn(),
		onClose: jest.fn(),
		...overrides,
	};
	return { ...render( <VisitorDrawer { ...props } /> ), props };
}

// The definition after a term in the drawer's field list.
function field( term: string ): HTMLElement | null {
	const dt = screen
		.getAllByRole( 'term' )
		.find( ( element ) => element.textContent === term );
	return ( dt?.nextElementSibling as HTMLElement | null ) ?? null;
}

describe( 'VisitorDrawer', () => {
	beforeEach( () => {
		jest.useFakeTimers();
		jest.setSystemTime( NOW );
	} );
	afterEach( () => {
		jest.useRealTimers();
	} );

	it( 'shows the live fields, with dashes for what is unknown', () => {
		renderDrawer( {
			visitor: makeVisitor( {
				language: 'fr-FR',
				timezone: 'Asia/Tokyo',
				referrer: '',
				geo: {
					country: 'JP',
					region: '',
					city: '',
					approximate: true,
				},
				device: { browser: 'Safari', os: 'iOS', device: 'mobile' },
				tabs: [
					{
						id: 't1',
						path: '/a',
						title: 'Page A',
						visible: true,
						since: NOW,
					},
					{
						id: 't2',
						path: '/b',
						title: '',
						visible: false,
						since: NOW,
					},
				],
			} ),
		} );
		expect(
			screen.getByRole( 'dialog', { name: 'Visitor 1' } )
		).toBeInTheDocument();
		expect( field( 'Browser language' ) ).toHaveTextContent( 'fr-FR' );
		expect( field( 'Time zone' ) ).toHaveTextContent( 'Asia/Tokyo' );
		expect( field( 'Visitor’s local time' ) ).toHaveTextContent(
			/21:00:00|09:00:00\sPM/
		);
		expect( field( 'Referrer' ) ).toHaveTextContent( '—' );
		expect( field( 'Country' ) ).toHaveTextContent( 'Japan' );
		expect( field( 'Country' ) ).toHaveTextContent( '\u{1F1EF}\u{1F1F5}' );
		expect( field( 'Country' ) ).toHaveTextContent( 'approximate' );
		expect( field( 'Region' ) ).toHaveTextContent( '—' );
		expect( field( 'City' ) ).toHaveTextContent( '—' );
		expect( field( 'Browser' ) ).toHaveTextContent( 'Safari' );
		expect( field( 'Operating system' ) ).toHaveTextContent( 'iOS' );
		expect( field( 'Device' ) ).toHaveTextContent( 'Mobile' );
		expect( field( 'Open tabs' ) ).toHaveTextContent( 'Page A' );
		expect( field( 'Open tabs' ) ).toHaveTextContent(
			'/b (in the background)'
		);
		expect( field( 'Connected at' ) ).not.toHaveTextContent( '—' );
	} );

	it( 'ticks the time on the current page every second, by the sidecar clock', () => {
		renderDrawer( { serverOffset: 2000 } );
		// 65 s on the page plus the 2 s the sidecar is ahead.
		expect( field( 'Time on this page' ) ).toHaveTextContent( '1:07' );
		act( () => {
			jest.advanceTimersByTime( 1000 );
		} );
		expect( field( 'Time on this page' ) ).toHaveTextContent( '1:08' );
		act( () => {
			jest.advanceTimersByTime( 3_600_000 );
		} );
		expect( field( 'Time on this page' ) ).toHaveTextContent( '1:01:08' );
	} );

	it( 'stops the clock when the visitor has left', () => {
		renderDrawer( {
			visitor: makeVisitor( {
				status: 'offline',
				leftAt: NOW - 5000,
				page: { since: NOW - 65_000 },
			} ),
		} );
		expect( field( 'Time on this page' ) ).toHaveTextContent( '1:00' );
		act( () => {
			jest.advanceTimersByTime( 5000 );
		} );
		expect( field( 'Time on this page' ) ).toHaveTextContent( '1:00' );
	} );

	it( 'shows the visit count and the last pages from the history', () => {
		renderDrawer();
		expect( field( 'Visits' ) ).toHaveTextContent( '5' );
		const items = screen.getAllByRole( 'listitem' );
		expect( items[ 0 ] ).toHaveTextContent( 'Pricing' );
		expect( items[ 1 ] ).toHaveTextContent( '/blog/a' );
	} );

	it( 'says when the history is loading or failed', () => {
		const { rerender, props } = renderDrawer( {
			history: { status: 'loading' },
		} );
		expect(
			screen.getByText( 'Loading the visitor’s history…' )
		).toBeInTheDocument();
		rerender(
			<VisitorDrawer
				{ ...props }
				history={ {
					status: 'error',
					error: {
						code: 'x',
						message: 'No visitor with this id is stored.',
						status: 404,
						details: [],
					},
				} }
			/>
		);
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'No visitor with this id is stored.'
		);
		expect( field( 'Visits' ) ).toHaveTextContent( '—' );
	} );

	it( 'renders visitor text as literal text, never markup', () => {
		const { container } = renderDrawer( {
			visitor: makeVisitor( {
				name: XSS_TITLE,
				page: { title: XSS_TITLE },
				referrer: 'javascript:alert(1)',
				geo: { city: XSS_TITLE },
			} ),
			history: {
				status: 'loaded',
				history: {
					...HISTORY,
					pages: [
						{ path: '/x', title: XSS_TITLE, viewed_at: 'bad' },
					],
				},
			},
		} );
		expect( field( 'Current page' ) ).toHaveTextContent( XSS_TITLE );
		expect( field( 'City' ) ).toHaveTextContent( XSS_TITLE );
		expect( screen.getByRole( 'heading', { level: 2 } ) ).toHaveTextContent(
			XSS_TITLE
		);
		expect( screen.getByRole( 'listitem' ) ).toHaveTextContent( XSS_TITLE );
		expect( container.querySelector( 'img' ) ).toBeNull();
		// A non-http referrer is text, not a link.
		expect( field( 'Referrer' ) ).toHaveTextContent(
			'javascript:alert(1)'
		);
		expect( screen.queryByRole( 'link' ) ).toBeNull();
	} );

	it( 'links an http(s) referrer without following or crediting it', () => {
		renderDrawer( {
			visitor: makeVisitor( { referrer: 'https://news.example/story' } ),
		} );
		const link = screen.getByRole( 'link', {
			name: 'https://news.example/story',
		} );
		expect( link ).toHaveAttribute( 'href', 'https://news.example/story' );
		expect( link ).toHaveAttribute( 'rel', 'noopener noreferrer nofollow' );
	} );

	it( 'offers Open chat only while the visitor is chatting', async () => {
		const user = userEvent.setup( {
			advanceTimers: jest.advanceTimersByTime,
		} );
		const { rerender, props } = renderDrawer();
		expect(
			screen.queryByRole( 'button', { name: 'Open chat' } )
		).toBeNull();

		const chatting: PresenceVisitor = {
			...props.visitor,
			status: 'chatting',
		};
		rerender( <VisitorDrawer { ...props } visitor={ chatting } /> );
		await user.click( screen.getByRole( 'button', { name: 'Open chat' } ) );
		expect( props.onOpenChat ).toHaveBeenCalledWith( chatting.id );

		rerender(
			<VisitorDrawer
				{ ...props }
				visitor={ { ...chatting, status: 'offline' } }
			/>
		);
		expect(
			screen.queryByRole( 'button', { name: 'Open chat' } )
		).toBeNull();
	} );

	it( 'closes with the close button and with Escape', async () => {
		const user = userEvent.setup( {
			advanceTimers: jest.advanceTimersByTime,
		} );
		const { props } = renderDrawer();
		await user.click( screen.getByRole( 'button', { name: 'Close' } ) );
		expect( props.onClose ).toHaveBeenCalledTimes( 1 );
		await user.keyboard( '{Escape}' );
		expect( props.onClose ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'takes focus when it opens and gives it back when it closes', async () => {
		const user = userEvent.setup( {
			advanceTimers: jest.advanceTimersByTime,
		} );
		function Screen() {
			const [ open, setOpen ] = useState( false );
			return (
				<>
					<button onClick={ () => setOpen( true ) }>Details</button>
					{ open && (
						<VisitorDrawer
							visitor={ makeVisitor() }
							serverOffset={ 0 }
							history={ LOADED }
							canChat
							onOpenChat={ () => {} }
							onClose={ () => setOpen( false ) }
						/>
					) }
				</>
			);
		}
		render( <Screen /> );
		const opener = screen.getByRole( 'button', { name: 'Details' } );
		await user.click( opener );
		expect( screen.getByRole( 'dialog' ) ).toHaveFocus();
		await user.keyboard( '{Escape}' );
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
		expect( opener ).toHaveFocus();
	} );
} );
