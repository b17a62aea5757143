/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import VisitorFilter, { useFilteredVisitors } from '..';
import type { PresenceVisitor } from '../../../../../protocol';
import { makeVisitor } from '../../../lib/test/fixtures';

const VISITORS = [
	makeVisitor( {
		id: '1'.repeat( 32 ),
		number: 1,
		geo: { country: 'AT', city: 'Wien' },
		page: { title: 'Über uns' },
	} ),
	makeVisitor( {
		id: '2'.repeat( 32 ),
		number: 2,
		geo: { country: 'JP', city: 'Tokyo' },
		page: { title: 'Pricing' },
	} ),
];

// What the lead's screen does: the filter's query narrows the list.
function Harness( props: {
	onList: ( list: readonly PresenceVisitor[] ) => void;
} ) {
	const [ query, setQuery ] = useState( '' );
	const list = useFilteredVisitors( VISITORS, query );
	props.onList( list );
	return (
		<>
			<ul>
				{ list.map( ( visitor ) => (
					<li key={ visitor.id }>{ visitor.geo.city }</li>
				) ) }
			</ul>
			<VisitorFilter
				value={ query }
				onChange={ setQuery }
				matches={ list.length }
				total={ VISITORS.length }
			/>
		</>
	);
}

describe( 'VisitorFilter', () => {
	it( 'narrows the list on each keystroke, without Enter', async () => {
		const user = userEvent.setup();
		render( <Harness onList={ () => {} } /> );
		const input = screen.getByRole( 'searchbox', {
			name: 'Filter visitors',
		} );
		await user.type( input, 'tok' );
		expect( screen.getAllByRole( 'listitem' ) ).toHaveLength( 1 );
		expect( screen.getByRole( 'listitem' ) ).toHaveTextContent( 'Tokyo' );
		expect( screen.getByText( '1 of 2 visitors shown.' ) ).toBeVisible();
	} );

	it( 'finds by accent-less title and by country name', async () => {
		const user = userEvent.setup();
		render( <Harness onList={ () => {} } /> );
		const input = screen.getByRole( 'searchbox' );
		await user.type( input, 'uber' );
		expect( screen.getByRole( 'listitem' ) ).toHaveTextContent( 'Wien' );
		await user.clear( input );
		await user.type( input, 'japan' );
		expect( screen.getByRole( 'listitem' ) ).toHaveTextContent( 'Tokyo' );
	} );

	it( 'restores the very same list with the clear button', async () => {
		const user = userEvent.setup();
		const lists: Array< readonly PresenceVisitor[] > = [];
		render( <Harness onList={ ( list ) => lists.push( list ) } /> );
		expect( lists[ 0 ] ).toBe( VISITORS );
		expect(
			screen.queryByRole( 'button', { name: 'Clear filter' } )
		).toBeNull();

		await user.type( screen.getByRole( 'searchbox' ), 'wien' );
		expect( screen.getAllByRole( 'listitem' ) ).toHaveLength( 1 );
		await user.click(
			screen.getByRole( 'button', { name: 'Clear filter' } )
		);

		expect( screen.getAllByRole( 'listitem' ) ).toHaveLength( 2 );
		expect( lists[ lists.length - 1 ] ).toBe( VISITORS );
		expect( screen.getByRole( 'searchbox' ) ).toHaveValue( '' );
		expect( screen.getByRole( 'searchbox' ) ).toHaveFocus();
	} );

	it( 'clears with Escape', async () => {
		const user = userEvent.setup();
		render( <Harness onList={ () => {} } /> );
		await user.type( screen.getByRole( 'searchbox' ), 'zzz' );
		expect( screen.queryAllByRole( 'listitem' ) ).toHaveLength( 0 );
		expect( screen.getByText( '0 of 2 visitors shown.' ) ).toBeVisible();
		await user.keyboard( '{Escape}' );
		expect( screen.getAllByRole( 'listitem' ) ).toHaveLength( 2 );
	} );
} );
