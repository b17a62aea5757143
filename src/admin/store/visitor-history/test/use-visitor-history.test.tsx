/**
 * External dependencies
 */
import { render, screen, waitFor } from '@testing-library/react';
import '@testing-library/jest-dom';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry, RegistryProvider } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '..';
import { useVisitorHistory } from '../use-visitor-history';

jest.mock( '@wordpress/api-fetch' );

const mockApiFetch = apiFetch as unknown as jest.Mock;
const ID = 'c'.repeat( 32 );

function response( visitCount: number ) {
	return {
		id: ID,
		first_seen: '2026-11-01T10:00:00Z',
		last_seen: '2026-11-21T10:00:00Z',
		visit_count: visitCount,
		pages: [],
	};
}

function Probe( { refreshKey }: { refreshKey: number } ) {
	const entry = useVisitorHistory( ID, refreshKey );
	return (
		<p>
			{ entry.status === 'loaded'
				? `visits ${ entry.history.visit_count }`
				: entry.status }
		</p>
	);
}

describe( 'useVisitorHistory', () => {
	it( 'loads once, then reloads when the refresh key changes', async () => {
		mockApiFetch
			.mockResolvedValueOnce( response( 1 ) )
			.mockResolvedValueOnce( response( 2 ) );
		const registry = createRegistry();
		registry.register( store );
		const ui = ( key: number ) => (
			<RegistryProvider value={ registry }>
				<Probe refreshKey={ key } />
			</RegistryProvider>
		);
		const { rerender } = render( ui( 1 ) );
		expect( await screen.findByText( 'visits 1' ) ).toBeInTheDocument();
		rerender( ui( 1 ) );
		expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );

		rerender( ui( 2 ) );
		// The loaded history stays on screen while the reload is in flight.
		expect( screen.getByText( 'visits 1' ) ).toBeInTheDocument();
		await waitFor( () =>
			expect( screen.getByText( 'visits 2' ) ).toBeInTheDocument()
		);
		expect( mockApiFetch ).toHaveBeenCalledTimes( 2 );
	} );
} );
