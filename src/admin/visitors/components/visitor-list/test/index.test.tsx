/**
 * External dependencies
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import VisitorList, { ROW_HEIGHT } from '..';
import {
	makeVisitor,
	manyVisitors,
	XSS_TITLE,
} from '../../../lib/test/fixtures';

describe( 'VisitorList', () => {
	it( 'renders each visitor in the given order with status, name, flag and page', () => {
		const visitors = [
			makeVisitor( {
				id: '1'.repeat( 32 ),
				number: 4,
				status: 'chatting',
				name: 'Ana',
				geo: { country: 'FR' },
				page: { title: 'Pricing' },
			} ),
			makeVisitor( {
				id: '2'.repeat( 32 ),
				number: 2,
				status: 'offline',
				page: { title: '', path: '/checkout' },
			} ),
		];
		render(
			<VisitorList
				visitors={ visitors }
				selectedId={ null }
				onSelect={ () => {} }
			/>
		);
		const rows = screen.getAllByRole( 'option' );
		expect( rows ).toHaveLength( 2 );
		const [ first, second ] = rows as [ HTMLElement, HTMLElement ];
		expect( first ).toHaveTextContent( 'Chatting' );
		expect( first ).toHaveTextContent( 'Ana' );
		expect( first ).toHaveTextContent( 'Pricing' );
		expect(
			within( first ).getByRole( 'img', { name: 'France' } )
		).toHaveTextContent( '\u{1F1EB}\u{1F1F7}' );
		expect( second ).toHaveTextContent( 'Offline' );
		expect( second ).toHaveTextContent( 'Visitor 2' );
		expect( second ).toHaveTextContent( '/checkout' );
	} );

	it( 'shows the returning badge with a label, and tabs only when more than one', () => {
		const tab = { path: '/', title: 'Home', visible: true, since: 0 };
		render(
			<VisitorList
				visitors={ [
					makeVisitor( {
						id: '1'.repeat( 32 ),
						returning: true,
						tabs: [
							{ ...tab, id: 'a' },
							{ ...tab, id: 'b' },
							{ ...tab, id: 'c' },
						],
					} ),
					makeVisitor( {
						id: '2'.repeat( 32 ),
						tabs: [ { ...tab, id: 'd' } ],
					} ),
				] }
				selectedId={ null }
				onSelect={ () => {} }
			/>
		);
		const [ first, second ] = screen.getAllByRole( 'option' ) as [
			HTMLElement,
			HTMLElement,
		];
		expect( first ).toHaveTextContent( 'Returning visitor' );
		expect( first ).toHaveTextContent( '3 tabs' );
		expect( second ).not.toHaveTextContent( 'Returning visitor' );
		expect( second ).not.toHaveTextContent( 'tabs' );
	} );

	it( 'renders a page title containing markup as literal text', () => {
		const { container } = render(
			<VisitorList
				visitors={ [
					makeVisitor( {
						name: '<b>x</b>',
						page: { title: XSS_TITLE },
					} ),
				] }
				selectedId={ null }
				onSelect={ () => {} }
			/>
		);
		expect( screen.getByRole( 'option' ) ).toHaveTextContent( XSS_TITLE );
		expect( screen.getByText( '<b>x</b>' ) ).toBeInTheDocument();
		expect( container.querySelector( 'img' ) ).toBeNull();
		expect( container.querySelector( 'b' ) ).toBeNull();
	} );

	it( 'renders only the rows in view for 10,000 visitors, and follows scrolling', () => {
		const visitors = manyVisitors( 10_000 );
		render(
			<VisitorList
				visitors={ visitors }
				selectedId={ null }
				onSelect={ () => {} }
			/>
		);
		const list = screen.getByRole( 'listbox', { name: 'Visitors' } );
		expect( screen.getAllByRole( 'option' ).length ).toBeLessThan( 60 );
		expect( screen.getByText( 'Visitor 1' ) ).toBeInTheDocument();
		expect( screen.queryByText( 'Visitor 5000' ) ).toBeNull();

		list.scrollTop = 4999 * ROW_HEIGHT;
		fireEvent.scroll( list );

		expect( screen.getAllByRole( 'option' ).length ).toBeLessThan( 60 );
		const row = screen
			.getByText( 'Visitor 5000' )
			.closest( '[role="option"]' );
		expect( row ).toHaveAttribute( 'aria-posinset', '5000' );
		expect( row ).toHaveAttribute( 'aria-setsize', '10000' );
		expect( screen.queryByText( 'Visitor 1' ) ).toBeNull();
	} );

	it( 'opens a row on click and marks the selected one', async () => {
		const user = userEvent.setup();
		const onSelect = jest.fn();
		const visitors = manyVisitors( 3 );
		const { rerender } = render(
			<VisitorList
				visitors={ visitors }
				selectedId={ null }
				onSelect={ onSelect }
			/>
		);
		await user.click( screen.getByText( 'Visitor 2' ) );
		expect( onSelect ).toHaveBeenCalledWith( visitors[ 1 ]?.id );

		rerender(
			<VisitorList
				visitors={ visitors }
				selectedId={ visitors[ 1 ]?.id ?? null }
				onSelect={ onSelect }
			/>
		);
		expect(
			screen.getByRole( 'option', { selected: true } )
		).toHaveTextContent( 'Visitor 2' );
	} );

	it( 'is reached with Tab, moved with arrow keys, and opens with Enter', async () => {
		const user = userEvent.setup();
		const onSelect = jest.fn();
		const visitors = manyVisitors( 100 );
		render(
			<VisitorList
				visitors={ visitors }
				selectedId={ null }
				onSelect={ onSelect }
			/>
		);
		await user.tab();
		const list = screen.getByRole( 'listbox' );
		expect( list ).toHaveFocus();
		const active = () =>
			document.getElementById(
				list.getAttribute( 'aria-activedescendant' ) ?? ''
			);
		expect( active() ).toHaveTextContent( 'Visitor 1' );

		await user.keyboard( '{ArrowDown}{ArrowDown}' );
		expect( active() ).toHaveTextContent( 'Visitor 3' );
		await user.keyboard( '{ArrowUp}' );
		expect( active() ).toHaveTextContent( 'Visitor 2' );
		await user.keyboard( '{Enter}' );
		expect( onSelect ).toHaveBeenLastCalledWith( visitors[ 1 ]?.id );

		await user.keyboard( '{End}' );
		expect( active() ).toHaveTextContent( 'Visitor 100' );
		expect( list.scrollTop ).toBeGreaterThan( 0 );
		await user.keyboard( '{Home} ' );
		expect( onSelect ).toHaveBeenLastCalledWith( visitors[ 0 ]?.id );
	} );
} );

describe( 'VisitorList selection from elsewhere', () => {
	it( 'scrolls a visitor opened from the map into view', () => {
		const visitors = manyVisitors( 1000 );
		const { rerender } = render(
			<VisitorList
				visitors={ visitors }
				selectedId={ null }
				onSelect={ () => {} }
			/>
		);
		expect( screen.queryByText( 'Visitor 800' ) ).toBeNull();
		rerender(
			<VisitorList
				visitors={ visitors }
				selectedId={ visitors[ 799 ]?.id ?? null }
				onSelect={ () => {} }
			/>
		);
		expect(
			screen.getByRole( 'option', { selected: true } )
		).toHaveTextContent( 'Visitor 800' );
		expect( screen.getByRole( 'listbox' ).scrollTop ).toBeGreaterThan(
			700 * ROW_HEIGHT
		);
	} );
} );
