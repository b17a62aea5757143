/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import { STATUS_COLORS } from '../constants';
import { groupVisitors } from '../grouping';
import PinsLayer from '../pins-layer';
import { BERLIN, FRANCE, visitor } from './fixtures';

const project = ( lat: number, lng: number ): [ number, number ] => [
	lng + 180,
	90 - lat,
];

/**
 * Renders the layer in an SVG.
 *
 * @param onSelect   Selection handler.
 * @param selectedId Selected visitor.
 */
function renderPins( onSelect = jest.fn(), selectedId: string | null = null ) {
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
				selectedId={ selectedId }
				onSelect={ onSelect }
			/>
		</svg>
	);
	return onSelect;
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
		expect( paris ).toHaveAttribute(
			'transform',
			'translate(182.35 41.14) scale(0.5)'
		);
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

	it( 'selects on click, Enter and Space', () => {
		const onSelect = renderPins();
		const paris = screen.getByRole( 'button', { name: /^Paris/ } );
		fireEvent.click( paris );
		expect( onSelect ).toHaveBeenLastCalledWith( 'p2' );

		const berlin = screen.getByRole( 'button', { name: /^Berlin/ } );
		fireEvent.keyDown( berlin, { key: 'Enter' } );
		expect( onSelect ).toHaveBeenLastCalledWith( 'b1' );

		const france = screen.getByRole( 'button', { name: /^France/ } );
		fireEvent.keyDown( france, { key: ' ' } );
		expect( onSelect ).toHaveBeenLastCalledWith( 'f1' );

		fireEvent.keyDown( france, { key: 'a' } );
		expect( onSelect ).toHaveBeenCalledTimes( 3 );
	} );

	it( 'marks the pin holding the selected visitor', () => {
		renderPins( jest.fn(), 'p3' );
		expect(
			screen.getByRole( 'button', { name: /^Paris/ } )
		).toHaveAttribute( 'aria-pressed', 'true' );
		expect(
			screen.getByRole( 'button', { name: /^Berlin/ } )
		).toHaveAttribute( 'aria-pressed', 'false' );
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
					selectedId={ null }
					onSelect={ jest.fn() }
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
} );
