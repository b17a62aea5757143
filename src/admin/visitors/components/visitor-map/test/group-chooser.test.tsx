/**
 * External dependencies
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import GroupChooser, { MAX_CHOOSER_ROWS } from '../group-chooser';
import type { GroupChooserProps } from '../types';
import { BERLIN, visitor } from './fixtures';

const XSS = '<img src=x onerror=alert(1)>';

const VISITORS = [
	visitor( 'c', {}, 'chatting', 3, {
		number: 3,
		page: { path: '/pricing', title: 'Pricing', since: 3 },
	} ),
	visitor( 'b', BERLIN, 'online', 2, {
		number: 2,
		name: XSS,
		page: { path: '/checkout', title: XSS, since: 2 },
	} ),
	visitor( 'a', {}, 'offline', 1, {
		number: 1,
		page: { path: '/about', title: '', since: 1 },
	} ),
];

/**
 * Renders a chooser anchored to a button that has the focus, as a pin would.
 *
 * @param props Props to override.
 */
async function renderChooser( props: Partial< GroupChooserProps > = {} ) {
	const onChoose = jest.fn();
	const onClose = jest.fn();
	const anchor = document.createElement( 'button' );
	anchor.textContent = 'Pin';
	document.body.append( anchor );
	anchor.focus();
	const result = render(
		<GroupChooser
			anchor={ anchor }
			title="Paris, France: 3 visitors"
			visitors={ VISITORS }
			selectedId={ null }
			showPlace={ false }
			onChoose={ onChoose }
			onClose={ onClose }
			{ ...props }
		/>
	);
	const listbox = screen.getByRole( 'listbox', {
		name: 'Paris, France: 3 visitors',
	} );
	// The list takes the focus when it opens.
	await waitFor( () => expect( listbox ).toHaveFocus() );
	return { ...result, listbox, anchor, onChoose, onClose };
}

/** The active option (aria-activedescendant). */
function active(): HTMLElement | null {
	const id = screen
		.getByRole( 'listbox' )
		.getAttribute( 'aria-activedescendant' );
	return id ? document.getElementById( id ) : null;
}

describe( 'GroupChooser', () => {
	afterEach( () => {
		document.body.innerHTML = '';
	} );

	it( 'lists status, name and current page of each visitor as text', async () => {
		const { container } = await renderChooser();
		const options = screen.getAllByRole( 'option' );
		expect( options ).toHaveLength( 3 );
		expect( options[ 0 ] ).toHaveTextContent( 'Chatting' );
		expect( options[ 0 ] ).toHaveTextContent( 'Visitor 3' );
		expect( options[ 0 ] ).toHaveTextContent( 'Pricing' );
		// Visitor-supplied name and title stay text.
		expect( options[ 1 ] ).toHaveTextContent( `Online${ XSS }${ XSS }` );
		// No title: the path.
		expect( options[ 2 ] ).toHaveTextContent( 'OfflineVisitor 1/about' );
		expect( document.querySelector( 'img' ) ).toBeNull();
		expect( container.ownerDocument.body ).toHaveTextContent(
			'Escape closes the list.'
		);
	} );

	it( 'moves with the arrow keys, Home and End, and chooses with Enter', async () => {
		const { onChoose } = await renderChooser();
		expect( active() ).toHaveTextContent( 'Visitor 3' );
		await userEvent.keyboard( '{ArrowDown}' );
		expect( active() ).toHaveTextContent( XSS );
		await userEvent.keyboard( '{ArrowDown}{ArrowDown}' );
		expect( active() ).toHaveTextContent( 'Visitor 1' );
		await userEvent.keyboard( '{Home}' );
		expect( active() ).toHaveTextContent( 'Visitor 3' );
		await userEvent.keyboard( '{ArrowUp}' );
		expect( active() ).toHaveTextContent( 'Visitor 3' );
		await userEvent.keyboard( '{End}' );
		expect( active() ).toHaveClass( 'is-active' );
		await userEvent.keyboard( '{Enter}' );
		expect( onChoose ).toHaveBeenCalledWith( 'a' );
	} );

	it( 'chooses with Space and with a click', async () => {
		const { onChoose } = await renderChooser();
		await userEvent.keyboard( ' ' );
		expect( onChoose ).toHaveBeenLastCalledWith( 'c' );
		await userEvent.click( screen.getByText( 'Pricing' ) );
		expect( onChoose ).toHaveBeenLastCalledWith( 'c' );
		await userEvent.click( screen.getAllByText( XSS )[ 0 ] as Element );
		expect( onChoose ).toHaveBeenLastCalledWith( 'b' );
	} );

	it( 'starts on the selected visitor and marks it', async () => {
		await renderChooser( { selectedId: 'b' } );
		expect( active() ).toHaveAttribute( 'aria-selected', 'true' );
		expect( active() ).toHaveTextContent( XSS );
		expect(
			screen.getByRole( 'option', { name: /Visitor 3/ } )
		).toHaveAttribute( 'aria-selected', 'false' );
	} );

	it( 'closes on Escape and Tab, and gives the focus back', async () => {
		const { onClose, anchor, unmount } = await renderChooser();
		await userEvent.keyboard( '{Escape}' );
		expect( onClose ).toHaveBeenCalledTimes( 1 );
		await userEvent.keyboard( '{Tab}' );
		expect( onClose ).toHaveBeenCalledTimes( 2 );
		// The map unmounts it on close: focus goes back to the pin.
		unmount();
		expect( anchor ).toHaveFocus();
	} );

	it( 'names each visitor’s place when the list spans several', async () => {
		await renderChooser( { showPlace: true } );
		expect( screen.getAllByRole( 'option' )[ 1 ] ).toHaveTextContent(
			`Berlin · ${ XSS }`
		);
	} );

	it( 'lists at most MAX_CHOOSER_ROWS visitors and says how many more', async () => {
		const many = Array.from(
			{ length: MAX_CHOOSER_ROWS + 1205 },
			( _, i ) =>
				visitor( `v${ i }`, {}, 'online', 5000 - i, { number: i + 1 } )
		);
		await renderChooser( { visitors: many } );
		expect( screen.getAllByRole( 'option' ) ).toHaveLength(
			MAX_CHOOSER_ROWS
		);
		expect(
			screen.getByText(
				`${ ( 1205 ).toLocaleString() } more visitors here: use the filter to find them.`
			)
		).toBeInTheDocument();
	} );
} );
