/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import AnalyticsScreen from '..';

describe( 'AnalyticsScreen', () => {
	it( 'renders its heading and explains why it is empty', () => {
		render( <AnalyticsScreen /> );
		expect(
			screen.getByRole( 'heading', { level: 1, name: 'Analytics' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'heading', {
				level: 2,
				name: 'No data collected yet',
			} )
		).toBeInTheDocument();
	} );
} );
