/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import { STATUS_COLORS } from '../constants';
import { createGrouper, groupVisitors } from '../grouping';
import { pinLabel } from '../labels';
import PinsLayer, { type PinsLayerProps } from '../pins-layer';
import { BERLIN, FRANCE, visitor } from './fixtures';

// Counts pin renders: each one labels its pin once.
jest.mock( '../labels', () => {
	const actual = jest.requireActual( '../labels' );
	return { ...actual, pinLabel: jest.fn( actual.pinLabel ) };
} );

const project = ( lat: number, lng: number ): [ number, number ] => [
	lng + 180,
	90 - lat,
];

/**
 * Renders the layer in an SVG.
 *
 * @param options             What to pass.
 * @param options.selectedKey Group of the selected visitor.
 * @param options.openKey     Group whose list is open.
 */
function renderPins( {
	selectedKey = null,
	openKey = null,
}: { selectedKey?: string | null; openKey?: string | null } = {} ) {
	const onSelect = jest.fn();
	const onOpen = jest.fn();
	const groups = groupVisitors( [
		visitor( 'p1', {}, 'online', 1 ),
		visitor( 'p2', {}, 'chatting', 2 ),
		visitor( 'p3', {}, 'offline', 3 ),
		visitor( 'b1', BERLIN, 'offline' ),
		visitor( 'f1', FRANCE ),
		visitor( 'x', { lat: null, lng: null } ),
	] );
	render(
		<svg>
			<PinsLayer
				groups={ groups }
				project={ project }
				zoom={ 2 }
				selectedKey={ selectedKey }
				openKey={ openKey }
				onSelect={ onSelect }
				onOpen={ onOpen }
			/>
		</svg>
	);
	return { onSelect, onOpen };
}

