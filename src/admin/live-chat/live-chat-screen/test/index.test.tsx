/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import LiveChatScreen from '..';

describe( 'LiveChatScreen', () => {
	it( 'renders its heading and explains why it is empty', () => {
		render( <LiveChatScreen /> );
		expect(
			screen.getByRole( 'heading', { level: 1, name: 'Live Chat' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'heading', {
				level: 2,
				name: 'No conversations yet',
			} )
		).toBeInTheDocument();
	} );
} );
