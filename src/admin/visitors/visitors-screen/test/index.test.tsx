/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import VisitorsScreen from '..';

describe( 'VisitorsScreen', () => {
	it( 'renders its heading and explains why it is empty', () => {
		render( <VisitorsScreen /> );
		expect(
			screen.getByRole( 'heading', { level: 1, name: 'Visitors' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'heading', {
				level: 2,
				name: 'No live visitors to show yet',
			} )
		).toBeInTheDocument();
	} );
} );
