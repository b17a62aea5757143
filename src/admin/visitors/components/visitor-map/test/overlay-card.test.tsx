/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import type { PresenceCounts } from '../../../../../protocol';
import VisitorMapOverlayCard from '../overlay-card';

const COUNTS: PresenceCounts = {
	live: 1234,
	online: 1000,
	chatting: 7,
	offline: 227,
	overCap: 0,
	cap: 500,
	tracking: true,
};

/**
 * The value shown under a term of the card.
 *
 * @param term The label.
 */
function valueOf( term: string ): string | null | undefined {
	return screen.getByText( term ).nextElementSibling?.textContent;
}

describe( 'VisitorMapOverlayCard', () => {
	it( 'shows live visitors and active chats', () => {
		render( <VisitorMapOverlayCard counts={ COUNTS } /> );
		expect( valueOf( 'Live visitors' ) ).toBe( ( 1234 ).toLocaleString() );
		expect( valueOf( 'Active chats now' ) ).toBe( '7' );
		expect(
			screen.queryByText( /more not shown/ )
		).not.toBeInTheDocument();
	} );

	it( 'says how many visitors the cap left out', () => {
		const { rerender } = render(
			<VisitorMapOverlayCard counts={ { ...COUNTS, overCap: 1 } } />
		);
		expect( screen.getByText( '1 more not shown' ) ).toBeInTheDocument();
		rerender(
			<VisitorMapOverlayCard counts={ { ...COUNTS, overCap: 42 } } />
		);
		expect( screen.getByText( '42 more not shown' ) ).toBeInTheDocument();
	} );

	it( 'shows dashes before the first counts arrive', () => {
		render( <VisitorMapOverlayCard counts={ null } /> );
		expect( valueOf( 'Live visitors' ) ).toBe( '—' );
		expect( valueOf( 'Active chats now' ) ).toBe( '—' );
	} );
} );
