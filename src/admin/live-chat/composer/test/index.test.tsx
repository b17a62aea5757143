/**
 * External dependencies
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import Composer, { TYPING_IDLE_MS } from '..';
import { MESSAGE_MAX } from '../../../../protocol';

function setUp( id = 'a'.repeat( 32 ) ) {
	const onSend = jest.fn();
	const onTyping = jest.fn();
	const view = render(
		<Composer
			conversationId={ id }
			onSend={ onSend }
			onTyping={ onTyping }
		/>
	);
	const box = screen.getByRole( 'textbox', { name: 'Reply' } );
	return { onSend, onTyping, box, view };
}

describe( 'Composer', () => {
	it( 'sends on Enter and adds a line on Shift+Enter', async () => {
		const user = userEvent.setup();
		const { onSend, box } = setUp();
		await user.type( box, 'Hello{Shift>}{Enter}{/Shift}there' );
		expect( onSend ).not.toHaveBeenCalled();
		await user.keyboard( '{Enter}' );
		expect( onSend ).toHaveBeenCalledWith( 'Hello\nthere' );
		expect( box ).toHaveValue( '' );
	} );

	it( 'does not send blank text', async () => {
		const user = userEvent.setup();
		const { onSend, box } = setUp();
		await user.type( box, '   {Enter}' );
		expect( onSend ).not.toHaveBeenCalled();
		expect(
			screen.getByRole( 'button', { name: 'Send' } )
		).toHaveAttribute( 'aria-disabled', 'true' );
	} );

	it( 'says typing once while typing, and stopped on send', async () => {
		const user = userEvent.setup();
		const { onTyping, box } = setUp();
		await user.type( box, 'abc' );
		expect( onTyping.mock.calls ).toEqual( [ [ true ] ] );
		await user.keyboard( '{Enter}' );
		expect( onTyping.mock.calls ).toEqual( [ [ true ], [ false ] ] );
	} );

	it( 'says stopped after a pause', async () => {
		jest.useFakeTimers();
		const user = userEvent.setup( {
			advanceTimers: jest.advanceTimersByTime,
		} );
		const { onTyping, box } = setUp( 'e'.repeat( 32 ) );
		await user.type( box, 'a' );
		act( () => {
			jest.advanceTimersByTime( TYPING_IDLE_MS );
		} );
		expect( onTyping.mock.calls ).toEqual( [ [ true ], [ false ] ] );
		jest.useRealTimers();
	} );

	it( 'counts down near the limit and refuses a message that is too long', async () => {
		const user = userEvent.setup();
		const { onSend, box } = setUp( 'd'.repeat( 32 ) );
		await user.click( box );
		await user.paste( 'x'.repeat( MESSAGE_MAX - 10 ) );
		expect( screen.getByText( '10 characters left.' ) ).toBeInTheDocument();
		await user.paste( 'y'.repeat( 12 ) );
		expect(
			screen.getByText( 'Too long by 2 characters.' )
		).toBeInTheDocument();
		expect( box ).toHaveAttribute( 'aria-invalid', 'true' );
		await user.keyboard( '{Enter}' );
		expect( onSend ).not.toHaveBeenCalled();
	} );

	it( 'keeps a draft per conversation', async () => {
		const user = userEvent.setup();
		const { box, view, onSend, onTyping } = setUp( 'b'.repeat( 32 ) );
		await user.type( box, 'Draft for B' );
		view.rerender(
			<Composer
				conversationId={ 'c'.repeat( 32 ) }
				onSend={ onSend }
				onTyping={ onTyping }
			/>
		);
		expect( screen.getByRole( 'textbox', { name: 'Reply' } ) ).toHaveValue(
			''
		);
		view.rerender(
			<Composer
				conversationId={ 'b'.repeat( 32 ) }
				onSend={ onSend }
				onTyping={ onTyping }
			/>
		);
		expect( screen.getByRole( 'textbox', { name: 'Reply' } ) ).toHaveValue(
			'Draft for B'
		);
	} );
} );
