/**
 * External dependencies
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import type { ReactNode } from 'react';

/**
 * Internal dependencies
 */
import VisitorMap, { CANVAS_THRESHOLD } from '..';
import { BERLIN, visitor } from './fixtures';

// Jest here loads packages as CommonJS and d3 ships ES modules only, so the
// map library is replaced by a flat stand-in with an equirectangular
// projection and no zoom (the pins, canvas and controls are ours and real).
jest.mock( 'react-simple-maps', () => {
	const { createContext, useContext } = jest.requireActual( 'react' );
	const projection = ( [ lng, lat ]: [ number, number ] ) => [
		lng + 180,
		90 - lat,
	];
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
		ZoomableGroup: ( {
			children,
			zoom,
		}: {
			children: ReactNode;
			zoom: number;
		} ) => <g data-zoom={ zoom }>{ children }</g>,
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
};

describe( 'VisitorMap', () => {
	it( 'plots pins, the totals card, the legend and zoom controls', () => {
		const onSelect = jest.fn();
		render(
			<VisitorMap
				visitors={ [
					visitor( 'a', {}, 'chatting', 5 ),
					visitor( 'b', {}, 'online', 9 ),
					visitor( 'c', BERLIN ),
					visitor( 'd', { lat: null, lng: null } ),
				] }
				counts={ COUNTS }
				onSelect={ onSelect }
				selectedId={ null }
			/>
		);
		expect(
			screen.getByRole( 'group', { name: 'World map of live visitors' } )
		).toBeInTheDocument();
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Paris, France: 2 visitors' } )
		);
		expect( onSelect ).toHaveBeenCalledWith( 'a' );
		expect(
			screen.getByRole( 'button', { name: 'Berlin, Germany: 1 visitor' } )
		).toBeInTheDocument();
		expect( screen.getByText( 'Live visitors' ) ).toBeInTheDocument();
		expect( screen.getByText( '5 more not shown' ) ).toBeInTheDocument();
		expect(
			screen.getByRole( 'list', { name: 'Map legend' } )
		).toHaveTextContent( /Chatting.*Online.*Offline/ );
	} );

	it( 'zooms with labelled buttons within the limits', () => {
		const { container } = render(
			<VisitorMap
				visitors={ [] }
				counts={ null }
				onSelect={ jest.fn() }
				selectedId={ null }
			/>
		);
		const zoom = () =>
			container
				.querySelector( '[data-zoom]' )
				?.getAttribute( 'data-zoom' );
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

	it( 'switches to a clustered canvas above the threshold', () => {
		const frames: FrameRequestCallback[] = [];
		const raf = jest
			.spyOn( window, 'requestAnimationFrame' )
			.mockImplementation( ( callback ) => {
				frames.push( callback );
				return frames.length;
			} );
		const arcs: number[][] = [];
		const ctx = {
			setTransform: jest.fn(),
			clearRect: jest.fn(),
			beginPath: jest.fn(),
			arc: ( x: number, y: number ) => arcs.push( [ x, y ] ),
			fill: jest.fn(),
			stroke: jest.fn(),
			fillText: jest.fn(),
		};
		const getContext = jest
			.spyOn( HTMLCanvasElement.prototype, 'getContext' )
			.mockImplementation( () => ctx as never );

		const many = Array.from( { length: CANVAS_THRESHOLD + 1 }, ( _, i ) =>
			visitor( `v${ i }`, {}, 'online', i )
		);
		const onSelect = jest.fn();
		const { container } = render(
			<VisitorMap
				visitors={ many }
				counts={ COUNTS }
				onSelect={ onSelect }
				selectedId={ null }
			/>
		);
		expect( screen.queryByRole( 'button', { name: /Paris/ } ) ).toBeNull();
		const canvas = container.querySelector( 'canvas' );
		expect( canvas ).not.toBeNull();
		// Drawing waits for one animation frame.
		expect( frames ).toHaveLength( 1 );
		act( () => frames.shift()?.( 0 ) );
		expect( arcs ).toEqual( [ [ 182.35, 41.14 ] ] );
		expect( ctx.fillText ).toHaveBeenCalledWith(
			String( CANVAS_THRESHOLD + 1 ),
			182.35,
			41.14
		);

		// A click on the drawn cluster selects its most recent visitor.
		fireEvent.click( container.querySelector( 'svg' ) as Element, {
			clientX: 183,
			clientY: 41,
		} );
		expect( onSelect ).toHaveBeenCalledWith( `v${ CANVAS_THRESHOLD }` );

		raf.mockRestore();
		getContext.mockRestore();
	} );
} );
