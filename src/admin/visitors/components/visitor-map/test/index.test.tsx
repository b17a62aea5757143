/**
 * External dependencies
 */
import {
	act,
	fireEvent,
	render,
	screen,
	waitFor,
	within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';
import type { ReactNode } from 'react';

/**
 * Internal dependencies
 */
import VisitorMap, { CANVAS_THRESHOLD } from '..';
import type { PresenceVisitor } from '../../../../../protocol';
import { MAX_CHOOSER_ROWS } from '../group-chooser';
import { BERLIN, LYON, visitor } from './fixtures';

/** The props the map gave its zoomable group last. */
const mockZoomProps: { current: Record< string, unknown > } = { current: {} };

// Jest here loads packages as CommonJS and d3 ships ES modules only, so the
// map library is replaced by a flat stand-in with an equirectangular
// projection and no zoom (the pins, canvas and controls are ours and real).
jest.mock( 'react-simple-maps', () => {
	const { createContext, useContext } = jest.requireActual( 'react' );
	const projection = Object.assign(
		( [ lng, lat ]: [ number, number ] ) => [ lng + 180, 90 - lat ],
		{
			invert: ( [ x, y ]: [ number, number ] ) => [ x - 180, 90 - y ],
		}
	);
	const MapContext = createContext( { projection } );
	return {
		ComposableMap: ( {
			children,
			'aria-label': label,
		}: {
			children: ReactNode;
			'aria-label': string;
		} ) => (
			<svg role="group" aria-label={ label }>
				{ children }
			</svg>
		),
		ZoomableGroup: ( props: {
			children: ReactNode;
			zoom: number;
			center: [ number, number ];
		} ) => {
			mockZoomProps.current = props;
			return (
				<g
					data-zoom={ props.zoom }
					data-center={ props.center.join( ',' ) }
				>
					{ props.children }
				</g>
			);
		},
		Geographies: () => null,
		Geography: () => null,
		useMapContext: () => useContext( MapContext ),
		useZoomPanContext: () => ( { x: 0, y: 0, k: 1 } ),
	};
} );

const COUNTS = {
	live: 3,
	online: 2,
	chatting: 1,
	offline: 0,
	overCap: 5,
	cap: 500,
	tracking: true,
};

/**
 * Renders the map with visitors.
 *
 * @param visitors The visitors.
 */
function renderMap( visitors: PresenceVisitor[] ) {
	const onSelect = jest.fn();
	const result = render(
		<VisitorMap
			visitors={ visitors }
			counts={ COUNTS }
			onSelect={ onSelect }
			selectedId={ null }
		/>
	);
	const zoom = () =>
		result.container
			.querySelector( '[data-zoom]' )
			?.getAttribute( 'data-zoom' );
	return { ...result, onSelect, zoom };
}

describe( 'VisitorMap', () => {
	it( 'plots pins, the totals card, the legend and zoom controls', () => {
		const { onSelect } = renderMap( [
			visitor( 'a', {}, 'chatting', 5 ),
			visitor( 'b', {}, 'online', 9 ),
			visitor( 'c', BERLIN ),
			visitor( 'd', { lat: null, lng: null } ),
		] );
		expect(
			screen.getByRole( 'group', { name: 'World map of live visitors' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Paris, France: 2 visitors' } )
		).toBeInTheDocument();
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Berlin, Germany: 1 visitor' } )
		);
		expect( onSelect ).toHaveBeenCalledWith( 'c' );
		expect( screen.getByText( 'Live visitors' ) ).toBeInTheDocument();
		expect( screen.getByText( '5 more not shown' ) ).toBeInTheDocument();
		expect(
			screen.getByRole( 'list', { name: 'Map legend' } )
		).toHaveTextContent( /Chatting.*Online.*Offline/ );
	} );

	it( 'lists the visitors of a group pin to choose from', async () => {
		const { onSelect } = renderMap( [
			visitor( 'a', {}, 'chatting', 5, { number: 4 } ),
			visitor( 'b', {}, 'online', 9, { number: 7 } ),
			visitor( 'c', BERLIN ),
		] );
		const paris = screen.getByRole( 'button', {
			name: 'Paris, France: 2 visitors',
		} );
		await userEvent.click( paris );
		expect( onSelect ).not.toHaveBeenCalled();
		expect( paris ).toHaveAttribute( 'aria-expanded', 'true' );
		const list = screen.getByRole( 'listbox', {
			name: 'Paris, France: 2 visitors',
		} );
		expect(
			within( list )
				.getAllByRole( 'option' )
				.map( ( option ) => option.textContent )
		).toEqual( [ 'OnlineVisitor 7Home', 'ChattingVisitor 4Home' ] );
		await userEvent.click(
			within( list ).getByRole( 'option', { name: /Visitor 4/ } )
		);
		expect( onSelect ).toHaveBeenCalledWith( 'a' );
		expect( screen.queryByRole( 'listbox' ) ).not.toBeInTheDocument();
		expect( paris ).toHaveAttribute( 'aria-expanded', 'false' );
	} );

	it( 'opens the list from the keyboard and gives the focus back to the pin', async () => {
		const { onSelect } = renderMap( [
			visitor( 'a', {}, 'online', 5, { number: 4 } ),
			visitor( 'b', {}, 'online', 9, { number: 7 } ),
		] );
		const paris = screen.getByRole( 'button', { name: /^Paris/ } );
		act( () => paris.focus() );
		await userEvent.keyboard( '{Enter}' );
		const list = screen.getByRole( 'listbox' );
		await waitFor( () => expect( list ).toHaveFocus() );
		await userEvent.keyboard( '{Escape}' );
		expect( screen.queryByRole( 'listbox' ) ).not.toBeInTheDocument();
		expect( paris ).toHaveFocus();

		await userEvent.keyboard( '{Enter}' );
		await waitFor( () =>
			expect( screen.getByRole( 'listbox' ) ).toHaveFocus()
		);
		await userEvent.keyboard( '{ArrowDown}{Enter}' );
		expect( onSelect ).toHaveBeenCalledWith( 'a' );
		expect( paris ).toHaveFocus();
	} );

	it( 'keeps the list live and closes it when the map moves or the place empties', async () => {
		const a = visitor( 'a', {}, 'online', 5, { number: 4 } );
		const b = visitor( 'b', {}, 'online', 9, { number: 7 } );
		const { rerender } = renderMap( [ a, b ] );
		const props = ( visitors: PresenceVisitor[] ) => ( {
			visitors,
			counts: COUNTS,
			onSelect: jest.fn(),
			selectedId: null,
		} );
		await userEvent.click(
			screen.getByRole( 'button', { name: /^Paris/ } )
		);
		const moved = {
			...a,
			page: { path: '/pricing', title: 'Pricing', since: 10 },
		};
		rerender( <VisitorMap { ...props( [ moved, b ] ) } /> );
		expect(
			screen.getByRole( 'option', { name: /Visitor 4/ } )
		).toHaveTextContent( 'Pricing' );

		// A drag or wheel zoom closes it.
		act( () => ( mockZoomProps.current.onMove as () => void )() );
		expect( screen.queryByRole( 'listbox' ) ).not.toBeInTheDocument();

		await userEvent.click(
			screen.getByRole( 'button', { name: /^Paris/ } )
		);
		expect( screen.getByRole( 'listbox' ) ).toBeInTheDocument();
		rerender( <VisitorMap { ...props( [ visitor( 'c', BERLIN ) ] ) } /> );
		expect( screen.queryByRole( 'listbox' ) ).not.toBeInTheDocument();
	} );

	it( 'zooms with labelled buttons within the limits', () => {
		const { zoom } = renderMap( [] );
		expect( zoom() ).toBe( '1' );
		expect(
			screen.getByRole( 'button', { name: 'Zoom out' } )
		).toHaveAttribute( 'aria-disabled', 'true' );
		fireEvent.click( screen.getByRole( 'button', { name: 'Zoom in' } ) );
		fireEvent.click( screen.getByRole( 'button', { name: 'Zoom in' } ) );
		expect( zoom() ).toBe( '4' );
		fireEvent.click( screen.getByRole( 'button', { name: 'Zoom out' } ) );
		expect( zoom() ).toBe( '2' );
		fireEvent.click( screen.getByRole( 'button', { name: 'Reset zoom' } ) );
		expect( zoom() ).toBe( '1' );
	} );

	it( 'zooms in on a double click about the pointer, at once, but not on a pin', () => {
		const { container, zoom } = renderMap( [ visitor( 'a' ) ] );
		const surface = container.querySelector(
			'.livedesk-visitor-map__surface'
		) as Element;
		// Leaves double clicks to the map, not to d3's animated zoom.
		const filter = mockZoomProps.current.filterZoomEvent as (
			event: Event
		) => boolean;
		expect( filter( new MouseEvent( 'dblclick' ) ) ).toBe( false );

		fireEvent.doubleClick(
			screen.getByRole( 'button', { name: /^Paris/ } )
		);
		expect( zoom() ).toBe( '1' );
		// The stand-in map is 1:1 with the screen at zoom 1.
		fireEvent.doubleClick( surface, { clientX: 200, clientY: 60 } );
		expect( zoom() ).toBe( '2' );
		expect(
			container
				.querySelector( '[data-zoom]' )
				?.getAttribute( 'data-center' )
		).toBe( '120,-52.5' );
		fireEvent.doubleClick( surface, {
			clientX: 200,
			clientY: 60,
			shiftKey: true,
		} );
		expect( zoom() ).toBe( '1' );
	} );
} );

describe( 'VisitorMap on the canvas layer', () => {
	let frames: FrameRequestCallback[] = [];
	let arcs: number[][] = [];
	const ctx = {
		setTransform: jest.fn(),
		clearRect: jest.fn(),
		beginPath: jest.fn(),
		arc: ( x: number, y: number ) => arcs.push( [ x, y ] ),
		fill: jest.fn(),
		stroke: jest.fn(),
		fillText: jest.fn(),
	};
	beforeEach( () => {
		frames = [];
		arcs = [];
		ctx.fillText.mockClear();
		jest.spyOn( window, 'requestAnimationFrame' ).mockImplementation(
			( callback ) => {
				frames.push( callback );
				return frames.length;
			}
		);
		jest.spyOn(
			HTMLCanvasElement.prototype,
			'getContext'
		).mockImplementation( () => ctx as never );
	} );
	afterEach( () => jest.restoreAllMocks() );

	const draw = () => act( () => frames.shift()?.( 0 ) );
	// Clicks the map there, and lets a list that opens settle (its popover
	// positions itself asynchronously).
	const clickAt = async ( container: HTMLElement, x: number, y: number ) => {
		fireEvent.click( container.querySelector( 'svg' ) as Element, {
			clientX: x,
			clientY: y,
		} );
		await act( async () => undefined );
	};
	const many = ( count: number, geo = {} ) =>
		Array.from( { length: count }, ( _, i ) =>
			visitor( `v${ i }`, geo, 'online', i, { number: i + 1 } )
		);

	it( 'switches to a clustered canvas above the threshold', () => {
		const { container } = renderMap( many( CANVAS_THRESHOLD + 1 ) );
		expect( screen.queryByRole( 'button', { name: /Paris/ } ) ).toBeNull();
		expect( container.querySelector( 'canvas' ) ).not.toBeNull();
		// Drawing waits for one animation frame.
		expect( frames ).toHaveLength( 1 );
		draw();
		expect( arcs ).toEqual( [ [ 182.35, 41.14 ] ] );
		expect( ctx.fillText ).toHaveBeenCalledWith(
			String( CANVAS_THRESHOLD + 1 ),
			182.35,
			41.14
		);
	} );

	it( 'lists the most recent visitors of a one-place cluster', async () => {
		const { container, onSelect } = renderMap(
			many( CANVAS_THRESHOLD + 1 )
		);
		draw();
		await clickAt( container, 183, 41 );
		const list = screen.getByRole( 'listbox', {
			name: `Paris, France: ${ CANVAS_THRESHOLD + 1 } visitors`,
		} );
		expect( within( list ).getAllByRole( 'option' ) ).toHaveLength(
			MAX_CHOOSER_ROWS
		);
		expect(
			within( list ).getAllByRole( 'option' )[ 0 ]
		).toHaveTextContent( `Visitor ${ CANVAS_THRESHOLD + 1 }` );
		expect(
			screen.getByText(
				`${ ( 1901 ).toLocaleString() } more visitors here: use the filter to find them.`
			)
		).toBeInTheDocument();
		await userEvent.keyboard( '{Enter}' );
		expect( onSelect ).toHaveBeenCalledWith( `v${ CANVAS_THRESHOLD }` );
		expect( screen.queryByRole( 'listbox' ) ).not.toBeInTheDocument();
	} );

	it( 'selects the visitor of a one-visitor cluster directly', async () => {
		const { container, onSelect } = renderMap( [
			...many( CANVAS_THRESHOLD ),
			visitor( 'sydney', {
				country: 'AU',
				region: 'NSW',
				city: 'Sydney',
				lat: -33.87,
				lng: 151.21,
			} ),
		] );
		draw();
		await clickAt( container, 331, 124 );
		expect( onSelect ).toHaveBeenCalledWith( 'sydney' );
		expect( screen.queryByRole( 'listbox' ) ).not.toBeInTheDocument();
		// Nothing there: nothing happens.
		await clickAt( container, 10, 10 );
		expect( onSelect ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'lists a small cluster of several places with each place', async () => {
		const { container } = renderMap( [
			...many( CANVAS_THRESHOLD, BERLIN ),
			visitor( 'paris', {}, 'online', 9000, { number: 9001 } ),
			visitor( 'lyon', LYON, 'chatting', 8000, { number: 8001 } ),
		] );
		draw();
		// Paris (182.35, 41.14) and Lyon (184.84, 44.24) share a cell.
		await clickAt( container, 183.6, 42.7 );
		const list = screen.getByRole( 'listbox', {
			name: '2 visitors in this area',
		} );
		expect(
			within( list )
				.getAllByRole( 'option' )
				.map( ( option ) => option.textContent )
		).toEqual( [
			'OnlineVisitor 9001Paris · Home',
			'ChattingVisitor 8001Lyon · Home',
		] );
	} );

	it( 'zooms in on a big cluster of several places until it splits', async () => {
		const { container, zoom } = renderMap( [
			...many( CANVAS_THRESHOLD - 10 ),
			...many( 20, LYON ).map( ( v ) => ( { ...v, id: `l${ v.id }` } ) ),
		] );
		draw();
		await clickAt( container, 183.6, 42.7 );
		expect( screen.queryByRole( 'listbox' ) ).not.toBeInTheDocument();
		// Centred between Paris and Lyon, as far in as the map goes.
		expect( zoom() ).toBe( '16' );
		const center = container
			.querySelector( '[data-zoom]' )
			?.getAttribute( 'data-center' )
			?.split( ',' )
			.map( Number );
		expect( center?.[ 0 ] ).toBeCloseTo( ( 2.35 + 4.84 ) / 2 );
		expect( center?.[ 1 ] ).toBeCloseTo( ( 48.86 + 45.76 ) / 2 );
	} );
} );
