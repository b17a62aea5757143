/**
 * External dependencies
 */
import type { ChangeEvent, FormEvent, KeyboardEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Button, VisuallyHidden } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { MESSAGE_MAX } from '../../../protocol';
import type { ComposerProps } from './types';

/** "typing" is said again at most this often while the agent keeps typing. */
export const TYPING_REPEAT_MS = 3000;

/** After this long without a keystroke the agent has stopped typing. */
export const TYPING_IDLE_MS = 4000;

/** The character count shows once fewer than this many are left. */
const COUNT_FROM = 500;

const drafts = new Map< string, string >();

/**
 * The reply box: Enter sends, Shift+Enter starts a new line; says "typing"
 * while the agent types (at most every few seconds) and "stopped" after a
 * pause or on send; counts the characters left near MESSAGE_MAX. A draft is
 * kept per conversation while the screen is open.
 *
 * @param props What to do with the text.
 */
export default function Composer( props: ComposerProps ) {
	const { onSend, onTyping, disabled = false, conversationId } = props;
	const [ text, setText ] = useState(
		() => drafts.get( conversationId ) ?? ''
	);
	const typingSince = useRef< number | null >( null );
	const idleTimer = useRef< ReturnType< typeof setTimeout > | null >( null );
	const typingRef = useRef( onTyping );
	typingRef.current = onTyping;

	const stopTyping = () => {
		if ( idleTimer.current !== null ) {
			clearTimeout( idleTimer.current );
			idleTimer.current = null;
		}
		if ( typingSince.current !== null ) {
			typingSince.current = null;
			typingRef.current?.( false );
		}
	};

	// Another conversation: its own draft, and this one's typing ends.
	useEffect( () => {
		setText( drafts.get( conversationId ) ?? '' );
		return stopTyping;
	}, [ conversationId ] );

	const over = text.length - MESSAGE_MAX;
	const empty = text.trim() === '';

	const send = () => {
		if ( disabled || empty || over > 0 ) {
			return;
		}
		onSend( text );
		drafts.delete( conversationId );
		setText( '' );
		stopTyping();
	};

	const onChange = ( event: ChangeEvent< HTMLTextAreaElement > ) => {
		const value = event.target.value;
		setText( value );
		drafts.set( conversationId, value );
		if ( value.trim() === '' ) {
			stopTyping();
			return;
		}
		const now = Date.now();
		if (
			typingSince.current === null ||
			now - typingSince.current >= TYPING_REPEAT_MS
		) {
			typingSince.current = now;
			typingRef.current?.( true );
		}
		if ( idleTimer.current !== null ) {
			clearTimeout( idleTimer.current );
		}
		idleTimer.current = setTimeout( stopTyping, TYPING_IDLE_MS );
	};

	const onKeyDown = ( event: KeyboardEvent< HTMLTextAreaElement > ) => {
		// Enter while composing (an IME) picks a candidate; it does not send.
		if (
			event.key === 'Enter' &&
			! event.shiftKey &&
			! event.nativeEvent.isComposing
		) {
			event.preventDefault();
			send();
		}
	};

	const onSubmit = ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		send();
	};

	const id = `livedesk-composer-${ conversationId }`;
	let count = '';
	if ( over > 0 ) {
		count = sprintf(
			/* translators: %d: characters to remove. */
			_n(
				'Too long by %d character.',
				'Too long by %d characters.',
				over,
				'livedesk'
			),
			over
		);
	} else if ( -over < COUNT_FROM ) {
		count = sprintf(
			/* translators: %d: characters left. */
			_n(
				'%d character left.',
				'%d characters left.',
				-over,
				'livedesk'
			),
			-over
		);
	}

	return (
		<form className="livedesk-composer" onSubmit={ onSubmit }>
			<VisuallyHidden as="label" htmlFor={ id }>
				{ __( 'Reply', 'livedesk' ) }
			</VisuallyHidden>
			<textarea
				id={ id }
				className="livedesk-composer__input"
				value={ text }
				rows={ 3 }
				placeholder={ __(
					'Write a reply… (Enter sends, Shift+Enter adds a line)',
					'livedesk'
				) }
				disabled={ disabled }
				aria-describedby={ count ? `${ id }-count` : undefined }
				aria-invalid={ over > 0 ? true : undefined }
				onChange={ onChange }
				onKeyDown={ onKeyDown }
				onBlur={ stopTyping }
			/>
			<div className="livedesk-composer__footer">
				<span
					id={ `${ id }-count` }
					className={
						'livedesk-composer__count' +
						( over > 0 ? ' is-over' : '' )
					}
				>
					{ count }
				</span>
				<Button
					__next40pxDefaultSize
					type="submit"
					variant="primary"
					disabled={ disabled || empty || over > 0 }
					accessibleWhenDisabled
				>
					{ __( 'Send', 'livedesk' ) }
				</Button>
			</div>
		</form>
	);
}
