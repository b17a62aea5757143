/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import ScreenHeader from '..';

describe( 'ScreenHeader', () => {
	it( 'renders the title as the level-1 heading', () => {
		render( <ScreenHeader title="Visitors" /> );
		expect(
			screen.getByRole( 'heading', { level: 1, name: 'Visitors' } )
		).toBeInTheDocument();
	} );

	it( 'renders the description only when given', () => {
		const { rerender } = render( <ScreenHeader title="Visitors" /> );
		expect( screen.queryByText( 'Who is here.' ) ).not.toBeInTheDocument();

		rerender(
			<ScreenHeader title="Visitors" description="Who is here." />
		);
		expect( screen.getByText( 'Who is here.' ) ).toBeInTheDocument();
	} );
} );
