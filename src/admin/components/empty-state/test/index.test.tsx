/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import EmptyState from '..';

describe( 'EmptyState', () => {
	it( 'renders the title as a level-2 heading with its explanation', () => {
		render(
			<EmptyState title="Nothing yet">
				<p>It fills in later.</p>
			</EmptyState>
		);
		expect(
			screen.getByRole( 'heading', { level: 2, name: 'Nothing yet' } )
		).toBeInTheDocument();
		expect( screen.getByText( 'It fills in later.' ) ).toBeInTheDocument();
	} );

	it( 'renders actions when given', () => {
		render(
			<EmptyState title="Nothing yet" actions={ <a href="#x">Go</a> }>
				<p>It fills in later.</p>
			</EmptyState>
		);
		expect( screen.getByRole( 'link', { name: 'Go' } ) ).toHaveAttribute(
			'href',
			'#x'
		);
	} );
} );