describe( 'PinsLayer', () => {
	it( 'renders one labelled, focusable pin per place', () => {
		renderPins();
		const pins = screen.getAllByRole( 'button' );
		expect( pins ).toHaveLength( 3 );
		const paris = screen.getByRole( 'button', {
			name: 'Paris, France: 3 visitors',
		} );
		expect( paris ).toHaveAttribute( 'tabindex', '0' );
		// At its place, scaled by 1 / zoom (a variable set once on the layer).
		expect( paris.style.transform ).toBe(
			'translate(182.35px, 41.14px) scale(var(--livedesk-pin-scale, 1))'
		);
		expect(
			( paris.parentNode as SVGGElement ).style.getPropertyValue(
				'--livedesk-pin-scale'
			)
		).toBe( '0.5' );
		expect( paris ).toHaveTextContent( '3' );
		expect(
			screen.getByRole( 'button', { name: 'Berlin, Germany: 1 visitor' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', {
				name: 'France: 1 visitor (approximate location)',
			} )
		).toBeInTheDocument();
	} );

	it( 'colours a group by its most active status and rings approximate pins', () => {
		renderPins();
		const paris = screen.getByRole( 'button', { name: /^Paris/ } );
		const dot = paris.querySelector( '.livedesk-visitor-map__pin-dot' );
		expect( dot ).toHaveAttribute( 'fill', STATUS_COLORS.chatting );
		expect(
			paris.querySelector( '.livedesk-visitor-map__pin-ring' )
		).toBeNull();
		const france = screen.getByRole( 'button', { name: /^France/ } );
		expect(
			france.querySelector( '.livedesk-visitor-map__pin-ring' )
		).not.toBeNull();
	} );

	it( 'selects the visitor of a one-visitor pin on click, Enter and Space', () => {
		const { onSelect, onOpen } = renderPins();
		const berlin = screen.getByRole( 'button', { name: /^Berlin/ } );
		fireEvent.click( berlin );
		expect( onSelect ).toHaveBeenLastCalledWith( 'b1' );

		const france = screen.getByRole( 'button', { name: /^France/ } );
		fireEvent.keyDown( france, { key: 'Enter' } );
		expect( onSelect ).toHaveBeenLastCalledWith( 'f1' );
		fireEvent.keyDown( france, { key: ' ' } );
		expect( onSelect ).toHaveBeenLastCalledWith( 'f1' );

		fireEvent.keyDown( france, { key: 'a' } );
		expect( onSelect ).toHaveBeenCalledTimes( 3 );
		expect( onOpen ).not.toHaveBeenCalled();
	} );

	it( 'opens the list of a group pin, anchored to the pin', () => {
		const { onSelect, onOpen } = renderPins();
		const paris = screen.getByRole( 'button', { name: /^Paris/ } );
		expect( paris ).toHaveAttribute( 'aria-haspopup', 'listbox' );
		expect( paris ).toHaveAttribute( 'aria-expanded', 'false' );
		fireEvent.click( paris );
		expect( onOpen ).toHaveBeenLastCalledWith( 'FR|IDF|Paris', paris );
		fireEvent.keyDown( paris, { key: 'Enter' } );
		fireEvent.keyDown( paris, { key: ' ' } );
		expect( onOpen ).toHaveBeenCalledTimes( 3 );
		expect( onSelect ).not.toHaveBeenCalled();
	} );

	it( 'says which group pin has its list open', () => {
		renderPins( { openKey: 'FR|IDF|Paris' } );
		expect(
			screen.getByRole( 'button', { name: /^Paris/ } )
		).toHaveAttribute( 'aria-expanded', 'true' );
	} );

	it( 'marks the pin holding the selected visitor', () => {
		renderPins( { selectedKey: 'DE|BE|Berlin' } );
		const berlin = screen.getByRole( 'button', { name: /^Berlin/ } );
		expect( berlin ).toHaveAttribute( 'aria-pressed', 'true' );
		expect( berlin ).toHaveClass( 'is-selected' );
		expect(
			screen.getByRole( 'button', { name: /^France/ } )
		).toHaveAttribute( 'aria-pressed', 'false' );
	} );

	it( 'highlights a group pin holding the selected visitor', () => {
		renderPins( { selectedKey: 'FR|IDF|Paris' } );
		const paris = screen.getByRole( 'button', { name: /^Paris/ } );
		expect( paris ).toHaveClass( 'is-selected' );
		expect( paris ).not.toHaveAttribute( 'aria-pressed' );
	} );

	it( 'renders visitor-supplied place names as text only', () => {
		const groups = groupVisitors( [
			visitor( 'a', { city: '<img src=x onerror=alert(1)>' } ),
		] );
		const { container } = render(
			<svg>
				<PinsLayer
					groups={ groups }
					project={ project }
					zoom={ 1 }
					selectedKey={ null }
					openKey={ null }
					onSelect={ jest.fn() }
					onOpen={ jest.fn() }
				/>
			</svg>
		);
		expect( container.querySelector( 'img' ) ).toBeNull();
		expect(
			screen.getByRole( 'button', {
				name: '<img src=x onerror=alert(1)>, France: 1 visitor',
			} )
		).toBeInTheDocument();
	} );

	it( 'renders again only the pins that change, and none on zoom', () => {
		const group = createGrouper();
		const paris = visitor( 'p1' );
		const berlin = visitor( 'b1', BERLIN );
		const france = visitor( 'f1', FRANCE );
		const props = ( zoom: number, visitors = [ paris, berlin, france ] ) =>
			( {
				groups: group( visitors ).groups,
				project,
				zoom,
				selectedKey: null,
				openKey: null,
				onSelect: jest.fn(),
				onOpen: jest.fn(),
			} ) as PinsLayerProps;
		const stable = props( 1 );
		const renders = pinLabel as jest.Mock;
		renders.mockClear();
		const { rerender } = render(
			<svg>
				<PinsLayer { ...stable } />
			</svg>
		);
		expect( renders ).toHaveBeenCalledTimes( 3 );

		renders.mockClear();
		rerender(
			<svg>
				<PinsLayer { ...stable } zoom={ 4 } />
			</svg>
		);
		expect( renders ).not.toHaveBeenCalled();

		// Berlin's visitor goes offline; a Parisian only changes page.
		rerender(
			<svg>
				<PinsLayer
					{ ...stable }
					groups={
						props( 4, [
							{
								...paris,
								page: { path: '/a', title: 'A', since: 2 },
							},
							{ ...berlin, status: 'offline' },
							france,
						] ).groups
					}
					zoom={ 4 }
				/>
			</svg>
		);
		expect( renders ).toHaveBeenCalledTimes( 1 );
		expect( renders.mock.calls[ 0 ]?.[ 0 ] ).toMatchObject( {
			city: 'Berlin',
			status: 'offline',
		} );
	} );
} );
