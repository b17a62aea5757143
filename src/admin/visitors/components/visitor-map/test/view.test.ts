/**
 * Internal dependencies
 */
import { MAX_ZOOM } from '../constants';
import { clampZoom, fitPoints, isZoomGesture, zoomAbout } from '../view';

const SIZE = { width: 800, height: 400 };

/**
 * Where a map point lands on screen for a target view (the map centres the
 * target's centre, at its zoom).
 *
 * @param target        The view.
 * @param target.center Centre, map coordinates.
 * @param target.zoom   Zoom.
 * @param mapX          Map x.
 * @param mapY          Map y.
 */
function onScreen(
	target: { center: [ number, number ]; zoom: number },
	mapX: number,
	mapY: number
): [ number, number ] {
	return [
		SIZE.width / 2 + ( mapX - target.center[ 0 ] ) * target.zoom,
		SIZE.height / 2 + ( mapY - target.center[ 1 ] ) * target.zoom,
	];
}

describe( 'clampZoom', () => {
	it( 'keeps the zoom within the map limits', () => {
		expect( clampZoom( 0.2 ) ).toBe( 1 );
		expect( clampZoom( 3 ) ).toBe( 3 );
		expect( clampZoom( 1000 ) ).toBe( MAX_ZOOM );
	} );
} );

describe( 'zoomAbout', () => {
	it( 'zooms in keeping the map point under the pointer in place', () => {
		const transform = { x: -100, y: 20, k: 2 };
		const pointer = { x: 600, y: 300 };
		const target = zoomAbout( transform, pointer, 2, SIZE );
		expect( target.zoom ).toBe( 4 );
		// The map point that was under the pointer…
		const mapX = ( pointer.x - transform.x ) / transform.k;
		const mapY = ( pointer.y - transform.y ) / transform.k;
		// …is still there.
		const [ x, y ] = onScreen( target, mapX, mapY );
		expect( x ).toBeCloseTo( 600 );
		expect( y ).toBeCloseTo( 300 );
	} );

	it( 'stops at the zoom limits', () => {
		const target = zoomAbout(
			{ x: 0, y: 0, k: 1 },
			{ x: 10, y: 10 },
			0.5,
			SIZE
		);
		expect( target ).toEqual( { center: [ 400, 200 ], zoom: 1 } );
	} );
} );

describe( 'fitPoints', () => {
	it( 'centres the points and zooms until they fill a third of the map', () => {
		const target = fitPoints(
			[
				{ px: 100, py: 100 },
				{ px: 110, py: 104 },
			],
			1,
			SIZE
		);
		expect( target.center ).toEqual( [ 105, 102 ] );
		// 10 map units across → a third of the 400 px side.
		expect( target.zoom ).toBeCloseTo( 400 / 3 / 10 );
	} );

	it( 'zooms in at least twice as far, and at most to the limit', () => {
		const spread = [
			{ px: 0, py: 0 },
			{ px: 300, py: 0 },
		];
		expect( fitPoints( spread, 1, SIZE ).zoom ).toBe( 2 );
		expect( fitPoints( [ { px: 5, py: 5 } ], 1, SIZE ).zoom ).toBe(
			MAX_ZOOM
		);
	} );
} );

describe( 'isZoomGesture', () => {
	const event = ( type: string, init: Record< string, unknown > = {} ) =>
		Object.assign( new Event( type ), { button: 0, ctrlKey: false }, init );

	it( 'follows drags, touches and the wheel, including a pinch', () => {
		expect( isZoomGesture( event( 'mousedown' ) ) ).toBe( true );
		expect( isZoomGesture( event( 'touchstart' ) ) ).toBe( true );
		expect( isZoomGesture( event( 'wheel' ) ) ).toBe( true );
		expect( isZoomGesture( event( 'wheel', { ctrlKey: true } ) ) ).toBe(
			true
		);
	} );

	it( 'leaves double clicks, other buttons and ctrl-clicks alone', () => {
		expect( isZoomGesture( event( 'dblclick' ) ) ).toBe( false );
		expect( isZoomGesture( event( 'mousedown', { button: 2 } ) ) ).toBe(
			false
		);
		expect( isZoomGesture( event( 'mousedown', { ctrlKey: true } ) ) ).toBe(
			false
		);
	} );
} );
